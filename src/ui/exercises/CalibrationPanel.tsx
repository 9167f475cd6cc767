import type { SessionModel, Stage } from '../../state/session-model';
import { CALIBRATION } from '../../state/session-model';
import { exerciseText } from '../../exercise/library-text';
import { cuePlayer } from '../cues/app-cue-player';
import { exercisesText } from '../strings';
import { SignalCheckPanel } from './SignalCheckPanel';

type CalibrationStage = Extract<Stage, { kind: 'ready' | 'calibrating' | 'calibrated' }>;

function formatLevel(value: number, unit: 'uV' | 'N'): string {
  return unit === 'N' ? `${value.toFixed(0)} N` : `${value.toFixed(0)} µV`;
}

/** Audio may only start from a user gesture: every Start button unlocks the cue player. */
function start(model: SessionModel, mvc: number | null): void {
  cuePlayer.unlock();
  void model.startExercise(mvc);
}

/** Calibration: reuse the last one (with its date) or run 3 × 5 s maximal efforts. */
export function CalibrationPanel({ stage, model }: { stage: CalibrationStage; model: SessionModel }) {
  const name = exerciseText[stage.exercise.libraryId].name;
  const needsMvc = stage.exercise.target.unit === '%MVC';
  return (
    <section class="panel" aria-labelledby="calibration-heading">
      <h2 id="calibration-heading" class="section-heading">
        {needsMvc ? exercisesText.calibrationHeading : name}
      </h2>
      {stage.kind === 'ready' && (
        <>
          <SignalCheckPanel target={stage.target} />
          {needsMvc && <p>{exercisesText.calibrationIntro}</p>}
          <div class="action-row">
            {needsMvc && stage.stored && (
              <button type="button" class="button button--large" onClick={() => start(model, stage.stored!.mvc)}>
                {exercisesText.reuseCalibration(new Date(stage.stored.madeAt).toLocaleDateString())}
              </button>
            )}
            {needsMvc && stage.stored && (
              <button type="button" class="button button--large" onClick={() => void model.playGame(stage.stored!.mvc)}>
                {exercisesText.playGame}
              </button>
            )}
            {needsMvc ? (
              <button type="button" class="button button--primary button--large" onClick={() => void model.calibrate()}>
                {exercisesText.calibrate}
              </button>
            ) : (
              <button type="button" class="button button--primary button--large" onClick={() => start(model, null)}>
                {exercisesText.startExercise}
              </button>
            )}
          </div>
        </>
      )}
      {stage.kind === 'calibrating' && (
        <div class={`calibration calibration--${stage.phase}`} role="status" aria-live="polite">
          <p class="calibration-trial">{exercisesText.trial(Math.max(1, stage.trial), CALIBRATION.trials)}</p>
          <p class="calibration-phase">{exercisesText.calibrationPhase[stage.phase]}</p>
          {stage.phase === 'countdown' && stage.secondsLeft !== null && <p class="calibration-count">{exercisesText.secondsLeft(stage.secondsLeft)}</p>}
        </div>
      )}
      {(stage.kind === 'calibrating' || stage.kind === 'calibrated') && (
        <ol class="trials">
          {(stage.kind === 'calibrated' ? stage.result.trials.map((t) => t.mvc) : stage.trials).map((mvc, i) => (
            <li key={i}>{exercisesText.trialResult(i + 1, mvc === null ? exercisesText.trialMissing : formatLevel(mvc, 'uV'))}</li>
          ))}
        </ol>
      )}
      {stage.kind === 'calibrated' && (
        <>
          {stage.result.mvc !== null && <p class="result-line">{exercisesText.maximum(formatLevel(stage.result.mvc, stage.result.unit))}</p>}
          {stage.result.suggestRepeat && <p class="alert alert--warn">{exercisesText.repeatSuggestion}</p>}
          <div class="action-row">
            {stage.result.mvc !== null && (
              <button type="button" class="button button--primary button--large" onClick={() => start(model, stage.result.mvc)}>
                {exercisesText.startExercise}
              </button>
            )}
            <button type="button" class="button button--large" onClick={() => void model.calibrate()}>
              {exercisesText.calibrateAgain}
            </button>
            {stage.result.mvc !== null && (
              <button type="button" class="button button--large" onClick={() => void model.playGame(stage.result.mvc)}>
                {exercisesText.playGame}
              </button>
            )}
          </div>
        </>
      )}
      <button type="button" class="button" onClick={() => model.stop()}>
        {stage.kind === 'calibrating' ? exercisesText.stop : exercisesText.back}
      </button>
    </section>
  );
}
