// The shape check for every record a backup file may hold, one reader per store. A reader takes
// what JSON.parse gave and returns the record as the database stores it, or a reason it is not
// one — it never throws, whatever the file holds (a backup is hostile input like any import).
import { EXERCISE_IDS } from '../../exercise/exercise-ids';
import { TARGET_UNITS, validateProgram } from '../../exercise/program';
import { validateRating, type ExerciseSummary, type RepSummary, type SessionSummary, type SetSummary, type WentWell } from '../../exercise/summary';
import { NOTE_MAX_CHARS, noteText } from './note-text';
import type { ChannelSpec, ProfileId } from '../../profiles/types';
import type {
  CalibrationRecord,
  ChannelLeg,
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

function bool(o: Obj, key: string): boolean {
  if (typeof o[key] !== 'boolean') throw new Bad(`${key} is not true or false`);
  return o[key];
}
/** A measured figure: JSON has no NaN, so one saved as NaN comes back as null, and NaN again here. */
function measured(o: Obj, key: string): number {
  return o[key] === null ? Number.NaN : finite(o, key);
}
function finiteOrNull(o: Obj, key: string): number | null {
  return o[key] === null ? null : finite(o, key);
}

function readLeg(x: unknown): ChannelLeg {
  const o = obj(x, 'a leg');
  return { sensorId: str(o, 'sensorId', true), channel: whole(o, 'channel', 0), muscle: str(o, 'muscle', true), side: oneOf(o, 'side', sides) };
}

function readRep(x: unknown): RepSummary {
  const o = obj(x, 'a rep');
  return {
    set: whole(o, 'set', 0),
    rep: whole(o, 'rep', 0),
    unit: oneOf(o, 'unit', TARGET_UNITS),
    holdAchieved: bool(o, 'holdAchieved'),
    heldS: measured(o, 'heldS'),
    timeInBandPct: measured(o, 'timeInBandPct'),
    peak: measured(o, 'peak'),
    mean: measured(o, 'mean'),
    contractionStartIndex: whole(o, 'contractionStartIndex', 0),
    holdStartIndex: whole(o, 'holdStartIndex', 0),
    holdEndIndex: whole(o, 'holdEndIndex', 0),
    vmoToVl: finiteOrNull(o, 'vmoToVl'),
    vmoMinusVlOnsetMs: finiteOrNull(o, 'vmoMinusVlOnsetMs'),
  };
}

function readSet(x: unknown): SetSummary {
  const o = obj(x, 'a set');
  return {
    set: whole(o, 'set', 0),
    reps: arr(o, 'reps').map(readRep),
    repsAchieved: whole(o, 'repsAchieved', 0),
    timeInBandPct: measured(o, 'timeInBandPct'),
    peak: measured(o, 'peak'),
    mean: measured(o, 'mean'),
    meanTrendPerRep: finiteOrNull(o, 'meanTrendPerRep'),
    peakTrendPerRep: finiteOrNull(o, 'peakTrendPerRep'),
  };
}

function readExerciseSummary(x: unknown): ExerciseSummary {
  const o = obj(x, 'an exercise summary');
  const target = obj(o.target, 'target');
  return {
    libraryId: oneOf(o, 'libraryId', EXERCISE_IDS),
    target: { unit: oneOf(target, 'unit', TARGET_UNITS), low: finite(target, 'low'), high: finite(target, 'high') },
    sets: arr(o, 'sets').map(readSet),
    repsAchieved: whole(o, 'repsAchieved', 0),
    repsTotal: whole(o, 'repsTotal', 0),
    meanTrendPerRep: finiteOrNull(o, 'meanTrendPerRep'),
    peakTrendPerRep: finiteOrNull(o, 'peakTrendPerRep'),
    vmoToVlMean: finiteOrNull(o, 'vmoToVlMean'),
    vmoMinusVlOnsetMeanMs: finiteOrNull(o, 'vmoMinusVlOnsetMeanMs'),
  };
}

/** Each "went well" statement with the whole numbers it carries (summary.ts WentWell). */
const wentWellCounts: Record<WentWell['id'], readonly string[]> = {
  'all-holds': ['reps'],
  'in-band': ['percent'],
  steady: ['reps'],
  improved: ['firstSetAchieved', 'lastSetAchieved'],
  'some-holds': ['achieved', 'total'],
  'reps-done': ['reps'],
  started: [],
};

function readWentWell(x: unknown): WentWell {
  const o = obj(x, 'wentWell');
  const id = oneOf(o, 'id', Object.keys(wentWellCounts) as WentWell['id'][]);
  return Object.fromEntries([['id', id], ...wentWellCounts[id].map((key) => [key, whole(o, key, 0)])]) as WentWell;
}

function rating(o: Obj, key: 'pain' | 'effort'): number {
  const checked = validateRating(o[key], key);
  if (!checked.ok) throw new Bad(checked.errors[0]!.message);
  return checked.value;
}

function readSummary(x: unknown): SessionSummary {
  const o = obj(x, 'summary');
  return { exercises: arr(o, 'exercises').map(readExerciseSummary), pain: rating(o, 'pain'), effort: rating(o, 'effort'), wentWell: readWentWell(o.wentWell) };
}

export const readSession = reader<SessionRecord>((o) => ({
  id: str(o, 'id', true),
  patientId: strOrNull(o, 'patientId'),
  side: oneOfOrNull(o, 'side', ['involved', 'uninvolved'] as const),
  simulated: bool(o, 'simulated'),
  exerciseId: strOrNull(o, 'exerciseId'),
  startedAt: isoTime(o, 'startedAt'),
  status: oneOf(o, 'status', ['recording', 'complete', 'interrupted'] as const),
  stoppedBy: oneOfOrNull(o, 'stoppedBy', ['user', 'storage-full', 'detached', 'recovered', 'write-error'] as const),
  streams: arr(o, 'streams').map(readStream),
  // Optional: added when a guided session ends and when a recording's channel legs are saved.
  ...(o.summary === undefined ? {} : { summary: readSummary(o.summary) }),
  ...(o.legs === undefined ? {} : { legs: arr(o, 'legs').map(readLeg) }),
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
