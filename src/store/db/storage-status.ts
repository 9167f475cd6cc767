// Main-thread helpers for Settings: how much the browser lets Quadcue keep, and whether the data
// is protected from automatic eviction (navigator.storage, the Storage Standard).

export interface StorageStatus {
  /** True when the browser promised not to evict this origin's data under storage pressure. */
  persisted: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

type StorageLike = Pick<StorageManager, 'persisted' | 'estimate' | 'persist'>;

function storageManager(): StorageLike | null {
  return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage ?? null;
}

/** What Settings shows; nulls where the browser does not say (no StorageManager, or it failed). */
export async function storageStatus(storage: StorageLike | null = storageManager()): Promise<StorageStatus> {
  if (!storage) return { persisted: false, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => false),
    storage.estimate().catch(() => ({}) as StorageEstimate),
  ]);
  return { persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}

/**
 * Asks the browser to keep recordings through storage pressure. Chromium decides without a prompt
 * (from engagement, an installed app, granted permissions); Firefox asks the user — so call this
 * from a user action, e.g. the first "start recording". Resolves to whether storage is persisted.
 */
export async function requestPersistence(storage: StorageLike | null = storageManager()): Promise<boolean> {
  if (!storage) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}
