// Settings as key/value records. Values are stored as the app gave them; each setting validates
// its own value when it is read back (src/state/setting-registry.ts).
import type { QuadcueDatabase } from './open-db';

export async function readSettings(db: QuadcueDatabase): Promise<Map<string, unknown>> {
  return new Map((await db.getAll('settings')).map((record) => [record.key, record.value]));
}

export async function writeSetting(db: QuadcueDatabase, key: string, value: unknown): Promise<void> {
  await db.put('settings', { key, value });
}
