import { appSettings } from './setting-registry';

// Regions whose mains grid runs at 60 Hz (IEC TR 60083 / the World Plugs table of mains
// frequencies); everywhere else uses 50 Hz. Japan is split (east 50, west 60): it defaults to 50
// and the setting is one tap away.
const sixtyHzRegions = new Set(['US', 'CA', 'MX', 'GT', 'HN', 'SV', 'NI', 'CR', 'PA', 'CO', 'VE', 'EC', 'BR', 'PE', 'SR', 'GY', 'TW', 'KR', 'PH', 'SA', 'CU', 'DO', 'HT', 'JM', 'BS', 'PR', 'LR']);

export function mainsHzForLocale(language: string): 50 | 60 {
  const region = (() => {
    try {
      return new Intl.Locale(language).maximize().region ?? '';
    } catch {
      return '';
    }
  })();
  return sixtyHzRegions.has(region) ? 60 : 50;
}

export const MAINS_SETTING_KEY = 'mains-hz';
export const DYNAMOMETER_SETTING_KEY = 'dynamometer';

function readMainsHz(stored: unknown): 50 | 60 | null {
  return stored === 50 || stored === 60 ? stored : null;
}

/** Mains frequency for the EMG notch filter: a setting, defaulting from the browser's locale. */
export const mainsHz = appSettings.signal<50 | 60>(MAINS_SETTING_KEY, () => mainsHzForLocale(typeof navigator === 'undefined' ? 'en' : navigator.language), readMainsHz);

export interface DynamometerSettings {
  /** Knee axis to the pad, m; null until set. */
  leverArmM: number | null;
  bodyMassKg: number | null;
}

function validPositive(value: unknown, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= max ? value : null;
}

/** Plausibility limits: a lever arm under 1 m, a body mass under 400 kg. */
const dynamometerLimits: Record<keyof DynamometerSettings, number> = { leverArmM: 1, bodyMassKg: 400 };

/** Each field is checked on its own: one damaged field does not lose the other. */
export function readDynamometer(stored: unknown): DynamometerSettings | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const parsed = stored as Record<string, unknown>;
  return {
    leverArmM: validPositive(parsed.leverArmM, dynamometerLimits.leverArmM),
    bodyMassKg: validPositive(parsed.bodyMassKg, dynamometerLimits.bodyMassKg),
  };
}

/** For a dynamometer: torque needs the lever arm, N·m/kg the body mass too. */
export const dynamometer = appSettings.signal<DynamometerSettings>(DYNAMOMETER_SETTING_KEY, () => ({ leverArmM: null, bodyMassKg: null }), readDynamometer);

/** Sets one dynamometer field from what the user typed; empty or implausible input clears it. */
export function setDynamometerField(field: keyof DynamometerSettings, text: string): void {
  const value = text === '' ? null : validPositive(Number(text), dynamometerLimits[field]);
  dynamometer.value = { ...dynamometer.value, [field]: value };
}
