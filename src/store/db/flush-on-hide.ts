// The recorder keeps up to one second of samples in the worker before writing them. A page that
// is hidden may be frozen or killed without another event (Page Lifecycle: `pagehide` and a
// `visibilitychange` to hidden are the last reliable signals, especially on mobile), so at
// those moments the main thread tells the worker to write its open chunks.
//
// On `pagehide` (a reload, a navigation, the tab closing) the worker is ended together with the
// page, usually before its IndexedDB write has committed: the soak test lost the last 1–5 frames
// before a reload that way in half its runs. So on pagehide the main thread waits — briefly and
// only when it can — for the worker to say the write has settled: the worker sets a shared flag
// (SharedArrayBuffer, available because the app is cross-origin isolated) and the main thread
// polls it. `Atomics.wait` is not allowed on the main thread, hence the polling loop.

/** The worker stores `token` into `flag[0]` once every write queued by this flush has settled. */
export interface FlushAck {
  flag: Int32Array;
  token: number;
}

/** The one message this helper posts; the pipeline bridge accepts it (src/worker/messages.ts). */
export interface FlushTarget {
  post(message: { type: 'flush-recording'; ack: FlushAck | null }): void;
}

/** Where the events arrive: `window` (visibilitychange bubbles from the document to it). */
export interface PageEvents {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
}

/**
 * The longest the page waits on pagehide. The whole wait took 4–14 ms over ten reloads while
 * recording the demo sensor (Chromium 156 on the 2-core CI machine, README "Measurements"); 250 ms
 * leaves a wide margin for a slow phone and stays well under the 1 s within which a page change
 * still feels immediate (RAIL model, web.dev: "load … in under 1 s").
 */
export const FLUSH_WAIT_MS = 250;

export interface FlushOptions {
  page?: PageEvents;
  isHidden?: () => boolean;
  /** A shared flag for the worker's acknowledgement; null where memory cannot be shared. */
  ackFlag?: Int32Array | null;
  /** Milliseconds, monotonic: performance.now in the app, a counter in tests. */
  now?: () => number;
}

function sharedFlag(): Int32Array | null {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true ? new Int32Array(new SharedArrayBuffer(4)) : null;
}

/**
 * Posts 'flush-recording' on pagehide and whenever the page becomes hidden; on pagehide also
 * waits up to FLUSH_WAIT_MS for the worker's acknowledgement. Returns the function that removes
 * the listeners. Call once, next to where the pipeline bridge is made.
 */
export function installFlushOnHide(bridge: FlushTarget, options: FlushOptions = {}): () => void {
  const page = options.page ?? window;
  const isHidden = options.isHidden ?? (() => document.visibilityState === 'hidden');
  const flag = options.ackFlag === undefined ? sharedFlag() : options.ackFlag;
  const now = options.now ?? (() => performance.now());
  let token = 0;

  const onPageHide = () => {
    if (!flag) {
      bridge.post({ type: 'flush-recording', ack: null });
      return;
    }
    token++;
    bridge.post({ type: 'flush-recording', ack: { flag, token } });
    const deadline = now() + FLUSH_WAIT_MS;
    while (Atomics.load(flag, 0) < token && now() < deadline) {
      // Polling: the worker runs on its own thread and sets the flag when its writes settle.
    }
  };
  const onVisibility = () => {
    // The page stays alive when merely hidden: no need to hold it up.
    if (isHidden()) bridge.post({ type: 'flush-recording', ack: null });
  };
  page.addEventListener('pagehide', onPageHide);
  page.addEventListener('visibilitychange', onVisibility);
  return () => {
    page.removeEventListener('pagehide', onPageHide);
    page.removeEventListener('visibilitychange', onVisibility);
  };
}
