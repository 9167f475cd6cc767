// What a simulated sensor is: its channels (kind, label, wire format, scale) and the rates it
// accepts, with the presets the app, the tests and the benchmarks use.

import type { SampleFormat } from '../src/index';
import type { EmgChannelParams } from './emg-model';
import type { ForceParams } from './force-model';

/** VL leads; VMO is delayed by the scenario's VL-before-VMO delay and scaled by its amplitude ratio. */
export type EmgRole = 'vl' | 'vmo';

export interface EmgChannelSpec {
  kind: 'emg';
  label: string;
  role: EmgRole;
  format: SampleFormat;
  /** µV per count. */
  scale: number;
  resolutionBits: number;
  params?: Partial<EmgChannelParams>;
}

export interface ForceChannelSpec {
  kind: 'force';
  label: string;
  format: SampleFormat;
  /** N per count. */
  scale: number;
  resolutionBits: number;
  params?: Partial<ForceParams>;
}

export type ChannelSpec = EmgChannelSpec | ForceChannelSpec;

export interface DeviceSpec {
  channels: ChannelSpec[];
  /** Strictly ascending; start and setRate accept only these. */
  supportedRatesHz: number[];
}

/**
 * EMG in int16 at 0.25 µV per count: full scale ±8191.75 µV keeps a 5 mV motion artefact plus a
 * maximal-effort EMG peak (≈ 4 × 500 µV RMS) plus hum and wander unclipped, while the 0.25 µV step
 * (quantisation noise 0.25/√12 ≈ 0.07 µV RMS) stays far below the 2–5 µV resting level. 0.25 is
 * exact in float32, the description's scale type.
 */
export const EMG_SCALE_UV = 0.25;
/** Force in int16 at 1/16 N per count: ±2048 N covers 0–2000 N with a step well below the gauge noise. */
export const FORCE_INT16_SCALE_N = 0.0625;
/** Force in int24 at 1 mN per count: ±8388 N, for a dedicated dynamometer with a 24-bit load-cell ADC. */
export const FORCE_INT24_SCALE_N = 0.001;
/** sEMG is sampled at 1000–2000 Hz in practice (clinical.md "Surface EMG processing"). */
export const EMG_RATES_HZ = [500, 1000, 2000];
/** Rates for a force-only gauge: early RFD needs high rates (clinical.md "Force / dynamometry"). */
export const FORCE_RATES_HZ = [100, 500, 1000];

export function vmoChannel(): EmgChannelSpec {
  return { kind: 'emg', label: 'VMO', role: 'vmo', format: 'int16', scale: EMG_SCALE_UV, resolutionBits: 16 };
}

export function vlChannel(): EmgChannelSpec {
  return { kind: 'emg', label: 'VL', role: 'vl', format: 'int16', scale: EMG_SCALE_UV, resolutionBits: 16 };
}

export function forceChannel(format: SampleFormat = 'int16'): ForceChannelSpec {
  return format === 'int16'
    ? { kind: 'force', label: 'force', format, scale: FORCE_INT16_SCALE_N, resolutionBits: 16 }
    : { kind: 'force', label: 'force', format, scale: FORCE_INT24_SCALE_N, resolutionBits: 24 };
}

export type DevicePreset = 'emg' | 'emg+force' | 'dynamometer';

/** emg: VMO + VL; emg+force: the same plus an int16 force channel; dynamometer: int24 force only. */
export function devicePreset(preset: DevicePreset): DeviceSpec {
  switch (preset) {
    case 'emg':
      return { channels: [vmoChannel(), vlChannel()], supportedRatesHz: EMG_RATES_HZ.slice() };
    case 'emg+force':
      return { channels: [vmoChannel(), vlChannel(), forceChannel('int16')], supportedRatesHz: EMG_RATES_HZ.slice() };
    case 'dynamometer':
      return { channels: [forceChannel('int24')], supportedRatesHz: FORCE_RATES_HZ.slice() };
  }
}

export function deviceKindOf(spec: DeviceSpec): 'emg' | 'force' | 'emg+force' {
  const emg = spec.channels.some((c) => c.kind === 'emg');
  const force = spec.channels.some((c) => c.kind === 'force');
  return emg && force ? 'emg+force' : emg ? 'emg' : 'force';
}
