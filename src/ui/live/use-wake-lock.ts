import { useEffect } from 'preact/hooks';

/**
 * Keeps the screen on while `active` (Screen Wake Lock API, where supported): a patient holding
 * a contraction should not see the display dim. Released when inactive, re-taken when the page
 * becomes visible again (the browser drops the lock on hide).
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let cancelled = false;
    const take = () => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock.request('screen').then(
        (sentinel) => {
          if (cancelled) void sentinel.release();
          else lock = sentinel;
        },
        () => undefined, // refused (battery saver, policy): the session carries on without it
      );
    };
    take();
    document.addEventListener('visibilitychange', take);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', take);
      void lock?.release();
    };
  }, [active]);
}
