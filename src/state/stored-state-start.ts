// Starts loading the stored settings, program and calibrations once, in a window only: Node (unit
// tests, the analysis CLI) imports the same models without a database behind them.
import type { ReadonlySignal } from '@preact/signals';

let started = false;

export function startStoredState(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  // A failed chunk load (offline before the service worker cached it) leaves the defaults for the visit.
  import('./stored-state-app').then(({ storedState }) => storedState.start()).catch(() => undefined);
}

/** After a backup is restored or all data deleted: reads settings, the program and calibrations again. */
export async function reloadStoredState(): Promise<void> {
  try {
    const { storedState } = await import('./stored-state-app');
    await storedState.reload();
  } catch {
    // The chunk could not load (offline before caching): the values shown stay for this visit.
  }
}

/** Called where the patients model loads: the stored program and calibrations follow its active patient. */
export function followActivePatient(source: ReadonlySignal<string | null>): void {
  import('./stored-state-app').then((app) => app.followActivePatient(source)).catch(() => undefined);
}
