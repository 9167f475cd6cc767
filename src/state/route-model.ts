import { signal } from '@preact/signals';

// Hash routes (#/live): they work on any static host and inside the service worker's
// navigation fallback without server rewrites.
export const screenIds = ['home', 'connect', 'live', 'exercises', 'history', 'settings', 'about'] as const;
export type ScreenId = (typeof screenIds)[number];

/** The app opens on the patient home, "what is due today" (issue 7); the mode always starts as patient. */
const defaultScreen: ScreenId = 'home';

/** A shared program arrives as `#/program/<data>` (store/program-link): it opens on Exercises. */
const programLinkPrefix = '#/program/';

/**
 * Pages opened from inside a screen, not from the nav bar, with the screen they belong to: the
 * nav bar keeps marking that screen. The printable report (issue 7) is reached from History.
 */
const subpageParents = { report: 'history' } as const satisfies Record<string, ScreenId>;
export type SubpageId = keyof typeof subpageParents;

export function subpageFromHash(hash: string): SubpageId | null {
  const id = hash.replace(/^#\/?/, '');
  return Object.hasOwn(subpageParents, id) ? (id as SubpageId) : null;
}

export function hashForSubpage(id: SubpageId): string {
  return `#/${id}`;
}

/** The subpage in the address, if any; the screen loader shows it in place of its screen. */
export const openedSubpage = signal<SubpageId | null>(null);

export function screenFromHash(hash: string): ScreenId {
  if (hash.startsWith(programLinkPrefix)) return 'exercises';
  const subpage = subpageFromHash(hash);
  if (subpage) return subpageParents[subpage];
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
    openedSubpage.value = subpageFromHash(hash);
    return screenFromHash(hash);
  };
  const current = signal<ScreenId>(read());
  win.addEventListener('hashchange', () => {
    current.value = read();
  });
  return { current };
}
