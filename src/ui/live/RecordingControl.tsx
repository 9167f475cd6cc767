import { activeRecording, lastStop, startRecording, stopRecording } from '../../state/recording-model';
import { recordingText } from '../strings';

/** Record the session to this device, with how much is saved, and why a recording ended. */
export function RecordingControl() {
  const active = activeRecording.value;
  const stop = lastStop.value;
  return (
    <div class="recording-control">
      {active ? (
        <>
          <button type="button" class="button button--primary" onClick={stopRecording}>
            {recordingText.stop}
          </button>
          <span class="recording-status" role="status">
            <span class="recording-dot" aria-hidden="true" /> {recordingText.recording(active.savedS)}
          </span>
        </>
      ) : (
        <button type="button" class="button" onClick={() => startRecording()}>
          {recordingText.start}
        </button>
      )}
      {!active && stop && (
        <p class={stop === 'user' ? 'hint' : 'alert'} role={stop === 'user' ? 'status' : 'alert'}>
          {recordingText.stopped[stop]}
        </p>
      )}
    </div>
  );
}
