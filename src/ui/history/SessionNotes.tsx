import type { OpenedSession } from '../../state/history-model';
import { historyText } from '../strings';

/**
 * The notes an imported file brought (another program's EDF+ annotations), each at its time in
 * the recording. Their text is untrusted: cleaned on import (src/store/db/note-text.ts) and only
 * ever rendered as text. Nothing when the session has none.
 */
export function SessionNotes({ opened }: { opened: OpenedSession }) {
  const notes = opened.events.flatMap((event) => {
    const samples = event.kind === 'note' ? opened.streams.find((s) => s.stream.sensorId === event.sensorId) : undefined;
    return event.kind === 'note' && samples ? [{ atS: (event.sampleIndex - samples.firstIndex) / samples.stream.rateHz, text: event.text }] : [];
  });
  if (notes.length === 0) return null;
  return (
    <section class="history-panel" aria-labelledby="notes-heading">
      <h3 id="notes-heading" class="history-subheading">
        {historyText.notesHeading}
      </h3>
      <p class="muted">{historyText.notesNote}</p>
      <ul class="history-list">
        {notes.map((note, i) => (
          <li key={i}>
            <span class="muted">{historyText.duration(note.atS)}</span> {note.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
