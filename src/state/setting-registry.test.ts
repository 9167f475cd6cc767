import { describe, expect, it } from 'vitest';
import { createSettingRegistry, type SettingsBackend } from './setting-registry';

const readPositive = (stored: unknown): number | null => (typeof stored === 'number' && stored > 0 ? stored : null);

function memoryBackend(initial: Record<string, unknown> = {}) {
  const stored = new Map(Object.entries(initial));
  const writes: [string, unknown][] = [];
  const backend: SettingsBackend = {
    readAll: async () => new Map(stored),
    write: async (key, value) => {
      writes.push([key, value]);
      stored.set(key, value);
    },
  };
  return { stored, writes, backend };
}

describe('setting registry', () => {
  it('holds the default until the backend loads, then takes the stored value without writing it back', async () => {
    const registry = createSettingRegistry();
    const level = registry.signal('level', () => 3, readPositive);
    expect(level.value).toBe(3);
    const { backend, writes } = memoryBackend({ level: 7 });
    expect(await registry.start(backend)).toBe(true);
    expect(level.value).toBe(7);
    expect(writes).toEqual([]);
    level.value = 9;
    expect(writes).toEqual([['level', 9]]);
    registry.stop();
  });

  it('replaces a damaged stored value by the default and stores the default', async () => {
    const registry = createSettingRegistry();
    const level = registry.signal('level', () => 3, readPositive);
    const { backend, stored } = memoryBackend({ level: 'eleven' });
    await registry.start(backend);
    expect(level.value).toBe(3);
    expect(stored.get('level')).toBe(3);
    registry.stop();
  });

  it('gives a setting bound after start (a lazily loaded module) its stored value', async () => {
    const registry = createSettingRegistry();
    const { backend } = memoryBackend({ late: 5 });
    await registry.start(backend);
    const late = registry.signal('late', () => 1, readPositive);
    expect(late.value).toBe(5);
    registry.stop();
  });

  it('reloads after the backend changed underneath (a restore): missing keys fall back to defaults', async () => {
    const registry = createSettingRegistry();
    const level = registry.signal('level', () => 3, readPositive);
    const other = registry.signal('other', () => 1, readPositive);
    const { backend, stored } = memoryBackend({ level: 7, other: 2 });
    await registry.start(backend);
    stored.set('level', 8);
    stored.delete('other');
    await registry.reload();
    expect([level.value, other.value]).toEqual([8, 1]);
    registry.stop();
  });

  it('keeps values in memory when the backend cannot be read, and a failed write is no crash', async () => {
    const registry = createSettingRegistry();
    const level = registry.signal('level', () => 3, readPositive);
    expect(await registry.start({ readAll: () => Promise.reject(new Error('blocked')), write: () => Promise.reject(new Error('blocked')) })).toBe(false);
    level.value = 4;
    expect(level.value).toBe(4);
    const failing = createSettingRegistry();
    const kept = failing.signal('kept', () => 3, readPositive);
    await failing.start({ readAll: async () => new Map(), write: () => Promise.reject(new Error('QuotaExceededError')) });
    kept.value = 6;
    await Promise.resolve();
    expect(kept.value).toBe(6);
    registry.stop();
    failing.stop();
  });
});
