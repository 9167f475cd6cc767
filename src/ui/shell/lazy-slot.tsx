import { signal, type Signal } from '@preact/signals';
import type { ComponentType } from 'preact';

/**
 * A component loaded after start-up (a separate chunk, precached for offline): renders nothing
 * until it arrives. Keeps rarely needed parts of the shell out of the initial JavaScript.
 */
export function lazySlot(load: () => Promise<ComponentType>): ComponentType {
  const loaded: Signal<ComponentType | null> = signal(null);
  let started = false;
  return function LazySlot() {
    if (!started) {
      started = true;
      void load().then((component) => (loaded.value = component));
    }
    const Component = loaded.value;
    return Component ? <Component /> : null;
  };
}
