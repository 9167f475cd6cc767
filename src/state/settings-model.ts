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
