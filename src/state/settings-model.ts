import { effect, signal } from '@preact/signals';

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

const storageKey = 'quadcue.mains-hz';

function initialMainsHz(): 50 | 60 {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  if (stored === '50' || stored === '60') return Number(stored) as 50 | 60;
  return mainsHzForLocale(typeof navigator === 'undefined' ? 'en' : navigator.language);
}

/** Mains frequency for the EMG notch filter: a setting, defaulting from the browser's locale. */
export const mainsHz = signal<50 | 60>(initialMainsHz());

effect(() => {
  try {
    localStorage.setItem(storageKey, String(mainsHz.value));
  } catch {
    // Storage off or full: the choice lasts for this visit.
  }
});

const dynamometerKey = 'quadcue.dynamometer';

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

function initialDynamometer(): DynamometerSettings {
  try {
    const parsed = JSON.parse((typeof localStorage === 'undefined' ? null : localStorage.getItem(dynamometerKey)) ?? '{}') as Record<string, unknown>;
    return {
      leverArmM: validPositive(parsed.leverArmM, dynamometerLimits.leverArmM),
      bodyMassKg: validPositive(parsed.bodyMassKg, dynamometerLimits.bodyMassKg),
    };
  } catch {
    return { leverArmM: null, bodyMassKg: null };
  }
}

/** For a dynamometer: torque needs the lever arm, N·m/kg the body mass too. */
export const dynamometer = signal<DynamometerSettings>(initialDynamometer());

effect(() => {
  try {
    localStorage.setItem(dynamometerKey, JSON.stringify(dynamometer.value));
  } catch {
    // as above
  }
});

/** Sets one dynamometer field from what the user typed; empty or implausible input clears it. */
export function setDynamometerField(field: keyof DynamometerSettings, text: string): void {
  const value = text === '' ? null : validPositive(Number(text), dynamometerLimits[field]);
  dynamometer.value = { ...dynamometer.value, [field]: value };
}
