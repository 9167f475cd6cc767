import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import type { ScreenId } from '../../state/route-model';
import { ConnectScreen } from '../connect/ConnectScreen';

// Screens other than the first one a visitor sees are separate chunks, loaded on first visit
// (and precached by the service worker, so offline they load just the same). Connect is in the
// main bundle: it is the default screen.
const loaders: Record<Exclude<ScreenId, 'connect'>, () => Promise<ComponentType>> = {
  live: () => import('../live/LiveScreen').then((m) => m.LiveScreen),
  exercises: () => import('../exercises/ExercisesScreen').then((m) => m.ExercisesScreen),
  history: () => import('../history/HistoryScreen').then((m) => m.HistoryScreen as ComponentType),
  settings: () => import('../settings/SettingsScreen').then((m) => m.SettingsScreen),
  about: () => import('../about/AboutScreen').then((m) => m.AboutScreen),
};

const loaded = signal<Partial<Record<ScreenId, ComponentType>>>({ connect: ConnectScreen });
const pending = new Set<ScreenId>();

/** The screen's component once loaded (starting the load on first ask), else null. */
export function screenComponent(id: ScreenId): ComponentType | null {
  const component = loaded.value[id];
  if (component) return component;
  if (id !== 'connect' && !pending.has(id)) {
    pending.add(id);
    void loaders[id]().then((screen) => {
      loaded.value = { ...loaded.value, [id]: screen };
    });
  }
  return null;
}
