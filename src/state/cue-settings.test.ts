import { describe, expect, it } from 'vitest';
import { createCueSettings, CUE_SETTINGS_KEY, DEFAULT_CUE_SETTINGS, parseCueSettings } from './cue-settings';
import { MemoryStorage } from './cue-test-doubles';

describe('cue settings', () => {
  it('start from the defaults on a fresh device and store them under one key', () => {
    const storage = new MemoryStorage();
    const settings = createCueSettings(storage);
    expect(settings.sound.value).toBe(true);
    expect(settings.continuousPitch.value).toBe(false);
    expect(storage.length).toBe(1);
    expect(JSON.parse(storage.getItem(CUE_SETTINGS_KEY)!)).toEqual(DEFAULT_CUE_SETTINGS);
    settings.dispose();
  });

  it('remember a change across a reload', () => {
    const storage = new MemoryStorage();
    const first = createCueSettings(storage);
    first.vibration.value = false;
    first.spokenCounting.value = true;
    first.dispose();
    const second = createCueSettings(storage);
    expect(second.vibration.value).toBe(false);
    expect(second.spokenCounting.value).toBe(true);
    expect(second.colourWords.value).toBe(true);
    second.dispose();
  });

  it('validate what was stored: bad JSON, wrong shapes and wrong types fall back to defaults', () => {
    expect(parseCueSettings('{not json')).toEqual(DEFAULT_CUE_SETTINGS);
    expect(parseCueSettings('[true]')).toEqual(DEFAULT_CUE_SETTINGS);
    expect(parseCueSettings('null')).toEqual(DEFAULT_CUE_SETTINGS);
    expect(parseCueSettings('{"sound":"no","vibration":0,"colourWords":false,"extra":true}')).toEqual({ ...DEFAULT_CUE_SETTINGS, colourWords: false });
  });

  it('keep working when storage is blocked', () => {
    const blocked = new MemoryStorage();
    blocked.getItem = () => {
      throw new Error('SecurityError');
    };
    blocked.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const settings = createCueSettings(blocked);
    settings.sound.value = false;
    expect(settings.sound.value).toBe(false);
    settings.dispose();
  });
});
