import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildScenario, vlChannel, vmoChannel } from '../../firmware-protocol/sim/index';
import { quadcueCaptureLines } from '../../tests/cli/synthetic-captures';
import { openQuadcueDb, type QuadcueDatabase } from '../store/db/open-db';
import { readSessionSamples } from '../store/db/read-session';
import type { StoreName } from '../store/db/schema';
import { writeEdf } from '../store/formats/edf-writer';
import { sessionRecording } from '../store/formats/edf-test-recordings';
import { parseImport, writeImportedSession, type ImportedRecording } from './history-import';
import { deleteAllSessions, listHistory } from './history-list';

let dbCount = 0;
function freshDb(): Promise<QuadcueDatabase> {
  return openQuadcueDb({ name: `history-import-${dbCount++}` });
}
const target = (sessionId: string) => ({ sessionId, fallbackStartedAt: '2026-02-01T10:00:00.000Z', patientId: null });
const stores: StoreName[] = ['patients', 'calibrations', 'programs', 'sessions', 'chunks', 'events', 'settings'];

async function counts(db: QuadcueDatabase): Promise<number[]> {
  return Promise.all(stores.map((name) => db.count(name)));
}

/** 3 s of two EMG columns at 1 kHz with 100 rows missing after row 1500 (time column jumps). */
function csvWithGap(): string {
  const lines = ['time_s,VMO[uV],force[N]'];
  for (let i = 0; i < 3000; i++) {
    if (i >= 1500 && i < 1600) continue;
    lines.push(`${(i / 1000).toFixed(6)},${(40 * Math.sin(i * 0.7)).toFixed(3)},${(i / 100).toFixed(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

async function importOk(db: QuadcueDatabase, name: string, bytes: Uint8Array, id: string): Promise<ImportedRecording> {
  const parsed = parseImport(name, bytes);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  const written = await writeImportedSession(db, parsed.recording, target(id));
  expect(written.ok).toBe(true);
  return parsed.recording;
}

describe('importing a recording into history', () => {
  it('stores a CSV as one complete session in ~1 s chunks with its hole as a gap', async () => {
    const db = await freshDb();
    await importOk(db, 'knee.csv', new TextEncoder().encode(csvWithGap()), 's-csv');
    const session = await db.get('sessions', 's-csv');
    expect(session).toMatchObject({ status: 'complete', stoppedBy: 'user', simulated: false, startedAt: '2026-02-01T10:00:00.000Z' });
    expect(session!.streams).toHaveLength(1);
    expect(session!.streams[0]!.channels.map((c) => [c.label, c.kind, c.unit])).toEqual([
      ['VMO', 'emg', 'uV'],
      ['force', 'force', 'N'],
    ]);
    const chunks = await db.getAll('chunks');
    // 1500 samples before the hole → 1000 + 500; 1400 after it → 1000 + 400.
    expect(chunks.map((c) => [c.startIndex, c.sampleCount, c.gapBefore])).toEqual([
      [0, 1000, 0],
      [1000, 500, 0],
      [1600, 1000, 100],
      [2600, 400, 0],
    ]);
    const events = await db.getAll('events');
    expect(events).toEqual([expect.objectContaining({ kind: 'gap', sampleIndex: 1500, lengthSamples: 100, sessionId: 's-csv' })]);

    const samples = await readSessionSamples(db, 's-csv');
    const vmo = samples!.raw[0]!;
    expect(vmo).toHaveLength(3000);
    expect(vmo[1499]).toBe(Math.fround(Number((40 * Math.sin(1499 * 0.7)).toFixed(3))));
    expect(Number.isNaN(vmo[1550]!)).toBe(true);
    // Level: the EMG envelope (positive, NaN in the hole); force copied as it is.
    const envelope = samples!.level[0]!;
    expect(envelope[2900]).toBeGreaterThan(1);
    expect(Number.isNaN(envelope[1550]!)).toBe(true);
    expect(samples!.level[1]![2900]).toBe(samples!.raw[1]![2900]);

    const [entry] = await listHistory(db);
    expect(entry!.durationS).toBeCloseTo(3, 9);
  });

  it('stores an EDF+ file as one stream per sample rate', async () => {
    const db = await freshDb();
    const written = writeEdf(sessionRecording());
    if (!written.ok) throw new Error(written.error.detail);
    await importOk(db, 'session.edf', written.bytes, 's-edf');
    const session = await db.get('sessions', 's-edf');
    expect(session!.streams.map((s) => [s.rateHz, s.channels.map((c) => c.unit)])).toEqual([
      [2000, ['uV', 'uV']],
      [80, ['N']],
    ]);
    const force = await readSessionSamples(db, 's-edf', session!.streams[1]!.sensorId);
    expect(force!.raw[0]![80]).toBeGreaterThan(150); // 1.0 s: inside the first rep (0.8–1.8 s)
    expect(force!.raw[0]![40]).toBeLessThan(10);
    // The file says it is the demo sensor's: so does the session.
    expect(session!.simulated).toBe(true);
  });

  it('decodes a capture file through the sensor pipeline', async () => {
    const db = await freshDb();
    const device = { channels: [vmoChannel(), vlChannel()], supportedRatesHz: [1000] };
    const text = [...quadcueCaptureLines({ seed: 3, device, rateHz: 1000, scenario: buildScenario('quadSets'), durationS: 2 })].join('\n');
    await importOk(db, 'sensor.jsonl', new TextEncoder().encode(text), 's-cap');
    const samples = await readSessionSamples(db, 's-cap');
    expect(samples!.stream.channels.map((c) => c.label)).toEqual(['VMO', 'VL']);
    expect(samples!.raw[0]!.length).toBeGreaterThan(1900);
    expect(samples!.raw[0]!.length).toBeLessThanOrEqual(2000);
  });

  it('leaves the database exactly as it was for every damaged file', async () => {
    const db = await freshDb();
    await importOk(db, 'knee.csv', new TextEncoder().encode(csvWithGap()), 'kept');
    const before = await counts(db);
    const edf = writeEdf(sessionRecording());
    if (!edf.ok) throw new Error(edf.error.detail);
    const flipped = edf.bytes.slice();
    flipped[236] = 0x41; // the record-count field: no longer a number
    const csv = csvWithGap();
    const damaged: [string, Uint8Array][] = [
      ['cut.edf', edf.bytes.slice(0, edf.bytes.length - 1000)],
      ['flipped.edf', flipped],
      ['short.edf', edf.bytes.slice(0, 100)],
      ['bad-number.csv', new TextEncoder().encode(csv.replace('\n0.002000,', '\n0.002000,abc'))],
      ['no-unit.csv', new TextEncoder().encode('time_s,VMO\n0,1\n0.001,2\n')],
      ['empty.csv', new Uint8Array(0)],
      ['header-only.csv', new TextEncoder().encode('time_s,VMO[uV]\n')],
      ['slow.csv', new TextEncoder().encode('time_s,VMO[uV]\n0,1\n1,2\n2,3\n')],
      ['broken.jsonl', new TextEncoder().encode('{"magic":"quadcue-ble"\n')],
      ['junk.bin', Uint8Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)],
    ];
    for (const [name, bytes] of damaged) {
      const parsed = parseImport(name, bytes);
      const outcome = parsed.ok ? await writeImportedSession(db, parsed.recording, target(`bad-${name}`)) : parsed;
      expect(outcome.ok, name).toBe(false);
      if (!outcome.ok) expect(outcome.error.detail.length, name).toBeGreaterThan(5);
      expect(await counts(db), name).toEqual(before);
    }
  });

  it('writes nothing when the transaction fails part-way (an existing session id)', async () => {
    const db = await freshDb();
    const bytes = new TextEncoder().encode(csvWithGap());
    await importOk(db, 'knee.csv', bytes, 'same');
    const before = await counts(db);
    const parsed = parseImport('knee.csv', bytes);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const again = await writeImportedSession(db, parsed.recording, target('same'));
    expect(again).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(await counts(db)).toEqual(before);
  });

  it('lists by patient when asked, and deleting everything leaves no session, chunk or event', async () => {
    const db = await freshDb();
    const bytes = new TextEncoder().encode(csvWithGap());
    const parsed = parseImport('knee.csv', bytes);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    await writeImportedSession(db, parsed.recording, { ...target('p1-old'), patientId: 'p1', fallbackStartedAt: '2026-01-01T09:00:00.000Z' });
    await writeImportedSession(db, parsed.recording, { ...target('p1-new'), patientId: 'p1' });
    await writeImportedSession(db, parsed.recording, target('nobody'));
    expect((await listHistory(db, { patientId: 'p1' })).map((e) => e.session.id)).toEqual(['p1-new', 'p1-old']);
    expect(await listHistory(db)).toHaveLength(3);
    await deleteAllSessions(db);
    expect(await Promise.all([db.count('sessions'), db.count('chunks'), db.count('events')])).toEqual([0, 0, 0]);
  });
});
