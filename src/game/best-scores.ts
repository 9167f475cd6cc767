// The best kite score per difficulty, kept in a Storage the caller passes in (localStorage in the
// app, a Map-backed fake in tests). Whatever is stored is checked on load: anything that is not a
// plausible score is ignored, never trusted and never thrown.

import { DIFFICULTIES, PHASE_MIN_S, ROUND_MAX_S, type Difficulty } from './kite-config.ts';
import { POINTS_PER_S, STREAK_BONUS_POINTS, STREAK_CAP } from './kite-game.ts';

export type BestScores = Record<Difficulty, number>;

/** The part of the Web Storage API used here. */
export type ScoreStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const BEST_SCORES_KEY = 'quadcue.kite-game.best';
/** Stored shape version: `{ "v": 1, "best": { "easy": 412, ... } }`. */
const FORMAT_VERSION = 1;
/**
 * No round can score more (2700 with today's rules): every second of the longest round in the
 * zone, plus the largest streak bonus on every phase of the shortest length. Anything above is garbage.
 */
export const SCORE_MAX = ROUND_MAX_S * POINTS_PER_S + (ROUND_MAX_S / PHASE_MIN_S) * STREAK_BONUS_POINTS * STREAK_CAP;

function emptyScores(): BestScores {
  return { easy: 0, medium: 0, hard: 0 };
}

function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= SCORE_MAX;
}

/** Best scores from `storage`; 0 for each difficulty with nothing valid stored (or no storage). */
export function loadBestScores(storage: ScoreStorage | null): BestScores {
  const scores = emptyScores();
  let text: string | null = null;
  try {
    text = storage?.getItem(BEST_SCORES_KEY) ?? null;
  } catch {
    return scores; // Storage blocked (private mode, site settings): no best yet.
  }
  if (text === null) return scores;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return scores;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { v?: unknown }).v !== FORMAT_VERSION) return scores;
  const best = (parsed as { best?: unknown }).best;
  if (typeof best !== 'object' || best === null) return scores;
  for (const difficulty of DIFFICULTIES) {
    const value = (best as Record<string, unknown>)[difficulty];
    if (isScore(value)) scores[difficulty] = value;
  }
  return scores;
}

/**
 * Records a finished round's score. Returns the best scores afterwards and whether this round set
 * a new best (a score of 0 never does). A storage that refuses the write keeps the best for this visit only.
 */
export function recordBestScore(storage: ScoreStorage | null, difficulty: Difficulty, score: number): { best: BestScores; isNewBest: boolean } {
  const best = loadBestScores(storage);
  const rounded = Math.floor(score);
  if (!isScore(rounded) || rounded <= best[difficulty]) return { best, isNewBest: false };
  best[difficulty] = rounded;
  try {
    storage?.setItem(BEST_SCORES_KEY, JSON.stringify({ v: FORMAT_VERSION, best }));
  } catch {
    // Full or blocked storage: the new best lasts for this visit.
  }
  return { best, isNewBest: true };
}
