import { useEffect } from 'preact/hooks';
import { refreshAffectedLeg } from '../../state/active-leg';
import { activeRecording, lastStop, startRecording, stopRecording } from '../../state/recording-model';
import { chooseSide, recordingSide } from '../../state/recording-side';
import { LegChoice } from '../history/LegChoice';
import { recordingText } from '../strings';

/** Record the session to this device (tagged with the leg), with how much is saved, and why a recording ended. */
export function RecordingControl() {
  const active = activeRecording.value;
  const stop = lastStop.value;
  // The suggested leg needs the patient's injured leg.
  useEffect(() => void refreshAffectedLeg(), []);
  return (
    <div class="recording-control">
      <LegChoice name="recording-side" value={recordingSide.value} onChoose={chooseSide} />
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
        <button type="button" class="button" onClick={() => startRecording({ side: recordingSide.peek() })}>
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
