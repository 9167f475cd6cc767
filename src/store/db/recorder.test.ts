import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { classifyWriteError, idbChunkWriter, type ChunkWriter } from './chunk-writer';
import { openQuadcueDb, type QuadcueDatabase } from './open-db';
import { readSessionSamples } from './read-session';
import { Recorder, type RecorderNotice, type RecordingSource } from './recorder';
import { discardSession, listInterruptedSessions, recoverSession, type NewSession } from './sessions';

const channels = [
  { label: 'VMO', kind: 'emg', unit: 'uV', nominalRateHz: 100 },
  { label: 'VL', kind: 'emg', unit: 'uV', nominalRateHz: 100 },
] as const;
const source: RecordingSource = { sensorId: 'demo', profileId: 'quadcue', channels, rateHz: 100, nextIndex: 0 };
let dbCount = 0;

function session(id: string): NewSession {
  return { id, patientId: null, side: 'involved', simulated: true, exerciseId: null, startedAt: '2026-11-20T09:00:00.000Z' };
}

/** Raw = index + channel / 4, level = raw / 2 (exact in Float32): each sample says where it belongs. */
function feed(recorder: Recorder, first: number, sets: number, sensorId = 'demo'): void {
  const raw = new Float64Array(sets * 2);
  const level = new Float32Array(sets * 2);
  for (let s = 0; s < sets; s++) {
    for (let c = 0; c < 2; c++) {
      raw[s * 2 + c] = first + s + c / 4;
      level[s * 2 + c] = (first + s + c / 4) / 2;
    }
  }
  recorder.samples(sensorId, raw, level, sets);
}

async function setup(writer?: (db: QuadcueDatabase) => ChunkWriter) {
  const db = await openQuadcueDb({ name: `recorder-${dbCount++}` });
  const notices: RecorderNotice[] = [];
  const locks: string[] = [];
  const waiters: [(n: RecorderNotice) => boolean, () => void][] = [];
  const recorder = new Recorder({
    db: async () => db,
    writer,
    holdLock: (name) => {
      locks.push(name);
      return () => locks.splice(locks.indexOf(name), 1);
    },
    notify: (notice) => {
      notices.push(notice);
      for (const [match, resolve] of waiters) if (match(notice)) resolve();
    },
  });
  const until = (match: (n: RecorderNotice) => boolean) =>
    notices.some(match) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push([match, resolve]));
  return { db, recorder, notices, locks, until };
}

describe('Recorder', () => {
  it('writes ≤ 1 s chunks in order, gaps as NaN and events, and completes the session on stop', async () => {
    const { db, recorder, notices, locks, until } = await setup();
    recorder.start(session('a'), { ...source, nextIndex: 50 });
    expect(locks).toEqual(['quadcue-recording:a']);
    feed(recorder, 50, 250); // 2.5 s
    recorder.gap('demo', 30, 'loss');
    feed(recorder, 330, 120);
    await recorder.stop('demo', 'user');

    expect(notices[0]).toEqual({ type: 'recording-started', sessionId: 'a', sensorId: 'demo', firstIndex: 50 });
    expect(notices.filter((n) => n.type === 'recording-saved').map((n) => n.type === 'recording-saved' && [n.chunks, n.endIndex])).toEqual([
      [1, 150],
      [2, 250],
      [3, 300],
      [4, 430],
      [5, 450],
    ]);
    await until((n) => n.type === 'recording-stopped');
    expect(notices.at(-1)).toEqual({ type: 'recording-stopped', sessionId: 'a', sensorId: 'demo', reason: 'user', detail: null });
    expect(locks).toEqual([]);
    expect(await db.get('sessions', 'a')).toMatchObject({ status: 'complete', stoppedBy: 'user', streams: [{ sensorId: 'demo', firstIndex: 50, rateHz: 100 }] });

    const samples = await readSessionSamples(db, 'a');
    expect(samples?.chunks).toBe(5);
    expect(samples?.raw[1]).toHaveLength(450 - 50);
    for (let i = 0; i < 400; i++) {
      const index = 50 + i;
      const inGap = index >= 300 && index < 330;
      expect(samples!.raw[1]![i]).toBe(inGap ? NaN : index + 0.25);
      expect(samples!.level[0]![i]).toBe(inGap ? NaN : index / 2);
    }
    const events = await db.getAll('events');
    expect(events).toMatchObject([{ sessionId: 'a', sensorId: 'demo', kind: 'gap', sampleIndex: 300, lengthSamples: 30, reason: 'loss' }]);
  });

  it('writes the open chunk on flush (the page is hiding)', async () => {
    const { db, recorder, until } = await setup();
    recorder.start(session('f'), source);
    feed(recorder, 0, 40);
    recorder.flush();
    await until((n) => n.type === 'recording-saved');
    expect(await db.get('chunks', ['f', 'demo', 0])).toMatchObject({ startIndex: 0, sampleCount: 40 });
  });

  it('stops cleanly when storage is full: earlier chunks kept, session complete as storage-full', async () => {
    let writes = 0;
    // The seam: a writer that stores three chunks, then reports the disk full.
    const { db, recorder, notices, locks, until } = await setup((database) => ({
      write: (sessionId, sensorId, draft) =>
        ++writes > 3 ? Promise.resolve({ ok: false, reason: 'storage-full', detail: 'QuotaExceededError: full' }) : idbChunkWriter(database).write(sessionId, sensorId, draft),
    }));
    recorder.start(session('q'), source);
    feed(recorder, 0, 620);
    await until((n) => n.type === 'recording-stopped');
    const stopped = notices.find((n) => n.type === 'recording-stopped');
    expect(stopped).toMatchObject({ sessionId: 'q', reason: 'storage-full' });
    expect(stopped?.type === 'recording-stopped' && stopped.detail).toMatch(/Storage is full.*kept/);
    expect(recorder.isRecording('demo')).toBe(false);
    expect(locks).toEqual([]);
    expect(await db.get('sessions', 'q')).toMatchObject({ status: 'complete', stoppedBy: 'storage-full' });
    const samples = await readSessionSamples(db, 'q');
    expect(samples?.chunks).toBe(3);
    expect(Array.from(samples!.raw[0]!)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    // More samples and a later stop change nothing.
    feed(recorder, 620, 200);
    await recorder.stop('demo', 'user');
    expect(await db.count('chunks')).toBe(3);
    expect(notices.filter((n) => n.type === 'recording-stopped')).toHaveLength(1);
  });

  it('refuses a second stream of the same sensor in one session without touching the first', async () => {
    const { db, recorder, notices, until } = await setup();
    recorder.start(session('d'), source);
    feed(recorder, 0, 100);
    await recorder.stop('demo', 'user');
    recorder.start(session('d'), source);
    feed(recorder, 0, 100);
    await until((n) => n.type === 'recording-stopped' && n.reason === 'refused');
    expect(notices.at(-1)).toMatchObject({ reason: 'refused', sessionId: 'd' });
    expect(await db.count('chunks')).toBe(1);
    expect(await db.get('sessions', 'd')).toMatchObject({ status: 'complete', stoppedBy: 'user' });
  });

  it('finds a session left recording by a dead owner, recovers it up to its last chunk, and can discard one', async () => {
    const { db, recorder, until } = await setup();
    recorder.start(session('crash'), source);
    feed(recorder, 0, 250);
    recorder.gap('demo', 10, 'outage');
    feed(recorder, 260, 160);
    await until((n) => n.type === 'recording-saved' && n.chunks === 4);
    // The "crash": the recorder is simply never stopped; 60 samples stay unsaved in its open chunk.
    expect(await listInterruptedSessions(db, (id) => id === 'crash')).toEqual([]);
    const interrupted = await listInterruptedSessions(db, () => false);
    expect(interrupted.map((s) => [s.session.id, s.session.status])).toEqual([['crash', 'interrupted']]);
    expect(interrupted[0]!.extents).toEqual([{ sensorId: 'demo', chunks: 4, firstIndex: 0, endIndex: 360, savedSamples: 350 }]);

    const recovered = await recoverSession(db, 'crash');
    expect(recovered?.session).toMatchObject({ status: 'complete', stoppedBy: 'recovered' });
    expect(await recoverSession(db, 'crash')).toBeNull();
    expect(await listInterruptedSessions(db, () => false)).toEqual([]);
    const samples = await readSessionSamples(db, 'crash');
    expect(samples?.raw[0]).toHaveLength(360);
    expect(samples!.raw[0]!.filter(Number.isNaN)).toHaveLength(10);

    await discardSession(db, 'crash');
    expect([await db.count('sessions'), await db.count('chunks'), await db.count('events')]).toEqual([0, 0, 0]);
  });
});

describe('classifyWriteError', () => {
  it('reads a quota failure from the request or from the aborted transaction', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    const abort = new DOMException('aborted', 'AbortError');
    expect(classifyWriteError(quota, null).reason).toBe('storage-full');
    expect(classifyWriteError(abort, quota)).toEqual({ ok: false, reason: 'storage-full', detail: 'QuotaExceededError: quota' });
    expect(classifyWriteError(abort, null).reason).toBe('write-error');
    expect(classifyWriteError(new DOMException('x', 'InvalidStateError'), null)).toEqual({ ok: false, reason: 'write-error', detail: 'InvalidStateError: x' });
  });
});
