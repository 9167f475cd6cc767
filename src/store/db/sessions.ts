// The session lifecycle in the database: started (status 'recording'), finished ('complete'), and
// after a crash found 'recording' with nobody holding it ('interrupted'), offered for recovery,
// recovered intact up to its last chunk. Each change is one transaction.
import type { SessionSummary } from '../../exercise/summary';
import type { QuadcueDatabase } from './open-db';
import type { SessionRecord, StoppedBy, StreamRecord } from './schema';

/** What the main thread knows about a session when it asks the worker to record it. */
export type NewSession = Pick<SessionRecord, 'id' | 'patientId' | 'side' | 'simulated' | 'exerciseId' | 'startedAt'>;

/** How far one stream of a session got: chunks stored and the stream indexes they cover. */
export interface StreamExtent {
  sensorId: string;
  chunks: number;
  /** Stream index of the first recorded sample (the stream's firstIndex). */
  firstIndex: number;
  /** Stream index just after the last saved sample (gaps counted); firstIndex when nothing was saved. */
  endIndex: number;
  /** Samples per channel actually stored (gaps excluded). */
  savedSamples: number;
}

export interface SessionWithExtent {
  session: SessionRecord;
  extents: StreamExtent[];
}

/** Adds `stream` to session `init.id`, creating the session (status 'recording') if it is new. */
export async function startStream(db: QuadcueDatabase, init: NewSession, stream: StreamRecord): Promise<'started' | 'duplicate-stream'> {
  const tx = db.transaction('sessions', 'readwrite');
  const store = tx.objectStore('sessions');
  const existing = await store.get(init.id);
  // One stream per sensor and session: its chunks are keyed by seq from 0, a second start would collide.
  if (existing?.streams.some((s) => s.sensorId === stream.sensorId)) {
    await tx.done;
    return 'duplicate-stream';
  }
  const session: SessionRecord = existing
    ? { ...existing, status: 'recording', streams: [...existing.streams, stream] }
    : { ...init, status: 'recording', stoppedBy: null, streams: [stream] };
  await store.put(session);
  await tx.done;
  return 'started';
}

/** Marks a session complete; a 'storage-full' or 'write-error' reason is kept over a later plain stop. */
export async function finishSession(db: QuadcueDatabase, sessionId: string, stoppedBy: StoppedBy): Promise<void> {
  const tx = db.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (session) {
    const keep = session.stoppedBy === 'storage-full' || session.stoppedBy === 'write-error';
    await tx.store.put({ ...session, status: 'complete', stoppedBy: keep ? session.stoppedBy : stoppedBy });
  }
  await tx.done;
}

/** Attaches a guided exercise's summary to its recorded session (no-op if the session is gone). */
export async function saveSessionSummary(db: QuadcueDatabase, sessionId: string, summary: SessionSummary): Promise<void> {
  const tx = db.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (session) await tx.store.put({ ...session, summary });
  await tx.done;
}

/** Web Locks name a recording worker holds while it owns a session (released when its tab dies). */
export function recordingLockName(sessionId: string): string {
  return `quadcue-recording:${sessionId}`;
}

type OwnerAlive = (sessionId: string) => Promise<boolean> | boolean;

/**
 * Default owner check: a session is owned while some tab holds its Web Lock. Without Web Locks
 * (old browsers, Node) nobody can be asked, and every 'recording' session is taken as orphaned:
 * at start-up this tab records nothing yet, and a second tab recording at once is the rare case.
 */
async function ownerAliveByLocks(): Promise<OwnerAlive> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return () => false;
  const { held = [] } = await locks.query();
  const names = new Set(held.map((lock) => lock.name));
  return (sessionId) => names.has(recordingLockName(sessionId));
}

async function extentsOf(db: QuadcueDatabase, session: SessionRecord): Promise<StreamExtent[]> {
  const tx = db.transaction(['chunks', 'events']);
  const gapEvents = await tx.objectStore('events').index('by-session').getAll(IDBKeyRange.bound([session.id, -Infinity], [session.id, Infinity]));
  const extents: StreamExtent[] = [];
  for (const stream of session.streams) {
    const range = IDBKeyRange.bound([session.id, stream.sensorId, 0], [session.id, stream.sensorId, Infinity]);
    const chunks = await tx.objectStore('chunks').count(range);
    // Only the last chunk is read: chunks are large, and the extent needs just its end.
    const last = (await tx.objectStore('chunks').openCursor(range, 'prev'))?.value;
    const endIndex = last ? last.startIndex + last.sampleCount : stream.firstIndex;
    // Gap events are written in the same transaction as the chunk after the gap, so they match the chunks exactly.
    let lostSamples = 0;
    for (const event of gapEvents) if (event.kind === 'gap' && event.sensorId === stream.sensorId && event.sampleIndex < endIndex) lostSamples += event.lengthSamples;
    extents.push({ sensorId: stream.sensorId, chunks, firstIndex: stream.firstIndex, endIndex, savedSamples: endIndex - stream.firstIndex - lostSamples });
  }
  await tx.done;
  return extents;
}

/**
 * On start: every 'recording' session whose owner is gone becomes 'interrupted'; returns all
 * interrupted sessions (newest first) with how far each stream got, to offer for recovery.
 */
export async function listInterruptedSessions(db: QuadcueDatabase, ownerAlive?: OwnerAlive): Promise<SessionWithExtent[]> {
  const alive = ownerAlive ?? (await ownerAliveByLocks());
  const orphaned: SessionRecord[] = [];
  for (const session of await db.getAllFromIndex('sessions', 'by-status', 'recording')) {
    if (await alive(session.id)) continue;
    const interrupted: SessionRecord = { ...session, status: 'interrupted' };
    orphaned.push(interrupted);
    try {
      await db.put('sessions', interrupted);
    } catch {
      // A full disk refuses even this small update; the session is offered all the same, and
      // marked again on the next start.
    }
  }
  const ids = new Set(orphaned.map((s) => s.id));
  const marked = (await db.getAllFromIndex('sessions', 'by-status', 'interrupted')).filter((s) => !ids.has(s.id));
  const interrupted = [...orphaned, ...marked];
  interrupted.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  return Promise.all(interrupted.map(async (session) => ({ session, extents: await extentsOf(db, session) })));
}

/** Keeps an interrupted session: marks it complete (stoppedBy 'recovered') and returns it with its extent. */
export async function recoverSession(db: QuadcueDatabase, sessionId: string): Promise<SessionWithExtent | null> {
  const tx = db.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (!session || session.status !== 'interrupted') {
    await tx.done;
    return null;
  }
  const recovered: SessionRecord = { ...session, status: 'complete', stoppedBy: 'recovered' };
  await tx.store.put(recovered);
  await tx.done;
  return { session: recovered, extents: await extentsOf(db, recovered) };
}

/** Deletes a session with its chunks and events (the user declines recovery, or deletes it from history). */
export async function discardSession(db: QuadcueDatabase, sessionId: string): Promise<void> {
  const tx = db.transaction(['sessions', 'chunks', 'events'], 'readwrite');
  await Promise.all([
    tx.objectStore('sessions').delete(sessionId),
    tx.objectStore('chunks').delete(IDBKeyRange.bound([sessionId], [sessionId, []])),
    tx.objectStore('events').index('by-session').openCursor(IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity])).then(async (first) => {
      for (let cursor = first; cursor; cursor = await cursor.continue()) await cursor.delete();
    }),
    tx.done,
  ]);
}
