import { describe, expect, it } from 'vitest';
import { mainsHzForLocale } from './settings-model';

describe('mains frequency from the locale', () => {
  it('is 60 Hz in the Americas where the grid runs at 60 Hz, 50 Hz elsewhere', () => {
    expect(mainsHzForLocale('en-US')).toBe(60);
    expect(mainsHzForLocale('pt-BR')).toBe(60);
    expect(mainsHzForLocale('ko')).toBe(60);
    expect(mainsHzForLocale('en-GB')).toBe(50);
    expect(mainsHzForLocale('de')).toBe(50);
    expect(mainsHzForLocale('not a locale')).toBe(50);
  });
});
