// Capture files: a Bluetooth session recorded byte for byte, as JSON Lines (UTF-8). They are
// how users send a problem to support and how tests and benchmarks replay real streams.
// The format is published as capture-line.schema.json; this module is the one place where a
// capture is written and where a bad one is rejected.
import { bytesToHex, hexToBytes } from './hex';

export const captureMagic = 'quadcue-ble';
export const captureVersion = 1;

/** Full 128-bit lower-case UUID, the only spelling captures use. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A notification or write is at most 512 bytes (ATT maximum attribute length, Core spec Vol 3 Part F 3.2.9). */
export const maxCaptureValueBytes = 512;

export interface CaptureDevice {
  name: string;
  /** Service UUIDs the device offered, full 128-bit lower-case. */
  services: string[];
  /** Device Information strings keyed by characteristic UUID (e.g. Software Revision 2a28). */
  info: Record<string, string>;
}

export interface CaptureHeader {
  device: CaptureDevice;
  /** ISO-8601 wall-clock start, for the person reading the file; replay uses only `t`. */
  startedAt: string;
}

export type CaptureOp = 'notify' | 'read' | 'write' | 'connect' | 'disconnect';
const valueOps: ReadonlySet<string> = new Set(['notify', 'read', 'write']);
const linkOps: ReadonlySet<string> = new Set(['connect', 'disconnect']);

export type CaptureEvent =
  | { tMs: number; op: 'notify' | 'read' | 'write'; characteristic: string; bytes: Uint8Array }
  | { tMs: number; op: 'connect' | 'disconnect' };

export interface Capture {
  header: CaptureHeader;
  events: CaptureEvent[];
}

export type CaptureErrorCode =
  | 'empty'
  | 'not-a-capture'
  | 'unsupported-version'
  | 'bad-header'
  | 'bad-json'
  | 'bad-event'
  | 'time-goes-backwards';

export interface CaptureError {
  code: CaptureErrorCode;
  /** 1-based line number where the problem is (0 for the file as a whole). */
  line: number;
  /** Technical detail for support; the UI shows its own words per code. */
  detail: string;
}

export type CaptureParseResult = { ok: true; capture: Capture } | { ok: false; error: CaptureError };

export function formatCaptureHeader(header: CaptureHeader): string {
  return JSON.stringify({
    capture: captureMagic,
    version: captureVersion,
    device: header.device,
    startedAt: header.startedAt,
  });
}

export function formatCaptureEvent(event: CaptureEvent): string {
  // Round to 1 µs: arrival stamps are fractional ms, and more digits only bloat the file.
  const t = Math.round(event.tMs * 1000) / 1000;
  if (!('bytes' in event)) return JSON.stringify({ t, op: event.op });
  return JSON.stringify({ t, op: event.op, char: event.characteristic, hex: bytesToHex(event.bytes) });
}

function fail(code: CaptureErrorCode, line: number, detail: string): CaptureParseResult {
  return { ok: false, error: { code, line, detail } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseHeader(value: unknown): CaptureHeader | CaptureError {
  const bad = (detail: string): CaptureError => ({ code: 'bad-header', line: 1, detail });
  if (!isRecord(value) || value.capture !== captureMagic) {
    return { code: 'not-a-capture', line: 1, detail: `first line is not a "${captureMagic}" header` };
  }
  if (value.version !== captureVersion) {
    return { code: 'unsupported-version', line: 1, detail: `version ${JSON.stringify(value.version)}; this app reads ${captureVersion}` };
  }
  const device = value.device;
  if (!isRecord(device)) return bad('"device" must be an object');
  if (typeof device.name !== 'string') return bad('"device.name" must be a string');
  const services = device.services;
  if (!Array.isArray(services) || !services.every((s) => typeof s === 'string' && uuidPattern.test(s))) {
    return bad('"device.services" must list full lower-case UUIDs');
  }
  const info = device.info;
  if (!isRecord(info)) return bad('"device.info" must be an object');
  for (const [key, text] of Object.entries(info)) {
    if (!uuidPattern.test(key) || typeof text !== 'string') return bad(`"device.info" entry ${JSON.stringify(key)} is not UUID → string`);
  }
  if (typeof value.startedAt !== 'string' || Number.isNaN(Date.parse(value.startedAt))) {
    return bad('"startedAt" must be an ISO-8601 date');
  }
  return {
    device: { name: device.name, services: services as string[], info: info as Record<string, string> },
    startedAt: value.startedAt,
  };
}

function parseEvent(value: unknown, line: number): CaptureEvent | CaptureError {
  const bad = (detail: string): CaptureError => ({ code: 'bad-event', line, detail });
  if (!isRecord(value)) return bad('an event must be a JSON object');
  const { t, op } = value;
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) return bad('"t" must be a number of ms ≥ 0');
  if (typeof op !== 'string') return bad('"op" is missing');
  const { char, hex } = value;
  if (linkOps.has(op)) {
    if (char !== undefined || hex !== undefined) return bad(`"${op}" carries no "char" or "hex"`);
    return { tMs: t, op: op as 'connect' | 'disconnect' };
  }
  if (!valueOps.has(op)) return bad(`unknown op ${JSON.stringify(op)}`);
  if (typeof char !== 'string' || !uuidPattern.test(char)) return bad('"char" must be a full lower-case UUID');
  if (typeof hex !== 'string' || hex.length > 2 * maxCaptureValueBytes) return bad(`"hex" must be at most ${maxCaptureValueBytes} bytes`);
  const bytes = hexToBytes(hex);
  if (!bytes) return bad('"hex" must be lower-case hex digits, two per byte');
  return { tMs: t, op: op as 'notify' | 'read' | 'write', characteristic: char, bytes };
}

/**
 * Fast path for the common line `{"t":…,"op":"notify","char":"…","hex":"…"}` exactly as this
 * module writes it (a one-hour capture has millions): fields are sliced out instead of going
 * through JSON.parse. Anything else — other ops, other key order, escapes — returns undefined
 * and takes the general path, so both paths accept and reject the same lines.
 */
const fastPrefix = '{"t":';
const fastOp = ',"op":"notify","char":"';
const fastHex = '","hex":"';

function fastNotify(raw: string, line: number): CaptureEvent | CaptureError | undefined {
  if (!raw.startsWith(fastPrefix) || !raw.endsWith('"}')) return undefined;
  const opAt = raw.indexOf(fastOp, fastPrefix.length);
  if (opAt < 0) return undefined;
  const charStart = opAt + fastOp.length;
  const hexAt = charStart + 36;
  if (!raw.startsWith(fastHex, hexAt)) return undefined;
  const tText = raw.slice(fastPrefix.length, opAt);
  if (!/^\d+(\.\d+)?(e[+-]?\d+)?$/.test(tText)) return undefined;
  const char = raw.slice(charStart, hexAt);
  const hex = raw.slice(hexAt + fastHex.length, raw.length - 2);
  if (hex.includes('"') || hex.includes('\\')) return undefined;
  return parseEvent({ t: Number(tText), op: 'notify', char, hex }, line);
}

/** Parses a whole capture file. Never throws; the first problem found is reported with its line. */
export function parseCapture(text: string): CaptureParseResult {
  const lines = text.split('\n');
  if (lines.every((line) => line.trim() === '')) return fail('empty', 0, 'the file is empty');
  let header: CaptureHeader | undefined;
  const events: CaptureEvent[] = [];
  let lastTMs = 0;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.trim();
    if (raw === '') continue;
    const lineNumber = index + 1;
    if (header) {
      const fast = fastNotify(raw, lineNumber);
      if (fast !== undefined) {
        if ('code' in fast) return { ok: false, error: fast };
        if (fast.tMs < lastTMs) return fail('time-goes-backwards', lineNumber, `t ${fast.tMs} comes after t ${lastTMs}`);
        lastTMs = fast.tMs;
        events.push(fast);
        continue;
      }
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      if (!header) return fail('not-a-capture', lineNumber, 'the first line is not JSON');
      return fail('bad-json', lineNumber, 'this line is not valid JSON');
    }
    if (!header) {
      const parsed = parseHeader(value);
      if ('code' in parsed) return { ok: false, error: { ...parsed, line: lineNumber } };
      header = parsed;
      continue;
    }
    const event = parseEvent(value, lineNumber);
    if ('code' in event) return { ok: false, error: event };
    if (event.tMs < lastTMs) return fail('time-goes-backwards', lineNumber, `t ${event.tMs} comes after t ${lastTMs}`);
    lastTMs = event.tMs;
    events.push(event);
  }
  if (!header) return fail('empty', 0, 'the file has no header line');
  return { ok: true, capture: { header, events } };
}
