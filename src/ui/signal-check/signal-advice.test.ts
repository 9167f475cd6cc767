import { describe, expect, it } from 'vitest';
import {
  adviseSignal,
  MAINS_HUM_MAX_UV,
  notchResidualFraction,
  REST_NOISE_MAX_UV,
  REST_NOISE_TARGET_UV,
  SKIN_IMPEDANCE_GOOD_MAX_OHMS,
  SKIN_IMPEDANCE_MAX_OHMS,
} from './signal-advice';

const statuses = (advice: ReturnType<typeof adviseSignal>) => Object.fromEntries(advice.checks.map((c) => [c.name, c.status]));

describe('adviseSignal', () => {
  it('passes a quiet, hum-free channel with good contact', () => {
    const advice = adviseSignal({ restRmsUv: 1.5, humUv: 3, impedanceOhms: 8_000 });
    expect(advice.verdict).toBe('pass');
    expect(statuses(advice)).toEqual({ 'rest-noise': 'good', 'mains-hum': 'good', impedance: 'good' });
    expect(advice.actions).toEqual([]);
  });

  it('grades each measurement at its limits: at a limit is still inside it', () => {
    expect(statuses(adviseSignal({ restRmsUv: REST_NOISE_TARGET_UV, humUv: 0 }))['rest-noise']).toBe('good');
    expect(statuses(adviseSignal({ restRmsUv: REST_NOISE_MAX_UV, humUv: 0 }))['rest-noise']).toBe('ok');
    expect(statuses(adviseSignal({ restRmsUv: REST_NOISE_MAX_UV + 0.01, humUv: 0 }))['rest-noise']).toBe('adjust');
    expect(statuses(adviseSignal({ restRmsUv: 1, humUv: 0, impedanceOhms: SKIN_IMPEDANCE_GOOD_MAX_OHMS + 1 })).impedance).toBe('ok');
    expect(statuses(adviseSignal({ restRmsUv: 1, humUv: 0, impedanceOhms: SKIN_IMPEDANCE_MAX_OHMS + 1 })).impedance).toBe('adjust');
  });

  it('allows hum up to what the Q = 30 notch brings under the rest-noise limit at a 0.1 Hz grid deviation', () => {
    expect(notchResidualFraction(50, 0, 30)).toBe(0);
    expect(notchResidualFraction(50, 0.1, 30)).toBeCloseTo(0.119, 3);
    expect(MAINS_HUM_MAX_UV).toBeCloseTo(42, 0);
    expect(adviseSignal({ restRmsUv: 1, humUv: 40 }).verdict).toBe('pass');
    const humming = adviseSignal({ restRmsUv: 1, humUv: 60 });
    expect(humming.verdict).toBe('adjust');
    expect(humming.actions).toEqual(['press-electrodes', 'check-reference', 'away-from-mains']);
  });

  it('asks for skin preparation first when impedance is high, and lists each action once', () => {
    const advice = adviseSignal({ restRmsUv: 9, humUv: 2, impedanceOhms: 80_000 });
    expect(advice.verdict).toBe('adjust');
    expect(advice.actions).toEqual(['relax-leg', 'press-electrodes', 'prepare-skin']);
    expect(adviseSignal({ restRmsUv: 1, humUv: 2, impedanceOhms: 80_000 }).actions).toEqual(['prepare-skin', 'press-electrodes']);
  });

  it('leaves out the impedance check without a Ganglion reading, and calls missing values incomplete', () => {
    expect(adviseSignal({ restRmsUv: 1, humUv: 1 }).checks.map((c) => c.name)).toEqual(['rest-noise', 'mains-hum']);
    const pending = adviseSignal({ restRmsUv: Number.NaN, humUv: 1 });
    expect(pending.verdict).toBe('incomplete');
    expect(statuses(pending)['rest-noise']).toBe('no-data');
    expect(adviseSignal({ restRmsUv: Number.NaN, humUv: 100 }).verdict).toBe('adjust');
    expect(statuses(adviseSignal({ restRmsUv: -1, humUv: 1 }))['rest-noise']).toBe('no-data');
  });
});
