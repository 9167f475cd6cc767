import type { ScreenId } from '../../state/route-model';

// Simple line icons (24 px grid, drawn for Quadcue) so the phone tab bar is recognisable at a
// glance; the text label below each icon is the accessible name.
const paths: Record<ScreenId, string> = {
  home: 'M3 11l9-8 9 8M5 9.5V21h5v-6h4v6h5V9.5',
  connect: 'M7 7l10 10-5 5V2l5 5L7 17',
  live: 'M2 12h4l2-6 3 12 3-9 2 3h6',
  exercises: 'M4 10v4M20 10v4M7 7v10M17 7v10M7 12h10',
  history: 'M12 7v5l3 3M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .5-1.5-1.5.5-2-3-1-1 2h-2l-1-2-3 1 .5 2L7 7.5 5 7 4 10l2 1v2l-2 1 1 3 2-.5 1.5 1.5-.5 2 3 1 1-2h2l1 2 3-1-.5-2 1.5-1.5 2 .5 1-3-2-1z',
  about: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 16v-5M12 8h.01',
};

export function NavIcon({ screen }: { screen: ScreenId }) {
  return (
    <svg class="nav-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path d={paths[screen]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
