import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * An inline confirmation (not window.confirm): a titled group that takes focus when it opens, so
 * keyboard and screen-reader users land on the question; Escape or the cancel button backs out.
 */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  cancelLabel,
  confirmDisabled = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div
      class="confirm-panel"
      role="group"
      aria-labelledby="confirm-title"
      tabIndex={-1}
      ref={panel}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id="confirm-title" class="confirm-title">
        {title}
      </h3>
      {children}
      <div class="confirm-actions">
        <button type="button" class="button button--danger" disabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
