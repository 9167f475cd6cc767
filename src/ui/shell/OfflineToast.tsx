import { applyUpdate, dismissOfflineReady, offlineReady, updateWaiting } from '../../state/offline-model';
import { offline } from '../strings';

export function OfflineToast() {
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
  if (offlineReady.value) {
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
