// Corrupt and hostile EDF files: each gives one typed error with a sentence, never an exception.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../firmware-protocol/sim/prng';
import type { EdfReadErrorCode } from './edf-errors';
import { fixedFieldOffset, signalFieldOffset } from './edf-header';
import { FIXED_FIELDS, SIGNAL_FIELDS, putAscii, type FixedFieldName, type SignalFieldName } from './edf-layout';
import { readEdf } from './edf-reader';
import { writeEdf } from './edf-writer';

/**
 * 3 s of two 100 Hz channels and an annotation: 3 records of 1 s, signals EMG, force, annotations.
 * `annotationText` sizes the annotation signal: every record has room for the longest record's TALs.
 */
function validFile(annotationText = 'rep 1'): Uint8Array {
  const ramp = Float32Array.from({ length: 300 }, (_, i) => i - 150);
  const result = writeEdf({
    startedAt: '2025-03-01T09:30:00.000Z',
    simulated: false,
    channels: [
      { label: 'VMO', unit: 'uV', sampleRateHz: 100, samples: ramp },
      { label: 'force', unit: 'N', sampleRateHz: 100, samples: ramp.map((v) => v + 150) },
    ],
    annotations: [{ onsetS: 1.5, durationS: 1, text: annotationText }],
  });
  if (!result.ok) throw new Error(result.error.detail);
  return result.bytes;
}

const SIGNALS = 3;
const HEADER_BYTES = 256 * (SIGNALS + 1);
const DATA_BYTES_PER_RECORD = 2 * (100 + 100);

function width(fields: readonly (readonly [string, number])[], name: string): number {
  return fields.find(([field]) => field === name)![1];
}

function withFixed(name: FixedFieldName, text: string): Uint8Array {
  const bytes = validFile();
  putAscii(bytes, fixedFieldOffset(name), width(FIXED_FIELDS, name), text);
  return bytes;
}

function withSignal(name: SignalFieldName, index: number, text: string, bytes = validFile()): Uint8Array {
  putAscii(bytes, signalFieldOffset(name, index, SIGNALS), width(SIGNAL_FIELDS, name), text);
  return bytes;
}

/** The file with record `record`'s annotation bytes replaced (zeros after `text`). */
function withAnnotations(record: number, text: string | Uint8Array, bytes = validFile()): Uint8Array {
  const recordBytes = (bytes.length - HEADER_BYTES) / 3;
  const from = HEADER_BYTES + record * recordBytes + DATA_BYTES_PER_RECORD;
  const to = HEADER_BYTES + (record + 1) * recordBytes;
  const encoded = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  if (encoded.length > to - from) throw new Error(`test bug: ${encoded.length} annotation bytes, room for ${to - from}`);
  bytes.fill(0, from, to);
  bytes.set(encoded, from);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const damaged: [string, () => Uint8Array, EdfReadErrorCode][] = [
  ['an empty file', () => new Uint8Array(0), 'truncated'],
  ['a header cut at 100 bytes', () => validFile().slice(0, 100), 'truncated'],
  ['a header cut inside the signal headers', () => validFile().slice(0, 600), 'truncated'],
  ['a BDF file', () => Uint8Array.from([0xff, ...new TextEncoder().encode('BIOSEMI'), ...new Uint8Array(300)]), 'not-edf'],
  ['version "1"', () => withFixed('version', '1'), 'not-edf'],
  ['a text file', () => new TextEncoder().encode('time_s,VMO[uV]\n'.repeat(40)), 'non-ascii'],
  ['a non-ASCII byte in the patient field', () => withFixed('patient', 'Jos\u00e9 X X X'), 'non-ascii'],
  ['a non-ASCII byte in a signal label', () => withSignal('label', 1, 'f\u00f6rce'), 'non-ascii'],
  ['a non-numeric signal count', () => withFixed('signalCount', 'abc'), 'bad-field'],
  ['zero signals', () => withFixed('signalCount', '0'), 'bad-field'],
  ['a header byte count that disagrees with the signal count', () => withFixed('headerBytes', '1000'), 'size-mismatch'],
  ['more signals than the header holds', () => withFixed('signalCount', '9999'), 'size-mismatch'],
  ['an impossible start date', () => withFixed('startDate', '31.02.25'), 'bad-field'],
  ['a start time that is not hh.mm.ss', () => withFixed('startTime', '25:61:00'), 'bad-field'],
  ['a zero record duration', () => withFixed('recordDurationS', '0'), 'bad-field'],
  ['a record duration in exponent notation', () => withFixed('recordDurationS', '1e0'), 'bad-field'],
  ['a non-numeric physical minimum', () => withSignal('physicalMin', 0, 'low'), 'bad-field'],
  ['equal physical minimum and maximum', () => withSignal('physicalMax', 0, withSignalText('physicalMin', 0)), 'bad-field'],
  ['a digital minimum above the maximum', () => withSignal('digitalMin', 1, '32767'), 'bad-field'],
  ['a digital maximum outside 16 bits', () => withSignal('digitalMax', 1, '40000'), 'bad-field'],
  ['zero samples per record', () => withSignal('samplesPerRecord', 0, '0'), 'bad-field'],
  ['a negative record count', () => withFixed('recordCount', '-5'), 'bad-field'],
  ['a huge record count', () => withFixed('recordCount', '99999999'), 'size-mismatch'],
  ['huge samples per record', () => withSignal('samplesPerRecord', 0, '99999999'), 'size-mismatch'],
  ['a file one byte short', () => validFile().slice(0, -1), 'size-mismatch'],
  ['bytes after the last record', () => concat(validFile(), new Uint8Array(7)), 'size-mismatch'],
  ['EDF+D (interrupted recording)', () => withFixed('reserved', 'EDF+D'), 'discontinuous'],
  ['EDF+C without an annotations signal', () => withSignal('label', 2, 'Annotations'), 'bad-annotations'],
  ['no signal in a usable unit', () => withSignal('physicalDimension', 1, 'degC', withSignal('physicalDimension', 0, 'degC')), 'no-usable-signal'],
  ['a record without its time-keeping TAL', () => withAnnotations(1, '+1.5\x14rep\x14\x00'), 'bad-annotations'],
  ['a TAL onset that is not a number', () => withAnnotations(0, '+zero\x14\x14\x00'), 'bad-annotations'],
  ['a TAL onset without a sign', () => withAnnotations(0, '0\x14\x14\x00'), 'bad-annotations'],
  ['a TAL duration that is not a number', () => withAnnotations(0, '+0\x14\x14\x00+1\x15long\x14x\x14\x00'), 'bad-annotations'],
  ['a TAL that never ends', () => withAnnotations(0, '+0\x14\x14\x00+1\x14AAAA'), 'bad-annotations'],
  ['annotation bytes without any delimiter', () => withAnnotations(2, 'A'.repeat(16)), 'bad-annotations'],
  ['an annotation that is not UTF-8', () => withAnnotations(0, Uint8Array.from([0x2b, 0x30, 0x14, 0x14, 0x00, 0x2b, 0x31, 0x14, 0xff, 0xfe, 0x14, 0x00])), 'bad-annotations'],
  ['a control byte inside an annotation', () => withAnnotations(0, '+0\x14\x14\x00+1\x14a\x15b\x14\x00'), 'bad-annotations'],
  ['time-keeping that jumps (not continuous)', () => withAnnotations(2, '+5\x14\x14\x00'), 'bad-annotations'],
  ['an annotation onset too long to be a number', () => withAnnotations(0, `+0\x14\x14\x00+${'9'.repeat(320)}\x14late\x14\x00`, validFile('x'.repeat(400))), 'bad-annotations'],
  ['an annotation duration too long to be a number', () => withAnnotations(0, `+0\x14\x14\x00+1\x15${'9'.repeat(320)}\x14long\x14\x00`, validFile('x'.repeat(400))), 'bad-annotations'],
  ['a first record that starts 10^13 s after the header', () => withAnnotations(0, '+9999999999999\x14\x14\x00'), 'bad-annotations'],
];

function withSignalText(name: SignalFieldName, index: number): string {
  const bytes = validFile();
  return new TextDecoder().decode(bytes.subarray(signalFieldOffset(name, index, SIGNALS), signalFieldOffset(name, index, SIGNALS) + 8)).trim();
}

describe('EDF reader on damaged files', () => {
  it('starts from a file it reads', () => {
    expect(readEdf(validFile())).toMatchObject({ ok: true, recording: { annotations: [{ onsetS: 1.5, durationS: 1, text: 'rep 1' }] } });
  });

  it(`has at least 20 damaged variants (${damaged.length})`, () => {
    expect(damaged.length).toBeGreaterThanOrEqual(20);
  });

  it.each(damaged)('refuses %s with a typed error', (_, make, code) => {
    const result = readEdf(make());
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) {
      expect(result.error.detail.length).toBeGreaterThan(20);
      expect(result.error.detail).not.toContain('\n');
    }
  });

  it('reads a record count of -1 (still recording) from the file length', () => {
    expect(readEdf(withFixed('recordCount', '-1'))).toMatchObject({ ok: true });
  });

  it('never throws on 2000 files with random bytes overwritten (seeded)', () => {
    const prng = new Prng(2024);
    const original = validFile();
    const codes = new Set<string>();
    for (let n = 0; n < 2000; n++) {
      const bytes = original.slice();
      const flips = 1 + prng.nextInt(8);
      // Half the damage lands in the header, half anywhere.
      for (let f = 0; f < flips; f++) bytes[prng.nextInt(n % 2 === 0 ? HEADER_BYTES : bytes.length)] = prng.nextInt(256);
      const cut = prng.nextInt(10) === 0 ? prng.nextInt(bytes.length) : bytes.length;
      const result = readEdf(bytes.subarray(0, cut));
      if (!result.ok) codes.add(result.error.code);
      else expect(result.recording.channels.length).toBeGreaterThan(0);
    }
    expect(codes.size).toBeGreaterThanOrEqual(5);
  });
});
