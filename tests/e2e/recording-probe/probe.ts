// A test-only page (never part of the app's build): the app's real pipeline worker, bridge,
// transport feed and recorder, driven with the demo sensor's frames in accelerated time, and the
// app's store API to find, recover and read back an interrupted session after a crash.
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID } from '../../../firmware-protocol/src/index';
import { createPipelineFeed } from '../../../src/devices/pipeline-feed';
import { openQuadcueDb, type QuadcueDatabase } from '../../../src/store/db/open-db';
import { readSessionSamples } from '../../../src/store/db/read-session';
import { listInterruptedSessions, recoverSession, type StreamExtent } from '../../../src/store/db/sessions';
import { pipelineBridge } from '../../../src/worker/bridge';
import type { FromWorker } from '../../../src/worker/messages';
import { demoFrames } from './demo-frames';

export interface RecoveryResult extends StoredSession {
  interrupted: { id: string; status: string; extents: StreamExtent[] }[];
  recovered: { status: string; stoppedBy: string | null; simulated: boolean } | null;
}

/** About 0.25 s of samples: a frame of the demo sensor carries about 55 two-channel sets at 1000 Hz. */
const FRAMES_PER_SLICE = 5;

/** Chunks the worker reported saved, for the test to wait on before it crashes the page. */
const progress = { saved: 0, stopped: [] as Extract<FromWorker, { type: 'recording-stopped' }>[] };

async function record(sessionId: string, seconds: number, withheld: number[]): Promise<number> {
  const bridge = pipelineBridge();
  const { description, startReply, frames } = demoFrames(seconds);
  bridge.listen((m) => {
    if (m.type === 'recording-saved') progress.saved = m.chunks;
    if (m.type === 'recording-stopped') progress.stopped.push(m);
  });
  const attached = new Promise<void>((resolve) => {
    const stop = bridge.listen((m) => {
      if (m.type === 'attached') {
        stop();
        resolve();
      }
    });
  });
  bridge.post({ type: 'attach', sensorId: 'demo', profileId: 'quadcue', connectReads: [[DESCRIPTION_CHAR_UUID, description.slice().buffer]], mainsHz: 50 });
  await attached;
  const startedAt = new Date().toISOString();
  bridge.post({ type: 'start-recording', sensorId: 'demo', session: { id: sessionId, patientId: null, side: 'involved', simulated: true, exerciseId: null, startedAt } });
  const feed = createPipelineFeed(bridge, 'demo');
  feed.push(CONTROL_CHAR_UUID, startReply, 0);
  const skip = new Set(withheld);
  // Accelerated time, but in slices (about 0.25 s of samples per task, as fast as the page runs)
  // so the recording is still going when the test crashes the page.
  void (async () => {
    for (let index = 0; index < frames.length; index++) {
      if (!skip.has(index)) feed.push(DATA_CHAR_UUID, frames[index]!.bytes.slice(), frames[index]!.atMs);
      if (index % FRAMES_PER_SLICE === FRAMES_PER_SLICE - 1) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  })();
  return frames.length;
}

export interface StoredSession {
  status: string | null;
  stoppedBy: string | null;
  chunks: { seq: number; startIndex: number; sampleCount: number; gapBefore: number }[];
  firstIndex: number;
  raw: number[][];
  levelNaNMatchesRaw: boolean;
}

async function readStored(db: QuadcueDatabase, sessionId: string): Promise<StoredSession> {
  const session = await db.get('sessions', sessionId);
  const chunks = (await db.getAll('chunks', IDBKeyRange.bound([sessionId], [sessionId, []]))).map(({ seq, startIndex, sampleCount, gapBefore }) => ({ seq, startIndex, sampleCount, gapBefore }));
  const samples = await readSessionSamples(db, sessionId);
  return {
    status: session?.status ?? null,
    stoppedBy: session?.stoppedBy ?? null,
    chunks,
    firstIndex: samples?.firstIndex ?? -1,
    raw: samples?.raw.map((column) => Array.from(column)) ?? [],
    levelNaNMatchesRaw: samples?.level.every((column, c) => column.every((v, i) => Number.isNaN(v) === Number.isNaN(samples.raw[c]![i]!))) ?? false,
  };
}

/** After the relaunch: what start-up finds interrupted, the first one recovered and read back. */
async function recoverAndRead(): Promise<RecoveryResult> {
  const db = await openQuadcueDb();
  const interrupted = await listInterruptedSessions(db);
  const first = interrupted[0];
  const recovered = first ? await recoverSession(db, first.session.id) : null;
  const stored = await readStored(db, first?.session.id ?? '');
  db.close();
  return {
    ...stored,
    interrupted: interrupted.map(({ session, extents }) => ({ id: session.id, status: session.status, extents })),
    recovered: recovered && { status: recovered.session.status, stoppedBy: recovered.session.stoppedBy, simulated: recovered.session.simulated },
  };
}

async function readSession(sessionId: string): Promise<StoredSession> {
  const db = await openQuadcueDb();
  const stored = await readStored(db, sessionId);
  db.close();
  return stored;
}

Object.assign(window, { recordDemo: record, recoverAndRead, readSession, recordingProgress: progress });
document.getElementById('state')!.textContent = 'ready';
