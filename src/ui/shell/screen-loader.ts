import { signal } from '@preact/signals';
import { h, type ComponentType } from 'preact';
import { openedSubpage, type ScreenId, type SubpageId } from '../../state/route-model';
import { ScreenLoadFailed } from './ScreenLoadFailed';

// Every screen is a separate chunk, loaded on first visit (and precached by the service worker,
// so offline they load just the same). Even the default screen, the patient home, is one: it reads
// the database, and keeping it out of the main bundle lets the shell paint first. Connect was in
// the main bundle while it was the default screen; now it waits for its first visit too.
const loaders: Record<ScreenId, () => Promise<ComponentType>> = {
  home: () => import('../home/HomeScreen').then((m) => m.HomeScreen as ComponentType),
  connect: () => import('../connect/ConnectScreen').then((m) => m.ConnectScreen),
  live: () => import('../live/LiveScreen').then((m) => m.LiveScreen),
  exercises: () => import('../exercises/ExercisesScreen').then((m) => m.ExercisesScreen),
  history: () => import('../history/HistoryScreen').then((m) => m.HistoryScreen as ComponentType),
  settings: () => import('../settings/SettingsScreen').then((m) => m.SettingsScreen),
  about: () => import('../about/AboutScreen').then((m) => m.AboutScreen),
};

// Subpages load the same way; one stands in for the screen it belongs to while it is open.
const subpageLoaders: Record<SubpageId, () => Promise<ComponentType>> = {
  report: () => import('../report/ReportScreen').then((m) => m.ReportScreen),
};
const loadersByKey = { ...loaders, ...subpageLoaders };

const loaded = signal<Partial<Record<ScreenId | SubpageId, ComponentType>>>({});
const pending = new Set<ScreenId | SubpageId>();

/** The screen's component once loaded (starting the load on first ask), else null. */
export function screenComponent(screen: ScreenId): ComponentType | null {
  const id = openedSubpage.value ?? screen;
  const component = loaded.value[id];
  if (component) return component;
  if (!pending.has(id)) {
    pending.add(id);
    void loadersByKey[id]().then(
      (loadedComponent) => {
        loaded.value = { ...loaded.value, [id]: loadedComponent };
      },
      // A chunk that could not be fetched (offline before the service worker saved it): say so,
      // and let "Try again" drop the message so the next render starts the load afresh.
      () => {
        pending.delete(id);
        const retry = () => {
          const { [id]: _failed, ...rest } = loaded.value;
          loaded.value = rest;
        };
        loaded.value = { ...loaded.value, [id]: () => h(ScreenLoadFailed, { onRetry: retry }) };
      },
    );
  }
  return null;
}
