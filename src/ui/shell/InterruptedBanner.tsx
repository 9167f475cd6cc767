import { deleteInterrupted, findInterrupted, interrupted, keepInterrupted } from '../../state/recording-model';
import { recordingText } from '../strings';

// Looked up once, when this module first loads (right after start-up).
void findInterrupted();

/** On start: a recording that a crash or a closed tab cut short, offered for recovery. */
export function InterruptedBanner() {
  const sessions = interrupted.value;
  if (sessions.length === 0) return null;
  return (
    <>
      {sessions.map(({ session, extents }) => {
        const savedS = Math.min(...extents.map((e) => e.savedSamples / (session.streams.find((s) => s.sensorId === e.sensorId)?.rateHz ?? 1)));
        return (
          <aside key={session.id} class="notice" aria-labelledby={`interrupted-${session.id}`}>
            <h2 id={`interrupted-${session.id}`} class="notice-title">
              {recordingText.interruptedHeading}
            </h2>
            <p>{recordingText.interruptedBody(new Date(session.startedAt).toLocaleString(), Number.isFinite(savedS) ? savedS : 0)}</p>
            <div class="action-row">
              <button type="button" class="button button--primary" onClick={() => void keepInterrupted(session.id)}>
                {recordingText.recover}
              </button>
              <button type="button" class="button" onClick={() => void deleteInterrupted(session.id)}>
                {recordingText.discard}
              </button>
            </div>
          </aside>
        );
      })}
    </>
  );
}
