import { signal } from '@preact/signals';
import { registerSW } from 'virtual:pwa-register';

// Bridge between the service worker and the UI (the Squoosh habit: a tiny module that turns
// service-worker lifecycle into two facts the user cares about).
export const offlineReady = signal(false);
export const updateWaiting = signal(false);

let update: ((reloadPage?: boolean) => Promise<void>) | undefined;

export function startOfflineBridge(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onOfflineReady() {
      offlineReady.value = true;
    },
    onNeedRefresh() {
      updateWaiting.value = true;
    },
  });
}

/** Activates the waiting service worker and reloads the page under it. */
export function applyUpdate(): void {
  updateWaiting.value = false;
  void update?.(true);
}

export function dismissOfflineReady(): void {
  offlineReady.value = false;
}
