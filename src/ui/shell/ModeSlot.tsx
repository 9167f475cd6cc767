import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { modeText } from '../strings';

// The header's way into therapist mode. Until someone asks for it, this is a plain button: the
// PIN, patients and idle-lock code (and the database behind them) load on first use, not at
// start-up, so a patient's phone does not pay for them.
const loaded = signal<ComponentType<{ openGate?: boolean }> | null>(null);
let loading = false;
/** The PIN dialog opens at once only when the load came from a tap on the button. */
let gateRequested = false;

export function loadModes(openGate = false): void {
  gateRequested ||= openGate;
  if (loading) return;
  loading = true;
  void Promise.all([import('../modes/ModeSwitch'), import('../../state/mode-app')]).then(([ui, app]) => {
    app.startModes();
    loaded.value = ui.ModeSwitch;
  });
}

export function ModeSlot() {
  const ModeSwitch = loaded.value;
  if (ModeSwitch) return <ModeSwitch openGate={gateRequested} />;
  return (
    <div class="mode-switch">
      <button type="button" class="button button--small" aria-label={modeText.enterTherapistLabel} onClick={() => loadModes(true)}>
        {modeText.enterTherapist}
      </button>
    </div>
  );
}
