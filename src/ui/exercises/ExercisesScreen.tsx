import { sessionModel } from '../../state/session-model';
import { startEngineCues } from '../cues/engine-cues';
import { loadAnnouncer } from '../shell/Announcer';
import { openedProgramLink } from '../../state/route-model';
import { ProgramImportPanel } from './ProgramImportPanel';
import { ProgramPanel } from './ProgramPanel';
import { ScreenTitle } from '../common/ScreenTitle';
import { exercisesText, screens } from '../strings';
import { CalibrationPanel } from './CalibrationPanel';
import { ExerciseList } from './ExerciseList';
import { ExerciseRun } from './ExerciseRun';
import { GamePanel } from './GamePanel';
import { RatingForm } from './RatingForm';
import { SessionSummaryView } from './SessionSummaryView';

// Sessions run only from this screen: its cues start with it, and the screen-reader log (whose
// empty region has been in the page since start-up) gets its cue player now, before any cue.
startEngineCues();
loadAnnouncer();

export function ExercisesScreen() {
  const stage = sessionModel.stage.value;
  return (
    <>
      <ScreenTitle>{screens.exercises.title}</ScreenTitle>
      {openedProgramLink.value && <ProgramImportPanel link={openedProgramLink.value} />}
      {stage.kind === 'choose' && (
        <>
          <ProgramPanel onStart={(exercise) => sessionModel.choose(exercise)} />
          <ExerciseList onStart={(exercise) => sessionModel.choose(exercise)} />
        </>
      )}
      {stage.kind === 'no-sensor' && (
        <div class="panel">
          <p class="alert" role="alert">
            {exercisesText.noSensor(stage.exercise.signal)}
          </p>
          <div class="action-row">
            <a class="button button--primary" href="#/connect">
              {screens.connect.nav}
            </a>
            <button type="button" class="button" onClick={() => sessionModel.reset()}>
              {exercisesText.back}
            </button>
          </div>
        </div>
      )}
      {(stage.kind === 'ready' || stage.kind === 'calibrating' || stage.kind === 'calibrated') && <CalibrationPanel stage={stage} model={sessionModel} />}
      {stage.kind === 'exercising' && <ExerciseRun stage={stage} model={sessionModel} />}
      {stage.kind === 'playing' && <GamePanel stage={stage} model={sessionModel} />}
      {stage.kind === 'rating' && <RatingForm model={sessionModel} />}
      {stage.kind === 'summary' && <SessionSummaryView summary={stage.summary} trace={stage.trace} onDone={() => sessionModel.reset()} />}
    </>
  );
}
