import { signal } from '@preact/signals';

// Hash routes (#/live): they work on any static host and inside the service worker's
// navigation fallback without server rewrites.
export const screenIds = ['connect', 'live', 'exercises', 'history', 'settings', 'about'] as const;
export type ScreenId = (typeof screenIds)[number];

const defaultScreen: ScreenId = 'connect';

/** A shared program arrives as `#/program/<data>` (store/program-link): it opens on Exercises. */
const programLinkPrefix = '#/program/';

export function screenFromHash(hash: string): ScreenId {
  if (hash.startsWith(programLinkPrefix)) return 'exercises';
  const id = hash.replace(/^#\/?/, '');
  return (screenIds as readonly string[]).includes(id) ? (id as ScreenId) : defaultScreen;
}

export function hashForScreen(id: ScreenId): string {
  return `#/${id}`;
}

/** The program link in the address, if one was opened (kept until the user answers it). */
export const openedProgramLink = signal<string | null>(null);

export function createRouteModel(win: Pick<Window, 'location' | 'addEventListener'>) {
  const read = () => {
    const hash = win.location.hash;
    if (hash.startsWith(programLinkPrefix)) openedProgramLink.value = hash;
    return screenFromHash(hash);
  };
  const current = signal<ScreenId>(read());
  win.addEventListener('hashchange', () => {
    current.value = read();
  });
  return { current };
}
