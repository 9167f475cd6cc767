// Throughput of the EMG and force chains, and of their filter cascades against the same cascades
// run by fili (npm, v2): fili's IirFilter takes arbitrary biquads, so it is fed our coefficients
// and runs in its fastest mode (multiStep over a whole array, in place). Any output difference is
// then the arithmetic alone: fili runs direct form II, we run the transposed form (sos-filter.ts).
import Fili, { type FiliBiquad } from 'fili';
import { butterworthSos } from '../../src/signal/butterworth';
import { EMG_BANDPASS_ORDER, EmgChain, defaultEmgSettings } from '../../src/signal/emg-chain';
import { FORCE_LOW_PASS_ORDER, ForceChain } from '../../src/signal/force-chain';
import { mainsNotchSos } from '../../src/signal/notch';
import { SosFilter } from '../../src/signal/sos-filter';
import { bestSecondsPerCall, bestSecondsPerCallEach, perSecond } from './timing';

/** Blocks as the worker sees them: one Quadcue frame of 4 channels at 2 kHz carries ~29 sets. */
const WORKER_BLOCK = 29;

function filiCascade(sos: Float64Array): FiliBiquad[] {
  const stages: FiliBiquad[] = [];
  for (let j = 0; j < sos.length; j += 6) stages.push({ k: 1, b: [sos[j]!, sos[j + 1]!, sos[j + 2]!], a: [sos[j + 4]!, sos[j + 5]!] });
  return stages;
}

function concat(...parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Rows: chain, samples/s over whole arrays (the CLI) and in worker-sized blocks. */
export function chainRows(emgUv: Float64Array, emgRateHz: number, forceN: Float64Array, forceRateHz: number): string[][] {
  const filtered = new Float32Array(emgUv.length);
  const envelope = new Float32Array(emgUv.length);
  const emg = new EmgChain({ sampleRateHz: emgRateHz, mainsHz: 50 });
  const emgWhole = bestSecondsPerCall(() => emg.process(emgUv, filtered, envelope));
  const emgBlocks = bestSecondsPerCall(() => {
    for (let at = 0; at < emgUv.length; at += WORKER_BLOCK) {
      const n = Math.min(WORKER_BLOCK, emgUv.length - at);
      emg.process(emgUv.subarray(at, at + n), filtered.subarray(at, at + n), envelope.subarray(at, at + n));
    }
  });
  const forceOut = new Float64Array(forceN.length);
  const force = new ForceChain({ sampleRateHz: forceRateHz });
  const forceWhole = bestSecondsPerCall(() => force.process(forceN, forceOut));
  const forceBlocks = bestSecondsPerCall(() => {
    for (let at = 0; at < forceN.length; at += WORKER_BLOCK) {
      const n = Math.min(WORKER_BLOCK, forceN.length - at);
      force.process(forceN.subarray(at, at + n), forceOut.subarray(at, at + n));
    }
  });
  return [
    [`EMG chain (DC, band-pass, notch, RMS) @ ${emgRateHz} Hz`, perSecond(emgUv.length, emgWhole), perSecond(emgUv.length, emgBlocks)],
    [`force chain (low-pass, tare) @ ${forceRateHz} Hz`, perSecond(forceN.length, forceWhole), perSecond(forceN.length, forceBlocks)],
  ];
}

function compareCascade(name: string, sos: Float64Array, input: Float64Array): string[] {
  // Accuracy first, both from rest over the same input.
  const ours = new Float64Array(input.length);
  new SosFilter(sos).process(input, ours);
  const theirs = Float64Array.from(input);
  new Fili.IirFilter(filiCascade(sos)).multiStep(theirs, true);
  let maxDiff = 0;
  let maxOut = 0;
  for (let i = 0; i < input.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(ours[i]! - theirs[i]!));
    maxOut = Math.max(maxOut, Math.abs(ours[i]!));
  }
  // Speed: both filter the whole array, state carried from call to call.
  // fili filters in place, so each of its calls first restores the input (a memcpy, ~1 % of a call).
  const ourFilter = new SosFilter(sos);
  const filiFilter = new Fili.IirFilter(filiCascade(sos));
  const work = new Float64Array(input.length);
  const [ourSeconds, filiSeconds] = bestSecondsPerCallEach([
    () => ourFilter.process(input, ours),
    () => {
      work.set(input);
      filiFilter.multiStep(work, true);
    },
  ]) as [number, number];
  return [
    name,
    perSecond(input.length, ourSeconds),
    perSecond(input.length, filiSeconds),
    (filiSeconds / ourSeconds).toFixed(2),
    `${maxDiff.toExponential(1)} (${((maxDiff / maxOut) * 100).toExponential(1)} % of peak)`,
  ];
}

/** Rows: cascade, ours, fili, ours/fili (speed ratio), largest output difference. */
export function filiRows(emgUv: Float64Array, emgRateHz: number, forceN: Float64Array, forceRateHz: number): string[][] {
  const emg = defaultEmgSettings(emgRateHz, 50);
  const emgSos = concat(
    butterworthSos(EMG_BANDPASS_ORDER, 'bandpass', [emg.bandLowHz, emg.bandHighHz], emgRateHz),
    mainsNotchSos(50, emgRateHz, { q: emg.notchQ }),
  );
  const forceSos = butterworthSos(FORCE_LOW_PASS_ORDER, 'lowpass', 20, forceRateHz);
  return [
    compareCascade(`EMG band-pass ${emg.bandLowHz}-${emg.bandHighHz} Hz order ${EMG_BANDPASS_ORDER} + 50 Hz notch (${emgSos.length / 6} biquads) @ ${emgRateHz} Hz`, emgSos, emgUv),
    compareCascade(`force low-pass 20 Hz order ${FORCE_LOW_PASS_ORDER} (${forceSos.length / 6} biquad) @ ${forceRateHz} Hz`, forceSos, forceN),
  ];
}
