// The shape check for every record a backup file may hold, one reader per store. A reader takes
// what JSON.parse gave and returns the record as the database stores it, or a reason it is not
// one — it never throws, whatever the file holds (a backup is hostile input like any import).
import { validateProgram } from '../../exercise/program';
import { NOTE_MAX_CHARS, noteText } from './note-text';
import type { ChannelSpec, ProfileId } from '../../profiles/types';
import type {
  CalibrationRecord,
  ChunkRecord,
  PatientRecord,
  ProgramRecord,
  SessionEvent,
  SessionRecord,
  SettingRecord,
  StreamRecord,
} from './schema';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Thrown inside a reader only, caught by `reader` below: keeps each reader a flat list of checks. */
class Bad extends Error {}

type Obj = Record<string, unknown>;

function obj(x: unknown, what: string): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Bad(`${what} is not an object`);
  return x as Obj;
}
function str(o: Obj, key: string, nonEmpty = false): string {
  const v = o[key];
  if (typeof v !== 'string' || (nonEmpty && v === '')) throw new Bad(`${key} is not ${nonEmpty ? 'a non-empty' : 'a'} string`);
  return v;
}
function strOrNull(o: Obj, key: string): string | null {
  return o[key] === null ? null : str(o, key);
}
function finite(o: Obj, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Bad(`${key} is not a finite number`);
  return v;
}
function whole(o: Obj, key: string, min: number): number {
  const v = finite(o, key);
  if (!Number.isInteger(v) || v < min) throw new Bad(`${key} is not a whole number ≥ ${min}`);
  return v;
}
function oneOf<T extends string>(o: Obj, key: string, options: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !options.includes(v as T)) throw new Bad(`${key} is not one of ${options.join(', ')}`);
  return v as T;
}
function oneOfOrNull<T extends string>(o: Obj, key: string, options: readonly T[]): T | null {
  return o[key] === null ? null : oneOf(o, key, options);
}
/** ISO-8601 date and time as the app writes them (Date#toISOString), or at least a parseable one. */
function isoTime(o: Obj, key: string): string {
  const v = str(o, key);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v))) throw new Bad(`${key} is not an ISO date and time`);
  return v;
}
function arr(o: Obj, key: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) throw new Bad(`${key} is not a list`);
  return v;
}

function reader<T>(read: (o: Obj) => T): (x: unknown) => Read<T> {
  return (x) => {
    try {
      return { ok: true, value: read(obj(x, 'the record')) };
    } catch (e) {
      if (e instanceof Bad) return { ok: false, reason: e.message };
      throw e;
    }
  };
}

const sides = ['left', 'right'] as const;

export const readPatient = reader<PatientRecord>((o) => {
  const bodyMassKg = o.bodyMassKg === null ? null : finite(o, 'bodyMassKg');
  if (bodyMassKg !== null && bodyMassKg <= 0) throw new Bad('bodyMassKg is not positive');
  return { id: str(o, 'id', true), displayName: str(o, 'displayName'), affectedSide: oneOfOrNull(o, 'affectedSide', sides), bodyMassKg, notes: str(o, 'notes') };
});

export const readCalibration = reader<CalibrationRecord>((o) => ({
  id: whole(o, 'id', 1),
  patientId: strOrNull(o, 'patientId'),
  muscle: str(o, 'muscle', true),
  side: oneOf(o, 'side', sides),
  mvc: finite(o, 'mvc'),
  unit: oneOf(o, 'unit', ['uV', 'N'] as const),
  madeAt: isoTime(o, 'madeAt'),
  trialMvcs: arr(o, 'trialMvcs').map((t) => {
    if (t !== null && (typeof t !== 'number' || !Number.isFinite(t))) throw new Bad('trialMvcs holds something other than numbers');
    return t;
  }),
}));

export const readProgram = reader<ProgramRecord>((o) => {
  const program = validateProgram(o.program);
  if (!program.ok) throw new Bad(`program is not valid (${program.errors[0]?.message ?? 'unknown'})`);
  return { id: str(o, 'id', true), patientId: strOrNull(o, 'patientId'), name: str(o, 'name'), program: program.value };
});

const profileIds: readonly ProfileId[] = ['quadcue', 'tindeq-progressor', 'openbci-ganglion'];

function readChannel(x: unknown): ChannelSpec {
  const o = obj(x, 'a channel');
  return { label: str(o, 'label'), kind: oneOf(o, 'kind', ['emg', 'force'] as const), unit: oneOf(o, 'unit', ['uV', 'N'] as const), nominalRateHz: finite(o, 'nominalRateHz') };
}

function readStream(x: unknown): StreamRecord {
  const o = obj(x, 'a stream');
  const rateHz = finite(o, 'rateHz');
  if (rateHz <= 0) throw new Bad('rateHz is not positive');
  return { sensorId: str(o, 'sensorId', true), profileId: oneOf(o, 'profileId', profileIds), channels: arr(o, 'channels').map(readChannel), rateHz, firstIndex: whole(o, 'firstIndex', 0) };
}

export const readSession = reader<SessionRecord>((o) => ({
  id: str(o, 'id', true),
  patientId: strOrNull(o, 'patientId'),
  side: oneOfOrNull(o, 'side', ['involved', 'uninvolved'] as const),
  simulated: (() => {
    if (typeof o.simulated !== 'boolean') throw new Bad('simulated is not true or false');
    return o.simulated;
  })(),
  exerciseId: strOrNull(o, 'exerciseId'),
  startedAt: isoTime(o, 'startedAt'),
  status: oneOf(o, 'status', ['recording', 'complete', 'interrupted'] as const),
  stoppedBy: oneOfOrNull(o, 'stoppedBy', ['user', 'storage-full', 'detached', 'recovered', 'write-error'] as const),
  streams: arr(o, 'streams').map(readStream),
}));

/** Float32 values, little-endian, as base64: the way a backup file carries chunk samples. */
export function float32ToBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  let binary = '';
  // fromCharCode takes its arguments on the stack: 32 K at a time stays far below engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The reverse; null unless the text is base64 of exactly `count` Float32 values. */
export function base64ToFloat32(text: string, count: number): Float32Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  if (binary.length !== count * 4) return null;
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = view.getFloat32(i * 4, true);
  return values;
}

/** A chunk in a backup file: as stored, with raw and level as base64 (float32ToBase64). */
export type ChunkInFile = Omit<ChunkRecord, 'raw' | 'level'> & { raw: string; level: string };

export function chunkToFile(chunk: ChunkRecord): ChunkInFile {
  return { ...chunk, raw: float32ToBase64(chunk.raw), level: float32ToBase64(chunk.level) };
}

export const readChunk = reader<ChunkRecord>((o) => {
  const sampleCount = whole(o, 'sampleCount', 0);
  const channels = whole(o, 'channels', 1);
  const raw = base64ToFloat32(str(o, 'raw'), sampleCount * channels);
  const level = base64ToFloat32(str(o, 'level'), sampleCount * channels);
  if (!raw || !level) throw new Bad('raw or level does not hold sampleCount × channels values');
  return { sessionId: str(o, 'sessionId', true), sensorId: str(o, 'sensorId', true), seq: whole(o, 'seq', 0), startIndex: whole(o, 'startIndex', 0), sampleCount, gapBefore: whole(o, 'gapBefore', 0), channels, raw, level };
});

function score(o: Obj): number {
  const v = finite(o, 'score');
  if (v < 0 || v > 10) throw new Bad('score is not on the 0–10 scale');
  return v;
}

export const readEvent = reader<SessionEvent>((o) => {
  const base = { id: whole(o, 'id', 1), sessionId: str(o, 'sessionId', true), sensorId: str(o, 'sensorId'), sampleIndex: whole(o, 'sampleIndex', 0) };
  switch (o.kind) {
    case 'gap':
      return { ...base, kind: 'gap', lengthSamples: whole(o, 'lengthSamples', 0), reason: oneOf(o, 'reason', ['loss', 'outage'] as const) };
    case 'rep': {
      const detail: Record<string, number> = {};
      // JSON has no NaN: a metric that was NaN when saved comes back as null, and NaN again here.
      for (const [key, value] of Object.entries(obj(o.detail, 'detail'))) {
        if (value !== null && typeof value !== 'number') throw new Bad('detail holds something other than numbers');
        detail[key] = value ?? Number.NaN;
      }
      return { ...base, kind: 'rep', set: whole(o, 'set', 0), rep: whole(o, 'rep', 0), detail };
    }
    case 'cue':
      return { ...base, kind: 'cue', cue: str(o, 'cue') };
    case 'pain':
    case 'effort':
      return { ...base, kind: o.kind, score: score(o) };
    case 'note': {
      const text = str(o, 'text', true);
      if (noteText(text) !== text) throw new Bad(`text is not one line of at most ${NOTE_MAX_CHARS} characters without control characters`);
      return { ...base, kind: 'note', text };
    }
    default:
      throw new Bad('kind is not a known event kind');
  }
});

export const readSetting = reader<SettingRecord>((o) => {
  if (!('value' in o)) throw new Bad('value is missing');
  return { key: str(o, 'key', true), value: o.value };
});
