import type { SessionModel, Stage } from '../../state/session-model';
import { bandThresholds } from '../../exercise/band-thresholds';
import { KiteGame } from '../game/KiteGame';
import { exercisesText } from '../strings';

type PlayStage = Extract<Stage, { kind: 'playing' }>;

/** The kite game on the exercise's band and rep timing, driven by the channel's activation. */
export function GamePanel({ stage, model }: { stage: PlayStage; model: SessionModel }) {
  const { exercise, target, mvc } = stage;
  const inPercent = exercise.target.unit === '%MVC' && mvc !== null;
  const level = () => {
    const raw = target.sensor.snapshot.peek()?.levels[target.channel]?.level ?? Number.NaN;
    return inPercent ? (raw * 100) / mvc : raw;
  };
  return (
    <section class="panel">
      <KiteGame
        level={level}
        band={{ low: exercise.target.low, high: exercise.target.high }}
        unit={exercise.target.unit}
        contractS={Math.max(2, exercise.holdS)}
        relaxS={Math.max(2, exercise.relaxS)}
        relaxBelow={bandThresholds(exercise.target).relax}
      />
      <button type="button" class="button" onClick={() => model.stop()}>
        {exercisesText.back}
      </button>
    </section>
  );
}
