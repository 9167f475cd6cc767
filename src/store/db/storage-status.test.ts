import { describe, expect, it } from 'vitest';
import { requestPersistence, storageStatus } from './storage-status';

function fakeStorage(persisted: boolean, grant: boolean) {
  const calls: string[] = [];
  return {
    calls,
    storage: {
      persisted: async () => (calls.push('persisted'), persisted),
      persist: async () => (calls.push('persist'), grant),
      estimate: async () => ({ usage: 1234, quota: 5678 }),
    },
  };
}

describe('storage status', () => {
  it('reports persistence, usage and quota', async () => {
    expect(await storageStatus(fakeStorage(true, false).storage)).toEqual({ persisted: true, usageBytes: 1234, quotaBytes: 5678 });
    expect(await storageStatus(null)).toEqual({ persisted: false, usageBytes: null, quotaBytes: null });
  });

  it('asks for persistence only when not yet persisted, and survives a refusal', async () => {
    const already = fakeStorage(true, false);
    expect(await requestPersistence(already.storage)).toBe(true);
    expect(already.calls).toEqual(['persisted']);
    const asked = fakeStorage(false, true);
    expect(await requestPersistence(asked.storage)).toBe(true);
    expect(asked.calls).toEqual(['persisted', 'persist']);
    const failing = { ...fakeStorage(false, false).storage, persist: () => Promise.reject(new Error('no')) };
    expect(await requestPersistence(failing)).toBe(false);
    expect(await requestPersistence(null)).toBe(false);
  });
});
