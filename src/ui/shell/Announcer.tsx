import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';

// The screen-reader log of rep counts and phase changes must be mounted before any cue and stay
// mounted (a live region that appears together with its text is often not read). It lives with
// the cue player, which loads with the Exercises screen; until then an empty log holds its place
// (same element and role, so assistive technology keeps tracking it).
const loaded = signal<ComponentType | null>(null);

export function loadAnnouncer(): void {
  if (loaded.peek()) return;
  void import('../cues/AppAnnouncer').then((m) => (loaded.value = m.AppAnnouncer));
}

export function Announcer() {
  const Component = loaded.value;
  return Component ? <Component /> : <div class="visually-hidden cue-announcer" role="log" aria-live="polite" />;
}
