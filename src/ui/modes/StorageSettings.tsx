import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { requestPersistence, storageStatus, type StorageStatus } from '../../store/db/storage-status';
import { storageText } from '../strings';

/** How much Quadcue keeps, how much it may keep, and whether the browser promised to keep it. */
export function StorageSettings() {
  const status = useSignal<StorageStatus | null>(null);
  const refused = useSignal(false);
  const refresh = async () => {
    status.value = await storageStatus();
  };
  useEffect(() => {
    void refresh();
  }, []);
  const persist = async () => {
    refused.value = !(await requestPersistence());
    await refresh();
  };
  const s = status.value;
  const bytes = (value: number | null | undefined) => (value === null || value === undefined ? storageText.unknown : storageText.bytes(value));
  return (
    <section class="settings-group modes-panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading" class="section-heading">
        {storageText.heading}
      </h2>
      <dl class="storage-figures">
        <div>
          <dt>{storageText.usage}</dt>
          <dd data-testid="storage-usage">{s ? bytes(s.usageBytes) : '…'}</dd>
        </div>
        <div>
          <dt>{storageText.quota}</dt>
          <dd>{s ? bytes(s.quotaBytes) : '…'}</dd>
        </div>
      </dl>
      {s && <p>{s.persisted ? storageText.persisted : storageText.notPersisted}</p>}
      {s && !s.persisted && (
        <button type="button" class="button" onClick={() => void persist()}>
          {storageText.persist}
        </button>
      )}
      {refused.value && <p class="hint">{storageText.persistRefused}</p>}
    </section>
  );
}
