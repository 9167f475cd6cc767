// Code that runs inside the page under test (serialized by Playwright: no references to module
// scope). It reads; it never changes the app: the recording straight from IndexedDB with the
// plain IDB API, and every text the app shows in an alert or status region, time-stamped.

/** What a session record and its chunks look like to the reader (the app's schema, src/store/db/schema.ts). */
export interface PageSessionPart {
  sessions: { id: string; status: string; stoppedBy: string | null; startedAt: string; firstIndex: number; chunkCount: number }[];
}

/** Lists every session in the app's database with its first stream's firstIndex and chunk count. */
export async function listSessions(): Promise<PageSessionPart> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('quadcue');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const tx = db.transaction(['sessions', 'chunks']);
  type Session = { id: string; status: string; stoppedBy: string | null; startedAt: string; streams: { sensorId: string; firstIndex: number }[] };
  const sessions = (await all(tx.objectStore('sessions').getAll())) as Session[];
  const out: PageSessionPart['sessions'] = [];
  for (const s of sessions) {
    const stream = s.streams[0];
    const range = stream ? IDBKeyRange.bound([s.id, stream.sensorId, 0], [s.id, stream.sensorId, Infinity]) : null;
    const chunkCount = range ? await all(tx.objectStore('chunks').count(range)) : 0;
    out.push({ id: s.id, status: s.status, stoppedBy: s.stoppedBy, startedAt: s.startedAt, firstIndex: stream?.firstIndex ?? 0, chunkCount });
  }
  db.close();
  return { sessions: out };
}

export interface PageChunk {
  seq: number;
  startIndex: number;
  sampleCount: number;
  gapBefore: number;
  channels: number;
  /** Float32 raw samples, base64 (one string crosses DevTools far faster than a number array). */
  rawBase64: string;
}

/** Chunks `fromSeq` … `fromSeq + count − 1` of the session's first stream, and (with fromSeq 0) its gap events. */
export async function readChunks(args: { sessionId: string; fromSeq: number; count: number }): Promise<{
  chunks: PageChunk[];
  gapEvents: { sampleIndex: number; lengthSamples: number; reason: string }[];
}> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('quadcue');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const tx = db.transaction(['sessions', 'chunks', 'events']);
  const session = (await all(tx.objectStore('sessions').get(args.sessionId))) as { streams: { sensorId: string }[] };
  const sensorId = session.streams[0]!.sensorId;
  const range = IDBKeyRange.bound([args.sessionId, sensorId, args.fromSeq], [args.sessionId, sensorId, args.fromSeq + args.count - 1]);
  type Chunk = { seq: number; startIndex: number; sampleCount: number; gapBefore: number; channels: number; raw: Float32Array };
  const stored = (await all(tx.objectStore('chunks').getAll(range))) as Chunk[];
  const toBase64 = (array: Float32Array) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  const chunks = stored.map((c) => ({
    seq: c.seq,
    startIndex: c.startIndex,
    sampleCount: c.sampleCount,
    gapBefore: c.gapBefore,
    channels: c.channels,
    rawBase64: toBase64(c.raw),
  }));
  type Event = { sessionId: string; sensorId: string; kind: string; sampleIndex: number; lengthSamples: number; reason: string };
  const gapEvents =
    args.fromSeq > 0
      ? []
      : ((await all(tx.objectStore('events').getAll())) as Event[])
          .filter((e) => e.sessionId === args.sessionId && e.sensorId === sensorId && e.kind === 'gap')
          .map((e) => ({ sampleIndex: e.sampleIndex, lengthSamples: e.lengthSamples, reason: e.reason }));
  db.close();
  return { chunks, gapEvents };
}

export interface ShownMessage {
  role: string;
  text: string;
  /** Date.now() when the text appeared (the test's clock is the same machine's). */
  atMs: number;
}

/**
 * Init script: watches every [role=alert] and [role=status] region and logs each new text it
 * shows, with the time, in window.__soakMessages. Runs again after every reload.
 */
export function installMessageMonitor(): void {
  const scope = window as unknown as { __soakMessages: ShownMessage[] };
  scope.__soakMessages = [];
  const shown = new WeakMap<Element, string>();
  const scan = () => {
    for (const element of document.querySelectorAll('[role="alert"], [role="status"]')) {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (shown.get(element) === text) continue;
      shown.set(element, text);
      if (text !== '') scope.__soakMessages.push({ role: element.getAttribute('role') ?? '', text, atMs: Date.now() });
    }
  };
  const start = () => new MutationObserver(scan).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

export function takeMessages(): ShownMessage[] {
  const scope = window as unknown as { __soakMessages?: ShownMessage[] };
  return scope.__soakMessages?.splice(0) ?? [];
}
