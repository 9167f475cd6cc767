// Which cues are on, remembered on this device under one storage key. Each switch is its own
// signal so the settings screen and the player read and write them directly.
import { effect, signal, type Signal } from '@preact/signals';

export const CUE_SETTINGS_KEY = 'quadcue.cues';

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

export type CueSettings = { readonly [K in CueSettingName]: Signal<boolean> } & { dispose(): void };

/** Stored text → values: anything not a boolean under a known name falls back to its default. */
export function parseCueSettings(stored: string | null): CueSettingValues {
  const values = { ...DEFAULT_CUE_SETTINGS };
  if (stored === null) return values;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return values;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return values;
  const record = parsed as Record<string, unknown>;
  for (const name of cueSettingNames) {
    const value = record[name];
    if (typeof value === 'boolean') values[name] = value;
  }
  return values;
}

function readStored(storage: Storage | null): string | null {
  try {
    return storage?.getItem(CUE_SETTINGS_KEY) ?? null;
  } catch {
    return null; // storage blocked (private mode, policy): defaults for this visit
  }
}

export function createCueSettings(storage: Storage | null): CueSettings {
  const initial = parseCueSettings(readStored(storage));
  const switches = {
    colourWords: signal(initial.colourWords),
    sound: signal(initial.sound),
    continuousPitch: signal(initial.continuousPitch),
    vibration: signal(initial.vibration),
    spokenCounting: signal(initial.spokenCounting),
  };
  const stopSaving = effect(() => {
    const values = {} as CueSettingValues;
    for (const name of cueSettingNames) values[name] = switches[name].value;
    try {
      storage?.setItem(CUE_SETTINGS_KEY, JSON.stringify(values));
    } catch {
      // Storage off or full: the choice lasts for this visit.
    }
  });
  return { ...switches, dispose: stopSaving };
}
