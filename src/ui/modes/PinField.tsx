import type { Signal } from '@preact/signals';

interface Props {
  label: string;
  value: Signal<string>;
  autoFocus?: boolean;
  /** 'new-password' for a PIN being chosen, 'current-password' for one being checked. */
  autoComplete: 'new-password' | 'current-password';
}

/** A PIN input: digits keypad on phones, hidden characters, 4–8 digits. */
export function PinField({ label, value, autoFocus = false, autoComplete }: Props) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <input
        class="pin-input"
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={8}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        value={value.value}
        onInput={(e) => (value.value = (e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}
