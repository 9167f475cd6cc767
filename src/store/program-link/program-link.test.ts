import { describe, expect, it } from 'vitest';
import { Prng } from '../../../firmware-protocol/sim/prng';
import { exerciseFromLibrary } from '../../exercise/library';
import type { Program } from '../../exercise/program';
import { crc32 } from './crc32';
import { PROGRAM_LINK_PREFIX, decodeProgramLink, encodeProgramLink } from './program-link';

function program(): Program {
  const quadSet = exerciseFromLibrary('quad-set', { reps: 12, holdS: 6 });
  const slr = exerciseFromLibrary('straight-leg-raise');
  if (!quadSet.ok || !slr.ok) throw new Error('library entries invalid');
  return { exercises: [quadSet.value, slr.value], schedule: { daysPerWeek: 5, sessionsPerDay: 2 } };
}

describe('program links', () => {
  it('computes the standard CRC-32 ("123456789" → cbf43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });

  it('round-trips a program through a compact URL fragment', async () => {
    const link = await encodeProgramLink(program());
    expect(link.startsWith(PROGRAM_LINK_PREFIX)).toBe(true);
    expect(link).toMatch(/^#\/program\/[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(400); // fits a QR code comfortably
    expect(await decodeProgramLink(link)).toEqual({ ok: true, program: program() });
  });

  it('says exactly why a link cannot be used', async () => {
    const link = await encodeProgramLink(program());
    const data = link.slice(PROGRAM_LINK_PREFIX.length);
    expect((await decodeProgramLink('#/connect')).ok).toBe(false);
    expect(await decodeProgramLink('#/program/')).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await decodeProgramLink(`${PROGRAM_LINK_PREFIX}${data.slice(0, -6)}`)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await decodeProgramLink(`${PROGRAM_LINK_PREFIX}${data}!`)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    // Version 2 in the first byte: base64url of 0x02 followed by the rest.
    const bytes = Uint8Array.from(atob(data.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    bytes[0] = 2;
    const v2 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await decodeProgramLink(`${PROGRAM_LINK_PREFIX}${v2}`)).toEqual({ ok: false, error: { code: 'unknown-version', version: 2 } });
  });

  it('rejects a well-formed link to an invalid program with the validation errors', async () => {
    const bad = { ...program(), schedule: { daysPerWeek: 9, sessionsPerDay: 1 } } as Program;
    const result = await decodeProgramLink(await encodeProgramLink(bad));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-program' } });
  });

  it('never throws on 2,000 damaged links (seeded); what it accepts is the original program', async () => {
    const random = new Prng(99);
    const data = (await encodeProgramLink(program())).slice(PROGRAM_LINK_PREFIX.length);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const chars = [...data];
      for (let k = 0; k < 1 + random.nextInt(3); k++) chars[random.nextInt(chars.length)] = alphabet[random.nextInt(alphabet.length)]!;
      const result = await decodeProgramLink(PROGRAM_LINK_PREFIX + chars.join(''));
      if (result.ok) {
        accepted++;
        // Only a "change" that put the same character back, or touched only padding bits, passes.
        expect(result.program).toEqual(program());
      }
    }
    expect(accepted).toBeLessThan(2000 * 0.05);
  });
});
