// Golden control requests and replies (PROTOCOL.md §6). Expected values are literals.

import { bytes, invalid, u16, u32, valid, type Vector } from './bytes';

export interface RequestExpect {
  op: string;
  requestId: number;
  rateHz?: number;
}

export interface ResponseExpect {
  requestId: number;
  op: string;
  status: string;
  deviceStatus?: { batteryPercent: number; droppedSamples: number; errorCounters: { adcFaults: number; notifyFailures: number } };
}

// Wire numbers, from PROTOCOL.md §6 tables.
const OP = { start: 1, stop: 2, tare: 3, setRate: 4, identify: 5, readStatus: 6 } as const;
const STATUS = {
  ok: 0, unknownOpcode: 1, badArgument: 2, unsupportedRate: 3, busy: 4, notStreaming: 5, hardwareFault: 6, lowBattery: 7, notSupported: 8,
} as const;

export const controlRequestVectors: Vector<RequestExpect>[] = [
  valid('start-1000', 'start streaming at 1000 Hz, request id 1', bytes(OP.start, 1, u16(1000)), { op: 'start', requestId: 1, rateHz: 1000 }),
  valid('stop', 'stop, request id 2', bytes(OP.stop, 2), { op: 'stop', requestId: 2 }),
  valid('tare', 'tare, request id 3', bytes(OP.tare, 3), { op: 'tare', requestId: 3 }),
  valid('set-rate-80-id-255', 'set rate 80 Hz; request id 255 is the last before the wrap', bytes(OP.setRate, 255, u16(80)), { op: 'setRate', requestId: 255, rateHz: 80 }),
  valid('identify-id-0', 'identify; request id wrapped to 0', bytes(OP.identify, 0), { op: 'identify', requestId: 0 }),
  valid('read-status', 'read status, request id 7', bytes(OP.readStatus, 7), { op: 'readStatus', requestId: 7 }),
  valid('start-65535', 'largest rate', bytes(OP.start, 9, u16(65535)), { op: 'start', requestId: 9, rateHz: 65535 }),
  valid('stop-trailing', 'bytes after the arguments are ignored', bytes(OP.stop, 4, 0xaa, 0xbb), { op: 'stop', requestId: 4 }, false),

  invalid('empty', 'no bytes', bytes(), 'tooShort'),
  invalid('opcode-only', 'opcode without request id', bytes(OP.stop), 'tooShort'),
  invalid('opcode-0', 'opcode 0 is not assigned', bytes(0, 1), 'unknownOpcode'),
  invalid('opcode-7', 'opcode 7 is not assigned', bytes(7, 1), 'unknownOpcode'),
  invalid('opcode-ff', 'opcode 0xFF is not assigned', bytes(0xff, 1, 0, 0), 'unknownOpcode'),
  invalid('start-no-rate', 'start without its rate', bytes(OP.start, 1), 'tooShort'),
  invalid('start-half-rate', 'start with one rate byte', bytes(OP.start, 1, 0xe8), 'tooShort'),
  invalid('set-rate-0', 'set rate 0 Hz', bytes(OP.setRate, 1, u16(0)), 'badValue'),
  invalid('513-bytes', 'over the 512-byte attribute limit', bytes(OP.stop, 1, new Array<number>(511).fill(0)), 'tooLong'),
];

const statusPayload = (battery: number, dropped: number, adc: number, notify: number): number[] => [battery, ...u32(dropped), ...u16(adc), ...u16(notify)];

export const controlResponseVectors: Vector<ResponseExpect>[] = [
  valid('start-ok', 'start accepted', bytes(OP.start, 1, STATUS.ok), { requestId: 1, op: 'start', status: 'ok' }),
  valid('start-bad-argument', 'reply to a start whose rate was cut short', bytes(OP.start, 4, STATUS.badArgument), { requestId: 4, op: 'start', status: 'badArgument' }),
  valid('stop-not-streaming', 'stop while idle', bytes(OP.stop, 2, STATUS.notStreaming), { requestId: 2, op: 'stop', status: 'notStreaming' }),
  valid('tare-busy', 'tare while a tare runs', bytes(OP.tare, 3, STATUS.busy), { requestId: 3, op: 'tare', status: 'busy' }),
  valid('set-rate-unsupported', 'rate not in the supported list', bytes(OP.setRate, 255, STATUS.unsupportedRate), { requestId: 255, op: 'setRate', status: 'unsupportedRate' }),
  valid('identify-not-supported', 'no LED or buzzer', bytes(OP.identify, 0, STATUS.notSupported), { requestId: 0, op: 'identify', status: 'notSupported' }),
  valid('start-low-battery', 'refused: battery too low', bytes(OP.start, 5, STATUS.lowBattery), { requestId: 5, op: 'start', status: 'lowBattery' }),
  valid('start-hardware-fault', 'ADC does not answer', bytes(OP.start, 6, STATUS.hardwareFault), { requestId: 6, op: 'start', status: 'hardwareFault' }),
  valid('read-status-ok', 'battery 87 %, 12 sets dropped, 3 ADC faults, 65535 refused notifications',
    bytes(OP.readStatus, 7, STATUS.ok, statusPayload(87, 12, 3, 65535)),
    { requestId: 7, op: 'readStatus', status: 'ok', deviceStatus: { batteryPercent: 87, droppedSamples: 12, errorCounters: { adcFaults: 3, notifyFailures: 65535 } } }),
  valid('read-status-max', 'saturated counters, empty battery',
    bytes(OP.readStatus, 8, STATUS.ok, statusPayload(0, 4294967295, 65535, 0)),
    { requestId: 8, op: 'readStatus', status: 'ok', deviceStatus: { batteryPercent: 0, droppedSamples: 4294967295, errorCounters: { adcFaults: 65535, notifyFailures: 0 } } }),
  valid('read-status-fault', 'a failed readStatus carries no payload', bytes(OP.readStatus, 9, STATUS.hardwareFault), { requestId: 9, op: 'readStatus', status: 'hardwareFault' }),
  valid('read-status-trailing', 'bytes after the status fields are ignored',
    bytes(OP.readStatus, 10, STATUS.ok, statusPayload(100, 0, 0, 0), 0x01),
    { requestId: 10, op: 'readStatus', status: 'ok', deviceStatus: { batteryPercent: 100, droppedSamples: 0, errorCounters: { adcFaults: 0, notifyFailures: 0 } } }, false),

  invalid('empty', 'no bytes', bytes(), 'tooShort'),
  invalid('two-bytes', 'status missing', bytes(OP.start, 1), 'tooShort'),
  invalid('echo-opcode-0', 'a reply echoing an unassigned opcode', bytes(0, 1, STATUS.unknownOpcode), 'unknownOpcode'),
  invalid('status-9', 'status 9 is not assigned', bytes(OP.start, 1, 9), 'unknownStatus'),
  invalid('status-ff', 'status 0xFF is not assigned', bytes(OP.tare, 1, 0xff), 'unknownStatus'),
  invalid('read-status-cut', 'ok readStatus with 11 of 12 bytes', bytes(OP.readStatus, 7, STATUS.ok, statusPayload(87, 12, 3, 65535).slice(0, 8)), 'tooShort'),
  invalid('battery-101', 'battery over 100 %', bytes(OP.readStatus, 7, STATUS.ok, statusPayload(101, 0, 0, 0)), 'badValue'),
  invalid('513-bytes', 'over the 512-byte attribute limit', bytes(OP.start, 1, STATUS.ok, new Array<number>(510).fill(0)), 'tooLong'),
];
