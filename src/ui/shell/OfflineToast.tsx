import { useEffect } from 'preact/hooks';
import { applyUpdate, dismissOfflineReady, offlineReady, updateWaiting } from '../../state/offline-model';
import { offline } from '../strings';

/** "Ready to work offline" is good news, not a task: it leaves by itself after this long. */
const READY_NOTE_MS = 6000;

export function OfflineToast() {
  const ready = offlineReady.value;
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(dismissOfflineReady, READY_NOTE_MS);
    return () => clearTimeout(timer);
  }, [ready]);

  if (updateWaiting.value) {
    return (
      <div class="toast" role="status">
        <span>{offline.updateHint}</span>
        <button type="button" class="button button--primary" onClick={applyUpdate}>
          {offline.updateAvailable}
        </button>
      </div>
    );
  }
  if (ready) {
    return (
      <div class="toast" role="status">
        <span>{offline.ready}</span>
        <button type="button" class="button" onClick={dismissOfflineReady}>
          {offline.dismiss}
        </button>
      </div>
    );
  }
  return null;
}
