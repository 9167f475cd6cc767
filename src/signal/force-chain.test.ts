import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ForceChain } from './force-chain.ts';

interface ForceCase {
  sampleRateHz: number;
  lowPassHz: number;
  usedLowPassHz: number;
  gain: number;
  tareN: number;
  rawN: number[];
  forceN: number[];
}
const cases = (
  JSON.parse(readFileSync(new URL('../../tests/fixtures/filters/force.json', import.meta.url), 'utf8')) as { cases: ForceCase[] }
).cases;

const range = (x: number[]): number => Math.max(...x) - Math.min(...x);

describe('ForceChain', () => {
  // Reference: gain × sosfilt(butter(2, fc), raw, zi = sosfilt_zi × raw[0]) − tare.
  // Measured worst error 1.1e-12 of the range (a 150 → 600 N contraction from a loaded start).
  it.each(cases.map((c) => [c.sampleRateHz, c.usedLowPassHz, c.gain, c.tareN, c] as const))(
    'matches scipy at %i Hz (low-pass %f Hz, gain %f, tare %f N) within 1e-6 of the range',
    (_, __, ___, ____, c) => {
      const chain = new ForceChain({ sampleRateHz: c.sampleRateHz, lowPassHz: c.lowPassHz, gain: c.gain, tareN: c.tareN });
      expect(chain.lowPassHz).toBe(c.usedLowPassHz);
      const out = new Float64Array(c.rawN.length);
      for (let start = 0; start < c.rawN.length; start += 7) {
        const block = c.rawN.slice(start, start + 7);
        const blockOut = new Float64Array(block.length);
        chain.process(block, blockOut);
        out.set(blockOut, start);
      }
      let worst = 0;
      c.forceN.forEach((v, i) => (worst = Math.max(worst, Math.abs(out[i]! - v))));
      expect(worst).toBeLessThan(1e-6 * range(c.forceN));
    },
  );

  it('never puts the low-pass above 0.45·fs and defaults to 20 Hz', () => {
    expect(new ForceChain({ sampleRateHz: 40 }).lowPassHz).toBe(18);
    expect(new ForceChain({ sampleRateHz: 80 }).lowPassHz).toBe(20);
    expect(new ForceChain({ sampleRateHz: 1000, lowPassHz: 50 }).lowPassHz).toBe(50);
  });

  it('starts settled on a loaded gauge and applies gain then tare', () => {
    const chain = new ForceChain({ sampleRateHz: 100, gain: 2, tareN: 10 });
    const out = new Float64Array(20);
    chain.process(new Float64Array(20).fill(150), out);
    for (const v of out) expect(v).toBeCloseTo(2 * 150 - 10, 9);
  });

  it('tare makes the current reading zero from the next sample on, and adds up', () => {
    const chain = new ForceChain({ sampleRateHz: 100 });
    const out = new Float64Array(10);
    chain.process(new Float64Array(10).fill(80), out);
    chain.tare(out[9]!);
    expect(chain.tareN).toBeCloseTo(80, 9);
    chain.process(new Float64Array(10).fill(80), out);
    for (const v of out) expect(Math.abs(v)).toBeLessThan(1e-9);
    chain.process(new Float64Array(10).fill(85), out);
    chain.tare(-2);
    expect(chain.tareN).toBeCloseTo(78, 9);
    chain.reset();
    expect(chain.tareN).toBeCloseTo(78, 9);
    expect(() => chain.tare(Number.NaN)).toThrow(RangeError);
  });

  it('turns force into torque (N·m) and torque per body mass (N·m/kg)', () => {
    const chain = new ForceChain({ sampleRateHz: 1000, leverArmM: 0.35, bodyMassKg: 70 });
    expect(chain.torqueNm(600)).toBeCloseTo(210, 12);
    expect(chain.torqueNmPerKg(600)).toBeCloseTo(3, 12);
    const noArm = new ForceChain({ sampleRateHz: 1000, bodyMassKg: 70 });
    expect(noArm.torqueNm(600)).toBeNull();
    expect(noArm.torqueNmPerKg(600)).toBeNull();
    const noMass = new ForceChain({ sampleRateHz: 1000, leverArmM: 0.4, bodyMassKg: null });
    expect(noMass.torqueNm(500)).toBeCloseTo(200, 12);
    expect(noMass.torqueNmPerKg(500)).toBeNull();
  });

  it('rejects settings that cannot work', () => {
    expect(() => new ForceChain({ sampleRateHz: 0 })).toThrow(/sample rate/);
    expect(() => new ForceChain({ sampleRateHz: 100, lowPassHz: 0 })).toThrow(/low-pass/);
    expect(() => new ForceChain({ sampleRateHz: 100, gain: 0 })).toThrow(/gain/);
    expect(() => new ForceChain({ sampleRateHz: 100, tareN: Number.POSITIVE_INFINITY })).toThrow(/tare/);
    expect(() => new ForceChain({ sampleRateHz: 100, leverArmM: -0.3 })).toThrow(/lever arm/);
    expect(() => new ForceChain({ sampleRateHz: 100, bodyMassKg: 0 })).toThrow(/body mass/);
  });
});
