// The recorder keeps up to one second of samples in the worker before writing them. A page that
// is hidden may be frozen or killed without another event (Page Lifecycle: `pagehide` and a
// `visibilitychange` to hidden are the last reliable signals, especially on mobile), so at
// those moments the main thread tells the worker to write its open chunks.

/** The one message this helper posts; the pipeline bridge accepts it (src/worker/messages.ts). */
export interface FlushTarget {
  post(message: { type: 'flush-recording' }): void;
}

/** Where the events arrive: `window` (visibilitychange bubbles from the document to it). */
export interface PageEvents {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
}

/**
 * Posts 'flush-recording' on pagehide and whenever the page becomes hidden; returns the
 * function that removes the listeners. Call once, next to where the pipeline bridge is made.
 */
export function installFlushOnHide(
  bridge: FlushTarget,
  page: PageEvents = window,
  isHidden: () => boolean = () => document.visibilityState === 'hidden',
): () => void {
  const flush = () => bridge.post({ type: 'flush-recording' });
  const onVisibility = () => {
    if (isHidden()) flush();
  };
  page.addEventListener('pagehide', flush);
  page.addEventListener('visibilitychange', onVisibility);
  return () => {
    page.removeEventListener('pagehide', flush);
    page.removeEventListener('visibilitychange', onVisibility);
  };
}
