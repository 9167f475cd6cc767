import type { ComponentChildren } from 'preact';

interface Props {
  title: string;
  body: ComponentChildren;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/** A clear confirmation in place, before anything is deleted or replaced; the safe choice comes first. */
export function ConfirmBox({ title, body, confirm, cancel, onConfirm, onCancel, busy = false }: Props) {
  return (
    <div class="confirm-box" role="group" aria-label={title}>
      <p class="confirm-title">{title}</p>
      <p>{body}</p>
      <div class="action-row">
        <button type="button" class="button" onClick={onCancel} disabled={busy}>
          {cancel}
        </button>
        <button type="button" class="button button--destroy" onClick={onConfirm} disabled={busy}>
          {confirm}
        </button>
      </div>
    </div>
  );
}
