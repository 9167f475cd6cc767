// The soak's schedule in sample time, seeded: when the link drops and for how long, and when the
// page reloads. Disconnect times are stratified (one uniform draw per equal slot) so that they
// are random yet never pile up, and none falls within `marginS` of the reload or the ends.
import { Prng } from '../../../firmware-protocol/sim/prng';

export interface SoakPlan {
  seed: number;
  sampleSeconds: number;
  /** Sample rate of both EMG channels (issue 8: 2 kHz). */
  rateHz: number;
  /** `atS`: sample time of the drop; `downMs`: how long the sensor stays unreachable, real time. */
  disconnects: { atS: number; downMs: number }[];
  reloadAtS: number;
}

/** Issue 8: each disconnect lasts 0.2–3 s. */
const MIN_DOWN_MS = 200;
const MAX_DOWN_MS = 3000;

export function buildSoakPlan(options: { seed: number; sampleSeconds: number; disconnects: number; rateHz?: number; marginS?: number }): SoakPlan {
  const { seed, sampleSeconds } = options;
  const marginS = options.marginS ?? 2;
  const rng = new Prng(seed);
  const reloadAtS = sampleSeconds / 2;
  const halves: [number, number][] = [
    [marginS, reloadAtS - marginS],
    [reloadAtS + marginS, sampleSeconds - marginS],
  ];
  const disconnects: SoakPlan['disconnects'] = [];
  halves.forEach(([from, to], half) => {
    const count = half === 0 ? Math.ceil(options.disconnects / 2) : Math.floor(options.disconnects / 2);
    const slotS = (to - from) / count;
    for (let i = 0; i < count; i++) {
      const atS = from + slotS * (i + rng.nextFloat());
      disconnects.push({ atS, downMs: Math.round(rng.uniform(MIN_DOWN_MS, MAX_DOWN_MS)) });
    }
  });
  return { seed, sampleSeconds, rateHz: options.rateHz ?? 2000, disconnects, reloadAtS };
}
