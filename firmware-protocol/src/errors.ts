// Typed decode errors (PROTOCOL.md §8). Decoders return these instead of throwing on hostile bytes.
// `message` is plain words for logs and support; what a patient sees is the app's business.

import { MAX_MESSAGE_BYTES, PROTOCOL_MAJOR } from './uuids';

export type ProtocolErrorCode =
  | 'tooShort'
  | 'tooLong'
  | 'unsupportedVersion'
  | 'lengthMismatch'
  | 'noChannels'
  | 'noSamples'
  | 'unknownFormat'
  | 'unknownOpcode'
  | 'unknownStatus'
  | 'badValue'
  /** App-side only: a well-formed frame that contradicts the device description (§5.5). */
  | 'descriptionMismatch';

export const PROTOCOL_ERROR_CODES: readonly ProtocolErrorCode[] = [
  'tooShort',
  'tooLong',
  'unsupportedVersion',
  'lengthMismatch',
  'noChannels',
  'noSamples',
  'unknownFormat',
  'unknownOpcode',
  'unknownStatus',
  'badValue',
  'descriptionMismatch',
];

export interface ProtocolError {
  code: ProtocolErrorCode;
  message: string;
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export function fail<T>(code: ProtocolErrorCode, message: string): DecodeResult<T> {
  return { ok: false, error: { code, message } };
}

/**
 * The first checks of every decoder, in the order PROTOCOL.md §8 fixes: too long, then (for
 * versioned messages) the major version in byte 0, then too short. Version comes before length so
 * that a frame from a future major with a different header still gets the clear version message.
 */
export function checkEnvelope(what: string, bytes: Uint8Array, minBytes: number, versioned: boolean): ProtocolError | null {
  if (bytes.length > MAX_MESSAGE_BYTES) {
    return { code: 'tooLong', message: `${what} is ${bytes.length} bytes; the limit is ${MAX_MESSAGE_BYTES}` };
  }
  const first = bytes[0];
  if (versioned && first !== undefined && first >> 4 !== PROTOCOL_MAJOR) {
    return {
      code: 'unsupportedVersion',
      message: `${what} uses protocol version ${first >> 4}.${first & 0x0f}; this app understands version ${PROTOCOL_MAJOR}.x only — update the app or the sensor firmware`,
    };
  }
  if (bytes.length < minBytes) {
    return { code: 'tooShort', message: `${what} is ${bytes.length} bytes; it needs at least ${minBytes}` };
  }
  return null;
}
