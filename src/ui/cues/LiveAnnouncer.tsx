import type { ReadonlySignal } from '@preact/signals';
import type { Announcement } from '../../state/cue-types';

/**
 * Visually hidden live region for rep counts and phase changes. A log (polite) rather than a
 * status: each message is a new node, so two messages of the same instant ("Rep 4 of 10 done.",
 * "Relax.") are both read, and a repeated text is read again. Render it once, before any cue,
 * and keep it mounted: a live region that appears together with its text is often not read.
 */
export function LiveAnnouncer({ announcements }: { announcements: ReadonlySignal<readonly Announcement[]> }) {
  return (
    <div class="visually-hidden cue-announcer" role="log" aria-live="polite">
      {announcements.value.map((a) => (
        <p key={a.id}>{a.text}</p>
      ))}
    </div>
  );
}
