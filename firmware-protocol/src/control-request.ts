// Control requests, written by the app to the control characteristic with response (PROTOCOL.md §6.1):
// opcode, request id, then arguments. Bytes after the arguments are ignored (room for later minors).

import { requireInt } from './require-int';
import { checkEnvelope, fail, type DecodeResult, type ProtocolErrorCode } from './errors';
import { opFromOpcode, opcodeOf, statusCodeOf, type ControlStatus } from './control-codes';

export type ControlRequest =
  | { op: 'start'; requestId: number; rateHz: number }
  | { op: 'stop'; requestId: number }
  | { op: 'tare'; requestId: number }
  | { op: 'setRate'; requestId: number; rateHz: number }
  | { op: 'identify'; requestId: number }
  | { op: 'readStatus'; requestId: number };

const REQUEST_HEADER_BYTES = 2;
const RATE_ARGUMENT_BYTES = 2;

/** Encodes a request. Throws RangeError on an id outside uint8 or a rate outside 1…65535. */
export function encodeControlRequest(r: ControlRequest): Uint8Array {
  requireInt('requestId', r.requestId, 0, 0xff);
  const opcode = opcodeOf(r.op);
  if (r.op === 'start' || r.op === 'setRate') {
    requireInt('rateHz', r.rateHz, 1, 0xffff);
    return Uint8Array.of(opcode, r.requestId, r.rateHz & 0xff, r.rateHz >> 8);
  }
  return Uint8Array.of(opcode, r.requestId);
}

/** Decodes a request (the peripheral's side); never throws. */
export function decodeControlRequest(bytes: Uint8Array): DecodeResult<ControlRequest> {
  const envelope = checkEnvelope('Control request', bytes, REQUEST_HEADER_BYTES, false);
  if (envelope) return { ok: false, error: envelope };
  const opcode = bytes[0] as number;
  const requestId = bytes[1] as number;
  const op = opFromOpcode(opcode);
  if (op === undefined) return fail('unknownOpcode', `Control request has unknown opcode 0x${opcode.toString(16).padStart(2, '0')}`);
  if (op !== 'start' && op !== 'setRate') return { ok: true, value: { op, requestId } };
  if (bytes.length < REQUEST_HEADER_BYTES + RATE_ARGUMENT_BYTES) return fail('tooShort', `Control request ${op} needs a 2-byte rate`);
  const rateHz = (bytes[2] as number) | ((bytes[3] as number) << 8);
  if (rateHz === 0) return fail('badValue', `Control request ${op} asks for 0 Hz`);
  return { ok: true, value: { op, requestId, rateHz } };
}

/** The status a peripheral replies with when decodeControlRequest rejects a request (§6.3). */
export function statusForRequestError(code: ProtocolErrorCode): ControlStatus {
  return code === 'unknownOpcode' ? 'unknownOpcode' : 'badArgument';
}

/**
 * The 3-byte reply to a request that could not be decoded: it echoes whatever opcode and request id
 * bytes arrived (0 where missing) so the app can still match it to what it sent (§6.3).
 */
export function encodeRejectionReply(request: Uint8Array, status: ControlStatus): Uint8Array {
  return Uint8Array.of(request[0] ?? 0, request[1] ?? 0, statusCodeOf(status));
}
