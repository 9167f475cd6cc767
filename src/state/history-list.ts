// The sessions history lists, newest first, with how long each lasted (from its chunks' extents,
// not the wall clock), and deleting all of them at once. One transaction each.
import type { QuadcueDatabase } from '../store/db/open-db';
import type { SessionEvent, SessionRecord } from '../store/db/schema';
import { deviceStorage, readActivePatientId } from './active-patient-id';

export interface HistoryEntry {
  readonly session: SessionRecord;
  /** Sample time of the longest stream, gaps included: (end index − first index) ÷ rate. */
  readonly durationS: number;
}

export interface HistoryFilter {
  /** Only this patient's sessions (null: those recorded with no patient); undefined lists everyone's. */
  readonly patientId?: string | null;
  /** Also the sessions recorded while no patient was chosen (they belong to nobody else). */
  readonly includeUnassigned?: boolean;
}

/**
 * The sessions the app shows (home, History and its trends): the active patient's, and those
 * recorded while no patient was chosen. A session belongs to whoever was active when it was made
 * (recording-model.ts), so another patient's sessions never fill this one's week or history; and
 * a patient who recorded at home before the therapist set up a profile does not lose those sessions.
 */
export function activePatientFilter(storage: Pick<Storage, 'getItem'> | null = deviceStorage()): HistoryFilter {
  return { patientId: readActivePatientId(storage), includeUnassigned: true };
}

/** Newest first by start time; ISO-8601 strings of one zone sort as text. */
function newerFirst(a: SessionRecord, b: SessionRecord): number {
  return a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0;
}

function newestFirst(a: HistoryEntry, b: HistoryEntry): number {
  return newerFirst(a.session, b.session);
}

function matches(filter: HistoryFilter): (s: SessionRecord) => boolean {
  return (s) => filter.patientId === undefined || s.patientId === filter.patientId || (filter.includeUnassigned === true && s.patientId === null);
}

/** The session records alone, newest first: no chunk is read (the patient home needs only these). */
export async function listSessions(db: QuadcueDatabase, filter: HistoryFilter = {}): Promise<SessionRecord[]> {
  const sessions = (await db.getAll('sessions')).filter(matches(filter));
  return sessions.sort(newerFirst);
}

export async function listHistory(db: QuadcueDatabase, filter: HistoryFilter = {}): Promise<HistoryEntry[]> {
  const tx = db.transaction(['sessions', 'chunks']);
  const sessions = (await tx.objectStore('sessions').getAll()).filter(matches(filter));
  const entries: HistoryEntry[] = [];
  for (const session of sessions) {
    let durationS = 0;
    for (const stream of session.streams) {
      const range = IDBKeyRange.bound([session.id, stream.sensorId, 0], [session.id, stream.sensorId, Infinity]);
      // Only the last chunk is read: chunks are large and the extent needs just its end.
      const last = (await tx.objectStore('chunks').openCursor(range, 'prev'))?.value;
      if (last) durationS = Math.max(durationS, (last.startIndex + last.sampleCount - stream.firstIndex) / stream.rateHz);
    }
    entries.push({ session, durationS });
  }
  await tx.done;
  return entries.sort(newestFirst);
}

/** A session's events (reps, cues, ratings, gaps) in stream order. */
export function sessionEvents(db: QuadcueDatabase, sessionId: string): Promise<SessionEvent[]> {
  return db.getAllFromIndex('events', 'by-session', IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]));
}

/** Deletes every session with all its chunks and events, in one transaction: all or nothing. */
export async function deleteAllSessions(db: QuadcueDatabase): Promise<void> {
  const tx = db.transaction(['sessions', 'chunks', 'events'], 'readwrite');
  await Promise.all([tx.objectStore('sessions').clear(), tx.objectStore('chunks').clear(), tx.objectStore('events').clear(), tx.done]);
}
