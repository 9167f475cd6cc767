// Turns the exercise engine's events (sample-indexed, from the worker) into the cue player's
// events, as soon as each arrives: colour and words on the banner, a tone, a vibration, a spoken
// count, and a line for the screen-reader log.
import { effect } from '@preact/signals';
import type { EngineEvent } from '../../exercise/rep-engine';
import type { CueEvent } from '../../state/cue-types';
import { sessionModel } from '../../state/session-model';
import { cuePlayer } from './app-cue-player';

export function cueFromEngineEvent(event: EngineEvent, reps: number, sets: number): CueEvent | null {
  switch (event.type) {
    case 'phase':
      return event.to === 'waiting-for-contraction' ? { kind: 'squeeze', repNumber: event.rep, repsTotal: reps } : null;
    case 'enter-band':
    case 'leave-band':
    case 'hold-complete':
    case 'relax':
    case 'session-complete':
      return { kind: event.type };
    case 'hold-countdown':
      return { kind: 'hold-countdown', count: event.secondsLeft };
    case 'rep-complete':
      return { kind: 'rep-complete', repNumber: event.score.rep, repsTotal: reps, achieved: event.score.holdAchieved };
    case 'set-complete':
      return { kind: 'set-complete', setNumber: event.score.set, setsTotal: sets };
    default:
      return null; // over-band, back-in-band, hold-failed, relaxed: no cue of their own
  }
}

/** Starts the bridge once, at app start; the player stays silent until a Start button unlocks audio. */
export function startEngineCues(): void {
  effect(() => {
    const event = sessionModel.lastEvent.value;
    const stage = sessionModel.stage.peek();
    if (!event || !('type' in event) || stage.kind !== 'exercising') {
      if (stage.kind === 'summary' || stage.kind === 'choose') cuePlayer.reset();
      return;
    }
    const cue = cueFromEngineEvent(event as EngineEvent, stage.exercise.reps, stage.exercise.sets);
    if (cue) cuePlayer.play(cue);
  });
}
