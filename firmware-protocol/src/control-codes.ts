// Opcodes and status codes of the control point (PROTOCOL.md §6). Numbers are wire values.

export type ControlOp = 'start' | 'stop' | 'tare' | 'setRate' | 'identify' | 'readStatus';

export type ControlStatus =
  | 'ok'
  | 'unknownOpcode'
  | 'badArgument'
  | 'unsupportedRate'
  | 'busy'
  | 'notStreaming'
  | 'hardwareFault'
  | 'lowBattery'
  | 'notSupported';

/** Index + 1 = opcode byte: start 0x01 … readStatus 0x06. */
export const CONTROL_OPS: readonly ControlOp[] = ['start', 'stop', 'tare', 'setRate', 'identify', 'readStatus'];

/** Index = status byte: ok 0x00 … notSupported 0x08. */
export const CONTROL_STATUSES: readonly ControlStatus[] = [
  'ok',
  'unknownOpcode',
  'badArgument',
  'unsupportedRate',
  'busy',
  'notStreaming',
  'hardwareFault',
  'lowBattery',
  'notSupported',
];

export function opcodeOf(op: ControlOp): number {
  const index = CONTROL_OPS.indexOf(op);
  if (index < 0) throw new RangeError(`unknown control op ${String(op)}`);
  return index + 1;
}

export function opFromOpcode(opcode: number): ControlOp | undefined {
  return CONTROL_OPS[opcode - 1];
}

export function statusCodeOf(status: ControlStatus): number {
  const index = CONTROL_STATUSES.indexOf(status);
  if (index < 0) throw new RangeError(`unknown control status ${String(status)}`);
  return index;
}

export function statusFromCode(code: number): ControlStatus | undefined {
  return CONTROL_STATUSES[code];
}
