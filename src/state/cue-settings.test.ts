import { describe, expect, it } from 'vitest';
import { createCueSettings, CUE_SETTINGS_KEY, DEFAULT_CUE_SETTINGS, readCueSettings } from './cue-settings';
import { createSettingRegistry } from './setting-registry';

function memoryBackend(initial: Record<string, unknown> = {}) {
  const stored = new Map(Object.entries(initial));
  return { stored, readAll: async () => new Map(stored), write: async (key: string, value: unknown) => void stored.set(key, value) };
}

describe('cue settings', () => {
  it('start from the defaults on a fresh device and are stored under one key', async () => {
    const registry = createSettingRegistry();
    const settings = createCueSettings();
    registry.bind(settings.binding);
    const backend = memoryBackend();
    await registry.start(backend);
    expect(settings.sound.value).toBe(true);
    expect(settings.continuousPitch.value).toBe(false);
    expect([...backend.stored.keys()]).toEqual([CUE_SETTINGS_KEY]);
    expect(backend.stored.get(CUE_SETTINGS_KEY)).toEqual(DEFAULT_CUE_SETTINGS);
    registry.stop();
  });

  it('remember a change across a reload', async () => {
    const backend = memoryBackend();
    const first = createSettingRegistry();
    const before = createCueSettings();
    first.bind(before.binding);
    await first.start(backend);
    before.vibration.value = false;
    before.spokenCounting.value = true;
    first.stop();
    const second = createSettingRegistry();
    const after = createCueSettings();
    second.bind(after.binding);
    await second.start(backend);
    expect(after.vibration.value).toBe(false);
    expect(after.spokenCounting.value).toBe(true);
    expect(after.colourWords.value).toBe(true);
    second.stop();
  });

  it('validate what was stored: wrong shapes and wrong types fall back to defaults', () => {
    expect(readCueSettings('{not json')).toEqual(DEFAULT_CUE_SETTINGS);
    expect(readCueSettings([true])).toEqual(DEFAULT_CUE_SETTINGS);
    expect(readCueSettings(null)).toEqual(DEFAULT_CUE_SETTINGS);
    expect(readCueSettings({ sound: 'no', vibration: 0, colourWords: false, extra: true })).toEqual({ ...DEFAULT_CUE_SETTINGS, colourWords: false });
    expect(createCueSettings({ sound: false }).sound.value).toBe(false);
  });

  it('keep working for the visit when the database cannot be read', async () => {
    const registry = createSettingRegistry();
    const settings = createCueSettings();
    registry.bind(settings.binding);
    expect(await registry.start({ readAll: () => Promise.reject(new Error('SecurityError')), write: () => Promise.reject(new Error('closed')) })).toBe(false);
    settings.sound.value = false;
    expect(settings.sound.value).toBe(false);
    registry.stop();
  });
});
