// Importing a recording file into history (issue 7): EDF/EDF+, CSV or a capture file becomes one
// session with its streams, ~1 s chunks, gap events and its EDF+ annotations as events — written
// in ONE IndexedDB transaction, so a file that cannot be read, or a write that fails, leaves the
// database exactly as it was.
// Parsing happens wholly before the transaction opens: a damaged file never opens one.
import type { QuadcueDatabase } from '../store/db/open-db';
import type { ChunkRecord, SessionEvent, SessionRecord, StreamRecord } from '../store/db/schema';
import { parseCsvRecording } from '../store/csv/csv-format';
import { readEdf } from '../store/formats/edf-reader';
import { isReservedText } from '../store/formats/edf-gaps';
import { eventOfAnnotation, type AnnotatedEventBody } from '../store/formats/event-annotations';
import type { ChannelSpec, ProfileId } from '../profiles/types';
import { EmgChain } from '../signal/emg-chain';
import { streamsFromCapture } from './history-capture';

export type ImportKind = 'edf' | 'csv' | 'capture';

/** One stream to store: channels at one rate, NaN where samples were lost. */
export interface ImportedStream {
  readonly sensorId: string;
  readonly profileId: ProfileId;
  readonly rateHz: number;
  readonly channels: readonly ChannelSpec[];
  /** samples[c][i]: channel c at stream index i, physical units (uV or N); NaN in gaps. */
  readonly samples: readonly Float32Array[];
}

/** An EDF+ annotation as an event: reps, cues and ratings Quadcue wrote, or another program's note. */
export interface ImportedEvent {
  /** Seconds from the recording's start. */
  readonly onsetS: number;
  readonly body: AnnotatedEventBody;
}

export interface ImportedRecording {
  readonly kind: ImportKind;
  /** ISO-8601 start from the file, or null when the file has none (CSV). */
  readonly startedAt: string | null;
  readonly simulated: boolean;
  readonly streams: readonly ImportedStream[];
  /** EDF+ annotations; CSV and capture files carry none. */
  readonly events?: readonly ImportedEvent[];
}

export type ImportErrorCode = 'unreadable' | 'unknown-unit' | 'empty' | 'rate-too-low' | 'write-failed';
export interface ImportError {
  readonly code: ImportErrorCode;
  /** The parser's sentence (technical detail the UI shows under its own words). */
  readonly detail: string;
}
export type ParseImportResult = { ok: true; recording: ImportedRecording } | { ok: false; error: ImportError };

/**
 * StreamRecord needs a ProfileId and the schema has none for files; imported EMG and force are
 * stored as the Quadcue profile's kinds (uV EMG, N force) and the sensorId names the source.
 */
const FILE_PROFILE: ProfileId = 'quadcue';
/** EDF and EDF+ open with the version field "0" padded to 8 bytes (Kemp et al. 1992). */
const EDF_VERSION_FIELD = '0       ';
/**
 * At most this many annotations become events. An hour of guided exercise marks about 2,000 (a rep
 * every few seconds, with cues and ratings); a hostile file could carry millions, each a record in
 * the import's one transaction, enough to exhaust a phone's memory. Such a file is refused whole.
 */
export const MAX_IMPORTED_EVENTS = 10_000;
/** Mains for the imported EMG envelope: 50 Hz, as the brief for issue 7 asks (Europe's mains). */
const IMPORT_MAINS_HZ = 50;

function fail(code: ImportErrorCode, detail: string): ParseImportResult {
  return { ok: false, error: { code, detail } };
}

export function importKindOf(fileName: string, bytes: Uint8Array): ImportKind {
  const lower = fileName.toLowerCase();
  const head = String.fromCharCode(...bytes.subarray(0, EDF_VERSION_FIELD.length));
  if (lower.endsWith('.edf') || head === EDF_VERSION_FIELD) return 'edf';
  if (lower.endsWith('.jsonl')) return 'capture';
  if (lower.endsWith('.csv')) return 'csv';
  return new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().startsWith('{') ? 'capture' : 'csv';
}

function fromCsv(text: string): ParseImportResult {
  const parsed = parseCsvRecording(text);
  if (!parsed.ok) return fail('unreadable', `line ${parsed.error.line}: ${parsed.error.detail}`);
  const { channels, gaps, sampleRateHz } = parsed.recording;
  const counts = channels.find((c) => c.unit === 'counts');
  // Raw ADC counts have no physical unit, and the database keeps uV or N; storing them as uV
  // would put wrong numbers into every export and trend.
  if (counts) return fail('unknown-unit', `column "${counts.label}" has no unit: write it in the header, e.g. ${counts.label}[uV].`);
  const rows = channels[0]?.values.length ?? 0;
  const lost = gaps.reduce((n, g) => n + g.lengthSamples, 0);
  const samples = channels.map((channel) => {
    const out = new Float32Array(rows + lost).fill(NaN);
    let at = 0;
    let gap = 0;
    for (let row = 0; row < rows; row++) {
      while (gaps[gap] && gaps[gap]!.atIndex === row) at += gaps[gap++]!.lengthSamples;
      out[at++] = channel.values[row]!;
    }
    return out;
  });
  const specs: ChannelSpec[] = channels.map((c) => ({ label: c.label, kind: c.kind, unit: c.unit === 'N' ? 'N' : 'uV', nominalRateHz: sampleRateHz }));
  return {
    ok: true,
    recording: { kind: 'csv', startedAt: null, simulated: false, streams: [{ sensorId: 'import:csv', profileId: FILE_PROFILE, rateHz: sampleRateHz, channels: specs, samples }] },
  };
}

function fromEdf(bytes: Uint8Array): ParseImportResult {
  const read = readEdf(bytes);
  if (!read.ok) return fail('unreadable', read.error.detail);
  const { recording } = read;
  // A stream has one rate: EDF channels are grouped by theirs, one stream per rate.
  const byRate = new Map<number, (typeof recording.channels)[number][]>();
  for (const channel of recording.channels) byRate.set(channel.sampleRateHz, [...(byRate.get(channel.sampleRateHz) ?? []), channel]);
  const streams: ImportedStream[] = [...byRate].map(([rateHz, group], index) => {
    const length = Math.max(...group.map((c) => c.samples.length));
    return {
      sensorId: `import:edf:${index + 1}`,
      profileId: FILE_PROFILE,
      rateHz,
      channels: group.map((c) => ({ label: c.label, kind: c.unit === 'N' ? 'force' : 'emg', unit: c.unit, nominalRateHz: rateHz })),
      samples: group.map((c) => {
        const out = new Float32Array(length).fill(NaN);
        out.set(c.samples);
        return out;
      }),
    };
  });
  if (recording.annotations.length > MAX_IMPORTED_EVENTS) {
    return fail('unreadable', `the file holds ${recording.annotations.length} annotations; Quadcue takes at most ${MAX_IMPORTED_EVENTS}.`);
  }
  const labels = recording.channels.map((c) => c.label);
  const events: ImportedEvent[] = [];
  for (const { onsetS, text } of recording.annotations) {
    // A gap mark the reader could not apply (one without a duration) is broken fill information,
    // not a note — and the export would refuse its text as reserved (edf-gaps.ts).
    const body = isReservedText(text, labels) ? null : eventOfAnnotation(text);
    if (body) events.push({ onsetS, body });
  }
  return { ok: true, recording: { kind: 'edf', startedAt: recording.startedAt, simulated: recording.simulated, streams, events } };
}

/** The file as streams to store, or why it cannot be imported. Never throws on hostile bytes. */
export function parseImport(fileName: string, bytes: Uint8Array): ParseImportResult {
  const kind = importKindOf(fileName, bytes);
  let result: ParseImportResult;
  if (kind === 'edf') {
    result = fromEdf(bytes);
  } else {
    const text = new TextDecoder().decode(bytes);
    result = kind === 'csv' ? fromCsv(text) : streamsFromCapture(text);
  }
  if (!result.ok) return result;
  if (result.recording.streams.every((s) => s.samples.every((c) => c.length === 0))) return fail('empty', 'the file holds no samples.');
  return result;
}

/** The stream's level arrays: the EMG chain's envelope (uV) for EMG, the force itself for force. */
export function levelsOf(stream: ImportedStream): Float32Array[] {
  return stream.channels.map((spec, c) => {
    const raw = stream.samples[c]!;
    if (spec.kind === 'force') return raw.slice();
    // The chain's filters carry state from sample to sample: a NaN would poison it for good, so
    // gaps feed the last value received (a flat line, which the band-pass settles on) and the
    // level is NaN there again afterwards.
    const input = new Float32Array(raw.length);
    let last = 0;
    for (let i = 0; i < raw.length; i++) input[i] = Number.isNaN(raw[i]!) ? last : (last = raw[i]!);
    const level = new Float32Array(raw.length);
    new EmgChain({ sampleRateHz: stream.rateHz, mainsHz: IMPORT_MAINS_HZ }).process(input, new Float32Array(raw.length), level);
    for (let i = 0; i < raw.length; i++) if (Number.isNaN(raw[i]!)) level[i] = NaN;
    return level;
  });
}

/** EMG below this rate cannot hold the 20 Hz band corner under 0.45·fs (emg-chain.ts): 20 / 0.45. */
const MIN_EMG_RATE_HZ = 20 / 0.45;

/** A set is lost when every channel is NaN there; chunks never straddle a lost stretch. */
function setLost(samples: readonly Float32Array[], i: number): boolean {
  return samples.every((c) => Number.isNaN(c[i]!));
}

/** The stream's chunks (about one second each) and a gap event before each chunk that follows a hole. */
export function chunksOf(sessionId: string, stream: ImportedStream, level: readonly Float32Array[]): { chunks: ChunkRecord[]; gaps: SessionEvent[] } {
  const perChunk = Math.max(1, Math.round(stream.rateHz));
  const channels = stream.channels.length;
  const length = stream.samples[0]?.length ?? 0;
  const chunks: ChunkRecord[] = [];
  const gaps: SessionEvent[] = [];
  let i = 0;
  while (i < length) {
    let gapBefore = 0;
    while (i < length && setLost(stream.samples, i)) {
      gapBefore++;
      i++;
    }
    if (i >= length) break;
    const start = i;
    while (i < length && i - start < perChunk && !setLost(stream.samples, i)) i++;
    const count = i - start;
    const raw = new Float32Array(count * channels);
    const lvl = new Float32Array(count * channels);
    for (let s = 0; s < count; s++) {
      for (let c = 0; c < channels; c++) {
        raw[s * channels + c] = stream.samples[c]![start + s]!;
        lvl[s * channels + c] = level[c]![start + s]!;
      }
    }
    chunks.push({ sessionId, sensorId: stream.sensorId, seq: chunks.length, startIndex: start, sampleCount: count, gapBefore, channels, raw, level: lvl });
    if (gapBefore > 0) gaps.push({ sessionId, sensorId: stream.sensorId, sampleIndex: start - gapBefore, kind: 'gap', lengthSamples: gapBefore, reason: 'loss' });
  }
  return { chunks, gaps };
}

export interface ImportTarget {
  readonly sessionId: string;
  /** Used when the file carries no start of its own (CSV): the import's wall-clock time. */
  readonly fallbackStartedAt: string;
  readonly patientId: string | null;
}

/**
 * Writes the recording as one complete session in one transaction; on any failure the transaction
 * aborts and nothing of it stays. Returns the session written, or why not.
 */
export async function writeImportedSession(db: QuadcueDatabase, recording: ImportedRecording, target: ImportTarget): Promise<{ ok: true; session: SessionRecord } | { ok: false; error: ImportError }> {
  const { sessionId } = target;
  const prepared: { stream: StreamRecord; chunks: ChunkRecord[]; gaps: SessionEvent[] }[] = [];
  for (const stream of recording.streams) {
    const tooSlow = stream.channels.some((c) => c.kind === 'emg') && !(stream.rateHz >= MIN_EMG_RATE_HZ);
    if (tooSlow || !Number.isFinite(stream.rateHz) || !(stream.rateHz > 0)) {
      return { ok: false, error: { code: 'rate-too-low', detail: `${stream.rateHz} Hz is too slow for muscle signals (at least ${Math.ceil(MIN_EMG_RATE_HZ)} Hz).` } };
    }
    const level = levelsOf(stream);
    const record: StreamRecord = { sensorId: stream.sensorId, profileId: stream.profileId, channels: [...stream.channels], rateHz: stream.rateHz, firstIndex: 0 };
    prepared.push({ stream: record, ...chunksOf(sessionId, stream, level) });
  }
  // The file's annotations belong to the recording, not to one signal: they go on the first stream,
  // at the nearest sample, clamped into it (EDF+ allows onsets before the first record and after the last).
  const annotated: SessionEvent[] = [];
  const first = recording.streams[0];
  if (first) {
    const length = first.samples[0]?.length ?? 0;
    for (const { onsetS, body } of recording.events ?? []) {
      const sampleIndex = Math.min(length, Math.max(0, Math.round(onsetS * first.rateHz)));
      annotated.push({ ...body, sessionId, sensorId: first.sensorId, sampleIndex });
    }
  }
  const session: SessionRecord = {
    id: sessionId,
    patientId: target.patientId,
    side: null,
    simulated: recording.simulated,
    exerciseId: null,
    startedAt: recording.startedAt ?? target.fallbackStartedAt,
    status: 'complete',
    stoppedBy: 'user',
    streams: prepared.map((p) => p.stream),
  };
  let tx;
  try {
    tx = db.transaction(['sessions', 'chunks', 'events'], 'readwrite');
  } catch (error) {
    return { ok: false, error: { code: 'write-failed', detail: String(error) } };
  }
  // add, not put: an existing id fails the request and aborts the whole transaction.
  const writes: Promise<unknown>[] = [tx.objectStore('sessions').add(session)];
  for (const p of prepared) {
    for (const chunk of p.chunks) writes.push(tx.objectStore('chunks').add(chunk));
    for (const gap of p.gaps) writes.push(tx.objectStore('events').add(gap));
  }
  for (const event of annotated) writes.push(tx.objectStore('events').add(event));
  writes.push(tx.done);
  try {
    await Promise.all(writes);
    return { ok: true, session };
  } catch (error) {
    // Let every request settle so none rejects unobserved.
    await Promise.allSettled(writes);
    const cause = tx.error ?? error;
    return { ok: false, error: { code: 'write-failed', detail: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) } };
  }
}
