// Program sharing without accounts: a therapist's program travels in a link's fragment (the part
// after '#', which browsers never send to a server), as
//   version byte (1) | CRC-32 of the JSON, uint32 LE | deflate-raw of the program's JSON
// in base64url. The checksum detects damage in copying, not forgery: anyone can make a valid
// link, which is why every imported program is validated and shown before it is saved.
import { validateProgram, type Program, type ProgramError } from '../../exercise/program';
import { crc32 } from './crc32';

export const PROGRAM_LINK_VERSION = 1;
/** The app route that carries a program: `#/program/<data>`. */
export const PROGRAM_LINK_PREFIX = '#/program/';
/** A program is a few hundred bytes; anything far beyond that is not one of ours. */
const MAX_LINK_DATA_CHARS = 8000;
const MAX_INFLATED_BYTES = 64 * 1024;

export type ProgramLinkError =
  | { code: 'not-a-program-link' }
  | { code: 'unknown-version'; version: number }
  | { code: 'damaged'; detail: string }
  | { code: 'invalid-program'; errors: ProgramError[] };

export type ProgramLinkResult = { ok: true; program: Program } | { ok: false; error: ProgramLinkError };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError('inflated program too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The fragment (`#/program/…`) that carries `program`. */
export async function encodeProgramLink(program: Program): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(program));
  const compressed = await transform(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  const payload = new Uint8Array(5 + compressed.length);
  payload[0] = PROGRAM_LINK_VERSION;
  new DataView(payload.buffer).setUint32(1, crc32(json), true);
  payload.set(compressed, 5);
  return PROGRAM_LINK_PREFIX + toBase64Url(payload);
}

/** Reads a link's fragment back into a validated program, or says in a typed error why not. Never throws. */
export async function decodeProgramLink(fragment: string): Promise<ProgramLinkResult> {
  const fail = (error: ProgramLinkError): ProgramLinkResult => ({ ok: false, error });
  if (!fragment.startsWith(PROGRAM_LINK_PREFIX)) return fail({ code: 'not-a-program-link' });
  const data = fragment.slice(PROGRAM_LINK_PREFIX.length);
  if (data.length === 0 || data.length > MAX_LINK_DATA_CHARS) return fail({ code: 'damaged', detail: `link data is ${data.length} characters` });
  const payload = fromBase64Url(data);
  if (!payload || payload.length < 6) return fail({ code: 'damaged', detail: 'link data is not base64url or too short' });
  if (payload[0] !== PROGRAM_LINK_VERSION) return fail({ code: 'unknown-version', version: payload[0]! });
  const expectedCrc = new DataView(payload.buffer, payload.byteOffset).getUint32(1, true);
  let json: Uint8Array;
  try {
    json = await transform(payload.subarray(5), new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES);
  } catch {
    return fail({ code: 'damaged', detail: 'the compressed program does not inflate' });
  }
  if (crc32(json) !== expectedCrc) return fail({ code: 'damaged', detail: 'checksum mismatch' });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return fail({ code: 'damaged', detail: 'the program is not valid JSON' });
  }
  const validated = validateProgram(value);
  return validated.ok ? { ok: true, program: validated.value } : fail({ code: 'invalid-program', errors: validated.errors });
}
