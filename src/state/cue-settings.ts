// Which cues are on, remembered on this device as one setting (the settings store, through
// setting-registry.ts). Each switch is its own signal so the settings screen and the player read
// and write them directly.
import { batch, signal, type Signal } from '@preact/signals';
import type { SettingBinding } from './setting-registry';

/** The settings-store key (localStorage held it under 'quadcue.cues' before, legacy-keys.ts). */
export const CUE_SETTINGS_KEY = 'cues';

export const cueSettingNames = ['colourWords', 'sound', 'continuousPitch', 'vibration', 'spokenCounting'] as const;
export type CueSettingName = (typeof cueSettingNames)[number];
export type CueSettingValues = Record<CueSettingName, boolean>;

/**
 * Defaults: the banner, tones and vibration are on — they are the product's core feedback.
 * The continuous pitch is off: a tone that never stops wearies many listeners, so it is opt-in.
 * Spoken counting is off: a voice is unexpected in a shared room, and many devices have no
 * on-device voice for it anyway (web-bluetooth.md, speechSynthesis note).
 */
export const DEFAULT_CUE_SETTINGS: Readonly<CueSettingValues> = {
  colourWords: true,
  sound: true,
  continuousPitch: false,
  vibration: true,
  spokenCounting: false,
};

export type CueSettings = { readonly [K in CueSettingName]: Signal<boolean> } & {
  /** Keeps the switches in the settings store: pass to appSettings.bind(). */
  readonly binding: SettingBinding;
};

/** A stored value → values: anything not a boolean under a known name falls back to its default. */
export function readCueSettings(stored: unknown): CueSettingValues {
  const values = { ...DEFAULT_CUE_SETTINGS };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return values;
  const record = stored as Record<string, unknown>;
  for (const name of cueSettingNames) {
    const value = record[name];
    if (typeof value === 'boolean') values[name] = value;
  }
  return values;
}

/** The switches, starting from a stored value (validated; nothing stored: the defaults). */
export function createCueSettings(stored?: unknown): CueSettings {
  const initial = readCueSettings(stored);
  const switches = {
    colourWords: signal(initial.colourWords),
    sound: signal(initial.sound),
    continuousPitch: signal(initial.continuousPitch),
    vibration: signal(initial.vibration),
    spokenCounting: signal(initial.spokenCounting),
  };
  const binding: SettingBinding = {
    key: CUE_SETTINGS_KEY,
    current() {
      const values = {} as CueSettingValues;
      for (const name of cueSettingNames) values[name] = switches[name].value;
      return values;
    },
    apply(value) {
      const next = readCueSettings(value);
      batch(() => {
        for (const name of cueSettingNames) switches[name].value = next[name];
      });
    },
  };
  return { ...switches, binding };
}
