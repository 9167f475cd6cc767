// When each phase of a kite round happens, and where its target zone sits: pure functions of the
// resolved config, shared by the round (kite-game.ts) and the drawing, which looks ahead.

import { READY_S, type LevelBand, type ResolvedKiteConfig } from './kite-config.ts';

export type KitePhase = 'ready' | 'contract' | 'relax' | 'over';

export interface PhaseSpan {
  /** 0 = ready, then contract at odd and relax at even indexes; 2 × cycles + 1 = over. */
  index: number;
  phase: KitePhase;
  startS: number;
  endS: number;
}

/** The phase with this index (an index past the last phase gives `over`, from the round's end on). */
export function phaseSpan(config: ResolvedKiteConfig, index: number): PhaseSpan {
  if (index <= 0) return { index: 0, phase: 'ready', startS: 0, endS: READY_S };
  const last = 2 * config.cycles;
  if (index > last) return { index: last + 1, phase: 'over', startS: config.durationS, endS: Infinity };
  const cycleS = config.contractS + config.relaxS;
  const cycleStartS = READY_S + Math.floor((index - 1) / 2) * cycleS;
  return index % 2 === 1
    ? { index, phase: 'contract', startS: cycleStartS, endS: cycleStartS + config.contractS }
    : { index, phase: 'relax', startS: cycleStartS + config.contractS, endS: cycleStartS + cycleS };
}

/** The phase under way at round time `tS` (s since Start). */
export function phaseAt(config: ResolvedKiteConfig, tS: number): PhaseSpan {
  if (tS < READY_S) return phaseSpan(config, 0);
  const cycleS = config.contractS + config.relaxS;
  const cycle = Math.floor((tS - READY_S) / cycleS);
  const intoCycleS = tS - READY_S - cycle * cycleS;
  return phaseSpan(config, 2 * cycle + (intoCycleS < config.contractS ? 1 : 2));
}

/** The ground zone: relaxed, from rest up to the relax level. */
export function groundZone(config: ResolvedKiteConfig): LevelBand {
  return { low: 0, high: config.relaxBelow };
}

/**
 * The gap between the clouds during a squeeze: the band's centre moved by `offset` (gusts), sized
 * by the difficulty, never reaching down into the ground zone.
 */
export function contractZone(config: ResolvedKiteConfig, offset: number, out: LevelBand = { low: 0, high: 0 }): LevelBand {
  const { low, high } = config.band;
  const centre = (low + high) / 2 + offset;
  const half = (config.rules.zoneWidthOfBand * (high - low)) / 2;
  out.low = Math.max(centre - half, config.relaxBelow);
  out.high = centre + half;
  return out;
}

/**
 * The top of the drawn sky in the band's unit: room above the band for "too high" to be seen
 * (a band's width, or a quarter of its top edge for narrow bands). The kite stops there.
 */
export function skyTop(config: ResolvedKiteConfig): number {
  const { low, high } = config.band;
  return high + Math.max(high - low, 0.25 * high);
}
