import type { SessionModel, Stage } from '../../state/session-model';
import { exerciseText } from '../../exercise/library-text';
import { LiveChart } from '../live/LiveChart';
import { exercisesText } from '../strings';
import { useEffect } from 'preact/hooks';
import { CueBanner } from '../cues/CueBanner';
import { cuePlayer } from '../cues/app-cue-player';
import { TargetMeter } from './TargetMeter';
import { chooseSide, recordingSide } from '../../state/recording-side';
import { refreshAffectedLeg } from '../../state/active-leg';
import { LegChoice } from '../history/LegChoice';

type RunStage = Extract<Stage, { kind: 'exercising' }>;

/** The exercise in progress: cue, target meter, rep count, live chart with the band. */
export function ExerciseRun({ stage, model }: { stage: RunStage; model: SessionModel }) {
  const { exercise, target, mvc } = stage;
  const levelRaw = target.sensor.snapshot.value?.levels[target.channel]?.level ?? 0;
  const inPercent = exercise.target.unit === '%MVC' && mvc !== null;
  const level = inPercent ? (levelRaw * 100) / mvc : levelRaw;
  const bandRaw: [number, number] = inPercent
    ? [(exercise.target.low * mvc) / 100, (exercise.target.high * mvc) / 100]
    : [exercise.target.low, exercise.target.high];
  // The optional continuous pitch follows activation on the band's scale (0 = rest, 1 = top of band).
  const bandTop = exercise.target.high;
  useEffect(() => cuePlayer.setLevel(Math.max(0, Math.min(1, level / bandTop))), [level, bandTop]);
  useEffect(() => () => cuePlayer.setLevel(null), []);
  useEffect(() => void refreshAffectedLeg(), []);
  return (
    <section class="panel exercise-run" aria-labelledby="run-heading">
      <h2 id="run-heading" class="section-heading">
        {exerciseText[exercise.libraryId].name}
      </h2>
      <p class="run-counts">
        <span>{exercisesText.setOf(stage.set, exercise.sets)}</span> · <span>{exercisesText.repOf(Math.min(stage.rep, exercise.reps), exercise.reps)}</span>
      </p>
      {/* The recording this exercise started is tagged with the leg; a change here re-tags it. */}
      <LegChoice name="exercise-side" value={recordingSide.value} onChoose={chooseSide} />
      <CueBanner visual={cuePlayer.visual} />
      <TargetMeter level={level} low={exercise.target.low} high={exercise.target.high} unit={inPercent ? '%' : 'N'} inBand={stage.inBand} />
      <LiveChart entry={target.sensor} windowS={10} paused={false} bandRaw={bandRaw} />
      <button type="button" class="button button--large" onClick={() => model.stop()}>
        {exercisesText.stop}
      </button>
    </section>
  );
}
