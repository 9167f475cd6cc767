import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildScenario, vlChannel, vmoChannel } from '../../firmware-protocol/sim/index';
import { quadcueCaptureLines } from '../../tests/cli/synthetic-captures';
import { openQuadcueDb, type QuadcueDatabase } from '../store/db/open-db';
import { readSessionSamples } from '../store/db/read-session';
import type { SessionEvent, StoreName } from '../store/db/schema';
import { writeEdf } from '../store/formats/edf-writer';
import { sessionRecording } from '../store/formats/edf-test-recordings';
import { exportSession } from './history-export';
import { MAX_IMPORTED_EVENTS, parseImport, writeImportedSession, type ImportedRecording } from './history-import';
import { deleteAllSessions, listHistory, sessionEvents } from './history-list';
import { events as storedEvents, samples as storedSamples, session as storedSession } from './history-test-sessions';

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

/** The file with the first `from` in its bytes replaced by `to` (same length: the layout stays). */
function patched(bytes: Uint8Array, from: number[], to: number[]): Uint8Array {
  const at = bytes.findIndex((_, i) => from.every((b, k) => bytes[i + k] === b));
  if (at < 0 || from.length !== to.length) throw new Error('test bug: nothing to patch');
  const out = bytes.slice();
  out.set(to, at);
  return out;
}
const ascii = (text: string) => Array.from(new TextEncoder().encode(text));

/** An event as a person reads it: what happened and when (s from the stream's first recorded sample), not where it is stored. */
function eventsAsRead(events: readonly SessionEvent[], firstIndex: number, rateHz: number): Record<string, unknown>[] {
  return events
    .map(({ id: _id, sessionId: _session, sensorId: _sensor, sampleIndex, ...body }) => ({ ...body, atS: (sampleIndex - firstIndex) / rateHz }))
    .sort((a, b) => a.atS - b.atS || a.kind.localeCompare(b.kind));
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
    // Its annotations are not Quadcue's own texts (edf-test-recordings.ts): they come back as notes,
    // on the first stream at their sample; each stream's lost stretch is a gap of its own.
    const [first, second] = session!.streams.map((s) => s.sensorId);
    expect((await sessionEvents(db, 's-edf')).map((e) => [e.sensorId, e.sampleIndex, e.kind, e.kind === 'note' ? e.text : null])).toEqual([
      [second, 200, 'gap', null],
      [first, 1000, 'gap', null],
      [first, 1500, 'note', 'cue: push'],
      [first, 1600, 'note', 'rep 1'],
      [first, 4400, 'note', 'rep 2'],
      [first, 7200, 'note', 'pain 2/10 – fine'],
    ]);
  });

  it('gives back the same events from a Quadcue EDF+ export: gaps, reps, cues, ratings and notes', async () => {
    const db = await freshDb();
    const stored = storedSession('a', '2026-03-04T08:09:10.123Z', false);
    const events: SessionEvent[] = [
      ...storedEvents,
      { sessionId: 'a', sensorId: 'demo', sampleIndex: 600, kind: 'cue', cue: 'squeeze' },
      { sessionId: 'a', sensorId: 'demo', sampleIndex: 2000, kind: 'note', text: 'Stimulus on' },
      { sessionId: 'a', sensorId: 'demo', sampleIndex: 3400, kind: 'effort', score: 6.5 },
    ];
    const exported = exportSession('edf', stored, [storedSamples(1)], events);
    if (!exported.ok) throw new Error(exported.detail);
    await importOk(db, exported.fileName, exported.bytes, 's-back');
    const [stream] = (await db.get('sessions', 's-back'))!.streams;
    expect(eventsAsRead(await sessionEvents(db, 's-back'), stream!.firstIndex, stream!.rateHz)).toEqual(eventsAsRead(events, stored.streams[0]!.firstIndex, stored.streams[0]!.rateHz));
  });

  it('puts annotations outside the recording at its first or last sample', async () => {
    const db = await freshDb();
    // 2 s of force at 100 Hz: samples 0–199.
    const recording: ImportedRecording = {
      kind: 'edf',
      startedAt: '2026-02-01T10:00:00.000Z',
      simulated: false,
      streams: [
        {
          sensorId: 'import:edf:1',
          profileId: 'quadcue',
          rateHz: 100,
          channels: [{ label: 'force', kind: 'force', unit: 'N', nominalRateHz: 100 }],
          samples: [new Float32Array(200).fill(5)],
        },
      ],
      events: [
        { onsetS: -0.5, body: { kind: 'note', text: 'before' } },
        { onsetS: 1.234, body: { kind: 'pain', score: 1 } },
        { onsetS: 60, body: { kind: 'note', text: 'after' } },
      ],
    };
    expect((await writeImportedSession(db, recording, target('s-clamp'))).ok).toBe(true);
    expect((await sessionEvents(db, 's-clamp')).map((e) => [e.sampleIndex, e.kind])).toEqual([
      [0, 'note'],
      [123, 'pain'],
      [200, 'note'],
    ]);
  });

  it('refuses a file with more annotations than any session makes, before writing anything', () => {
    const notes = (count: number) =>
      writeEdf({
        startedAt: '2026-02-01T10:00:00.000Z',
        simulated: false,
        channels: [{ label: 'force', unit: 'N', sampleRateHz: 100, samples: new Float32Array(200).fill(5) }],
        annotations: Array.from({ length: count }, (_, i) => ({ onsetS: (i % 200) / 100, text: `n${i}` })),
      });
    const atLimit = notes(MAX_IMPORTED_EVENTS);
    const overLimit = notes(MAX_IMPORTED_EVENTS + 1);
    if (!atLimit.ok || !overLimit.ok) throw new Error('the test files could not be written');
    const accepted = parseImport('notes.edf', atLimit.bytes);
    expect(accepted.ok && accepted.recording.events?.length).toBe(MAX_IMPORTED_EVENTS);
    const refused = parseImport('notes.edf', overLimit.bytes);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(!refused.ok && refused.error.detail).toContain(`${MAX_IMPORTED_EVENTS + 1} annotations`);
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
    // Annotations that break EDF+ 2.2.3: a control byte inside a text, a text that is not UTF-8 ("–" is E2 80 93).
    const controlByte = patched(edf.bytes, ascii('cue: push'), ascii('cue:\x07push'));
    const notUtf8 = patched(edf.bytes, [0xe2, 0x80, 0x93], [0xff, 0x80, 0x93]);
    const damaged: [string, Uint8Array][] = [
      ['control-byte-annotation.edf', controlByte],
      ['not-utf8-annotation.edf', notUtf8],
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
