// Control replies, notified by the peripheral on the control characteristic (PROTOCOL.md §6.2):
// echoed opcode, echoed request id, status, and for a successful readStatus the device status.

import { requireInt } from './require-int';
import { checkEnvelope, fail, type DecodeResult } from './errors';
import { opFromOpcode, opcodeOf, statusCodeOf, statusFromCode, type ControlOp, type ControlStatus } from './control-codes';

export interface DeviceStatus {
  /** 0–100 %; a device without a battery gauge reports 100 (§6.2). */
  batteryPercent: number;
  /** Sample sets discarded since the last start (uint32, saturates at 2^32 − 1). */
  droppedSamples: number;
  errorCounters: {
    /** ADC reads that failed or timed out since power-on (uint16, saturating). */
    adcFaults: number;
    /** Notifications the BLE stack refused (queue full) since power-on (uint16, saturating). */
    notifyFailures: number;
  };
}

export interface ControlResponse {
  requestId: number;
  op: ControlOp;
  status: ControlStatus;
  /** Present exactly when op is readStatus and status is ok. */
  deviceStatus?: DeviceStatus;
}

const RESPONSE_HEADER_BYTES = 3;
const STATUS_PAYLOAD_BYTES = 9;

function carriesStatus(op: ControlOp, status: ControlStatus): boolean {
  return op === 'readStatus' && status === 'ok';
}

/** Encodes a reply. Throws RangeError on out-of-range fields or a deviceStatus where §6.2 forbids or needs one. */
export function encodeControlResponse(r: ControlResponse): Uint8Array {
  requireInt('requestId', r.requestId, 0, 0xff);
  const header = [opcodeOf(r.op), r.requestId, statusCodeOf(r.status)];
  if (!carriesStatus(r.op, r.status)) {
    if (r.deviceStatus !== undefined) throw new RangeError('only an ok readStatus reply carries deviceStatus');
    return Uint8Array.from(header);
  }
  const s = r.deviceStatus;
  if (s === undefined) throw new RangeError('an ok readStatus reply needs deviceStatus');
  requireInt('batteryPercent', s.batteryPercent, 0, 100);
  requireInt('droppedSamples', s.droppedSamples, 0, 0xffffffff);
  requireInt('adcFaults', s.errorCounters.adcFaults, 0, 0xffff);
  requireInt('notifyFailures', s.errorCounters.notifyFailures, 0, 0xffff);
  const out = new Uint8Array(RESPONSE_HEADER_BYTES + STATUS_PAYLOAD_BYTES);
  out.set(header);
  const view = new DataView(out.buffer);
  view.setUint8(3, s.batteryPercent);
  view.setUint32(4, s.droppedSamples, true);
  view.setUint16(8, s.errorCounters.adcFaults, true);
  view.setUint16(10, s.errorCounters.notifyFailures, true);
  return out;
}

/** Decodes a reply (the app's side); never throws. Bytes after the defined fields are ignored. */
export function decodeControlResponse(bytes: Uint8Array): DecodeResult<ControlResponse> {
  const envelope = checkEnvelope('Control reply', bytes, RESPONSE_HEADER_BYTES, false);
  if (envelope) return { ok: false, error: envelope };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const op = opFromOpcode(view.getUint8(0));
  if (op === undefined) return fail('unknownOpcode', `Control reply echoes unknown opcode ${view.getUint8(0)}`);
  const requestId = view.getUint8(1);
  const status = statusFromCode(view.getUint8(2));
  if (status === undefined) return fail('unknownStatus', `Control reply to ${op} has unknown status code ${view.getUint8(2)}`);
  if (!carriesStatus(op, status)) return { ok: true, value: { requestId, op, status } };
  if (bytes.length < RESPONSE_HEADER_BYTES + STATUS_PAYLOAD_BYTES) return fail('tooShort', 'Control reply to readStatus is missing its status fields');
  const batteryPercent = view.getUint8(3);
  if (batteryPercent > 100) return fail('badValue', `Control reply reports battery at ${batteryPercent} %`);
  const deviceStatus: DeviceStatus = {
    batteryPercent,
    droppedSamples: view.getUint32(4, true),
    errorCounters: { adcFaults: view.getUint16(8, true), notifyFailures: view.getUint16(10, true) },
  };
  return { ok: true, value: { requestId, op, status, deviceStatus } };
}
