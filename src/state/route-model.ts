import { signal } from '@preact/signals';

// Hash routes (#/live): they work on any static host and inside the service worker's
// navigation fallback without server rewrites.
export const screenIds = ['connect', 'live', 'exercises', 'history', 'settings', 'about'] as const;
export type ScreenId = (typeof screenIds)[number];

const defaultScreen: ScreenId = 'connect';

export function screenFromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '');
  return (screenIds as readonly string[]).includes(id) ? (id as ScreenId) : defaultScreen;
}

export function hashForScreen(id: ScreenId): string {
  return `#/${id}`;
}

export function createRouteModel(win: Pick<Window, 'location' | 'addEventListener'>) {
  const current = signal<ScreenId>(screenFromHash(win.location.hash));
  win.addEventListener('hashchange', () => {
    current.value = screenFromHash(win.location.hash);
  });
  return { current };
}
