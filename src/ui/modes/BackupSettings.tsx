import { useSignal } from '@preact/signals';
import { appDb } from '../../state/app-db';
import { mode, modeModel, patientsModel } from '../../state/mode-app';
import { PIN_SETTING_KEY } from '../../state/mode-pin';
import { reloadStoredState } from '../../state/stored-state-start';
import { createBackup, parseBackup, restoreBackup, type Backup } from '../../store/db/backup';
import { saveFile } from '../common/save-file';
import { backupText } from '../strings';
import { ConfirmBox } from './ConfirmBox';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** Therapist mode only: a whole-database backup file, its restore, and "delete everything". */
export function BackupSettings() {
  const pending = useSignal<{ text: string; backup: Backup } | null>(null);
  const confirmingDelete = useSignal(false);
  const busy = useSignal(false);
  const message = useSignal<Message>(null);
  if (mode.value !== 'therapist') return null;

  const download = async () => {
    busy.value = true;
    try {
      const createdAt = new Date().toISOString();
      saveFile(backupText.fileName(createdAt), await createBackup(await appDb(), createdAt, [PIN_SETTING_KEY]), 'application/json');
    } finally {
      busy.value = false;
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text();
    // Checked in full before anything is offered: a damaged file is reported, never half-applied.
    const parsed = parseBackup(text);
    if (parsed.ok) {
      pending.value = { text, backup: parsed.value };
      message.value = null;
    } else message.value = { kind: 'error', text: `${backupText.failedTitle} ${backupText.errors(parsed.error)}` };
  };

  const restore = async () => {
    const chosen = pending.value;
    if (!chosen) return;
    busy.value = true;
    try {
      const result = await restoreBackup(await appDb(), chosen.text, [PIN_SETTING_KEY]);
      message.value = result.ok ? { kind: 'ok', text: backupText.restored(result.value.patients) } : { kind: 'error', text: `${backupText.failedTitle} ${backupText.errors(result.error)}` };
      await patientsModel.refresh();
      await modeModel.load();
      // Settings, the program and calibrations now come from the restored file.
      await reloadStoredState();
    } finally {
      pending.value = null;
      busy.value = false;
    }
  };

  const deleteAll = async () => {
    busy.value = true;
    try {
      await patientsModel.deleteEverything();
      await reloadStoredState();
      message.value = { kind: 'ok', text: backupText.deletedAll };
    } finally {
      confirmingDelete.value = false;
      busy.value = false;
    }
  };

  return (
    <section class="settings-group modes-panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading" class="section-heading">
        {backupText.heading}
      </h2>
      <p>{backupText.body}</p>
      <div class="action-row">
        <button type="button" class="button button--primary" disabled={busy.value} onClick={() => void download()}>
          {backupText.download}
        </button>
      </div>
      <label class="field file-field">
        <span class="field-label">{backupText.restoreLabel}</span>
        <input type="file" accept="application/json,.json" disabled={busy.value} onChange={(e) => void choose(e.currentTarget as HTMLInputElement)} />
      </label>
      {pending.value && (
        <ConfirmBox
          title={backupText.restoreTitle}
          body={backupText.restoreBody(pending.value.backup.stores.patients.length, pending.value.backup.stores.sessions.length)}
          confirm={backupText.restoreConfirm}
          cancel={backupText.cancel}
          busy={busy.value}
          onConfirm={() => void restore()}
          onCancel={() => (pending.value = null)}
        />
      )}
      <div class={`form-message form-message--${message.value?.kind ?? 'none'}`} role="status">
        {message.value?.text}
      </div>
      <h3 class="form-heading">{backupText.deleteAllHeading}</h3>
      <p class="muted">{backupText.deleteAllBody}</p>
      {confirmingDelete.value ? (
        <ConfirmBox
          title={backupText.deleteAllTitle}
          body={backupText.deleteAllBody}
          confirm={backupText.deleteAllConfirm}
          cancel={backupText.cancel}
          busy={busy.value}
          onConfirm={() => void deleteAll()}
          onCancel={() => (confirmingDelete.value = false)}
        />
      ) : (
        <button type="button" class="button button--destroy" onClick={() => (confirmingDelete.value = true)}>
          {backupText.deleteAll}
        </button>
      )}
    </section>
  );
}
