// The cue player's own vocabulary. The exercise engine (src/exercise/rep-engine.ts) speaks in
// sample-indexed engine events; the shell maps those onto these cue events, so the player does
// not depend on the engine's internals and can be driven by anything (a replay, a test, a demo).

/**
 * One moment to cue. Mapping from the engine (rep-engine.ts):
 * phase → 'waiting-for-contraction' ⇒ squeeze; enter-band; leave-band; hold-countdown (secondsLeft
 * ⇒ count); hold-complete; rep-complete (score.rep, score.holdAchieved); relax; set-complete;
 * session-complete.
 */
export type CueEvent =
  | { readonly kind: 'squeeze'; readonly repNumber: number; readonly repsTotal: number }
  | { readonly kind: 'enter-band' }
  | { readonly kind: 'leave-band' }
  | { readonly kind: 'hold-countdown'; readonly count: number }
  | { readonly kind: 'hold-complete' }
  | { readonly kind: 'rep-complete'; readonly repNumber: number; readonly repsTotal: number; readonly achieved: boolean }
  | { readonly kind: 'relax' }
  | { readonly kind: 'set-complete'; readonly setNumber: number; readonly setsTotal: number }
  | { readonly kind: 'session-complete' };

/** The four looks of the banner; each has its own colour, shape and words. */
export type CueTone = 'squeeze' | 'hold' | 'relax' | 'done';

/** Shape redundancy for colour-blind users: ▲ squeeze, ● hold, ▼ relax, ★ well done. */
export type CueShape = 'up' | 'circle' | 'down' | 'star';

export const shapeForTone: Readonly<Record<CueTone, CueShape>> = { squeeze: 'up', hold: 'circle', relax: 'down', done: 'star' };

export interface CueVisual {
  readonly tone: CueTone;
  readonly shape: CueShape;
  readonly words: string;
}

/** Text for the aria-live region; `id` changes with every message so a repeated text is re-announced. */
export interface Announcement {
  readonly id: number;
  readonly text: string;
}

/**
 * The words the player shows, speaks and announces. They live with the app's other strings in
 * the UI layer (src/ui/strings/cues.ts) and are handed in, so state code imports nothing from ui/.
 */
export interface CueWords {
  /** BCP 47 language of the spoken words: only a local voice of this language may speak them. */
  readonly lang: string;
  readonly banner: {
    readonly squeeze: string;
    readonly hold: (count: number | null) => string;
    readonly relax: string;
    readonly done: string;
  };
  readonly spoken: {
    readonly squeeze: string;
    readonly count: (count: number) => string;
    readonly relax: string;
    readonly done: string;
  };
  readonly announce: {
    readonly squeeze: (repNumber: number, repsTotal: number) => string;
    readonly hold: string;
    readonly relax: string;
    readonly rep: (repNumber: number, repsTotal: number, achieved: boolean) => string;
    readonly set: (setNumber: number, setsTotal: number) => string;
    readonly session: string;
  };
}
