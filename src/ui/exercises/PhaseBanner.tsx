import type { Stage } from '../../state/session-model';
import { cueWords } from '../strings';

type RunStage = Extract<Stage, { kind: 'exercising' }>;

/**
 * What to do now, in colour, shape and words (never colour alone): ▲ Squeeze, ● Hold 3…2…1,
 * ▼ Relax, ★ Well done. The words also go to a polite live region for screen readers.
 */
export function PhaseBanner({ stage }: { stage: RunStage }) {
  const { phase, holdSecondsLeft } = stage;
  const lastRep = stage.reps.at(-1);
  const cue =
    phase === 'holding' || phase === 'contracting'
      ? holdSecondsLeft !== null
        ? { tone: 'hold', shape: '●', words: cueWords.holdCount(holdSecondsLeft) }
        : { tone: 'hold', shape: '●', words: cueWords.hold }
      : phase === 'relaxing' || phase === 'set-rest'
        ? lastRep?.holdAchieved
          ? { tone: 'done', shape: '★', words: `${cueWords.wellDone} ${cueWords.relax}` }
          : { tone: 'relax', shape: '▼', words: cueWords.relax }
        : phase === 'done'
          ? { tone: 'done', shape: '★', words: cueWords.wellDone }
          : { tone: 'squeeze', shape: '▲', words: cueWords.squeeze };
  return (
    <div class={`phase-banner phase-banner--${cue.tone}`}>
      <span class="phase-shape" aria-hidden="true">
        {cue.shape}
      </span>
      <span class="phase-words" aria-live="polite">
        {cue.words}
      </span>
    </div>
  );
}
