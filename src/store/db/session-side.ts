// Which leg a stored session exercised: the side tag (involved / uninvolved, set before recording
// and editable in History) and the channels' legs saved when a recording ends. Each change is one
// read-modify-write transaction that keeps every other field, so it cannot undo the recorder's
// own updates (finishSession, saveSessionSummary) whichever commits first.
import type { QuadcueDatabase } from './open-db';
import type { ChannelLeg, SessionRecord } from './schema';

export type SessionSide = NonNullable<SessionRecord['side']>;

/** Sets (or clears, with null) a session's side; false when the session is gone. */
export async function updateSessionSide(db: QuadcueDatabase, sessionId: string, side: SessionSide | null): Promise<boolean> {
  const tx = db.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (session) await tx.store.put({ ...session, side });
  await tx.done;
  return session !== undefined;
}

/** Keeps the channels' muscles and legs with a finished recording (no-op if the session is gone). */
export async function saveSessionLegs(db: QuadcueDatabase, sessionId: string, legs: readonly ChannelLeg[], side: SessionSide | null): Promise<void> {
  const tx = db.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (session) await tx.store.put({ ...session, side, legs: [...legs] });
  await tx.done;
}
