import { describe, expect, it } from 'vitest';
import { ActivationProfile, type ProfileSegment } from './activation';

const effort: ProfileSegment[] = [
  { kind: 'rest', durationS: 1, level: 0 },
  { kind: 'ramp', durationS: 0.5, level: 0.8 },
  { kind: 'hold', durationS: 2, level: 0 },
  { kind: 'ramp', durationS: 0.5, level: 0 },
  { kind: 'rest', durationS: 1, level: 0 },
];

describe('ActivationProfile', () => {
  it('rests, ramps smoothly (raised cosine), holds the ramp level and releases', () => {
    const p = new ActivationProfile(effort, 1000, 'cosine');
    expect(p.levelAt(999)).toBe(0);
    expect(p.kind).toBe('rest');
    expect(p.levelAt(1000)).toBe(0);
    expect(p.levelAt(1250)).toBeCloseTo(0.4, 12);
    expect(p.levelAt(1125)).toBeCloseTo(0.8 * (0.5 - 0.5 * Math.cos(Math.PI / 4)), 12);
    expect(p.kind).toBe('ramp');
    expect(p.levelAt(2000)).toBe(0.8);
    expect(p.kind).toBe('hold');
    expect(p.levelAt(3750)).toBeCloseTo(0.4, 12);
    expect(p.levelAt(4500)).toBe(0);
    expect(p.levelAt(10_000)).toBe(0);
  });

  it('ramps linearly when asked, with an exact slope even between samples', () => {
    const p = new ActivationProfile(effort, 1000, 'linear');
    expect(p.levelAt(1100) - p.levelAt(1099)).toBeCloseTo(0.8 / 500, 12);
  });

  it('shifts the whole profile by a delay (fractional samples allowed)', () => {
    const base = new ActivationProfile(effort, 2000, 'cosine');
    const late = new ActivationProfile(effort, 2000, 'cosine', 0.0125);
    for (const n of [2010, 2300, 2600]) expect(late.levelAt(n + 25)).toBeCloseTo(base.levelAt(n), 12);
    const fractional = new ActivationProfile(effort, 1000, 'linear', 0.0005);
    expect(fractional.segments[1]!.startPos).toBeCloseTo(1000.5, 9);
  });

  it('rewinds its cursor when asked for an earlier sample (looping)', () => {
    const p = new ActivationProfile(effort, 1000, 'cosine');
    expect(p.levelAt(2500)).toBe(0.8);
    expect(p.levelAt(1250)).toBeCloseTo(0.4, 12);
  });

  it('rejects levels outside 0…1 and negative durations', () => {
    expect(() => new ActivationProfile([{ kind: 'ramp', durationS: 1, level: 1.5 }], 1000, 'cosine')).toThrow(RangeError);
    expect(() => new ActivationProfile([{ kind: 'rest', durationS: -1, level: 0 }], 1000, 'cosine')).toThrow(RangeError);
  });
});
