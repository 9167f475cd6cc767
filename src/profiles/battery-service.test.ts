import { describe, expect, it } from 'vitest';
import { LOW_BATTERY_PERCENT, decodeBatteryLevel } from './battery-service';

describe('Battery Service level', () => {
  it('decodes the uint8 percentage and flags ≤ 15 % as low', () => {
    expect(LOW_BATTERY_PERCENT).toBe(15);
    expect(decodeBatteryLevel(Uint8Array.of(80))).toEqual({
      kind: 'status',
      status: { kind: 'battery-level', percent: 80, low: false },
    });
    expect(decodeBatteryLevel(Uint8Array.of(16))).toMatchObject({ status: { low: false } });
    expect(decodeBatteryLevel(Uint8Array.of(15))).toMatchObject({ status: { low: true } });
    expect(decodeBatteryLevel(Uint8Array.of(0))).toMatchObject({ status: { percent: 0, low: true } });
  });

  it('rejects empty, long and impossible readings', () => {
    expect(decodeBatteryLevel(new Uint8Array(0))).toMatchObject({ kind: 'rejected', reason: 'empty' });
    expect(decodeBatteryLevel(Uint8Array.of(50, 0))).toMatchObject({ kind: 'rejected', reason: 'too-long' });
    expect(decodeBatteryLevel(Uint8Array.of(101))).toMatchObject({ kind: 'rejected', reason: 'out-of-range' });
  });
});
