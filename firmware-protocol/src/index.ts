// Public API of the Quadcue sensor protocol codec (PROTOCOL.md). Pure functions over bytes: no DOM,
// no timers, no I/O, so the app, its worker, the simulator and Node tools share one ground truth.

export {
  QUADCUE_SERVICE_UUID,
  DATA_CHAR_UUID,
  CONTROL_CHAR_UUID,
  RESPONSE_CHAR_UUID,
  DESCRIPTION_CHAR_UUID,
  BATTERY_SERVICE_UUID,
  BATTERY_LEVEL_CHAR_UUID,
  DEVICE_INFORMATION_SERVICE_UUID,
  PROTOCOL_MAJOR,
  PROTOCOL_MINOR,
  MAX_MESSAGE_BYTES,
} from './uuids';
export { PROTOCOL_ERROR_CODES, type ProtocolErrorCode, type ProtocolError, type DecodeResult } from './errors';
export {
  FRAME_HEADER_BYTES,
  FRAME_FLAG_CLIPPED,
  FRAME_FLAG_STREAM_START,
  FRAME_FLAG_SAMPLES_DROPPED,
  bytesPerSample,
  channelCount,
  dataFrameBytes,
  encodeDataFrame,
  decodeDataFrame,
  type SampleFormat,
  type DataFrame,
} from './data-frame';
export {
  MAX_CHANNELS,
  MAX_SUPPORTED_RATES,
  MAX_LABEL_BYTES,
  encodeDeviceDescription,
  decodeDeviceDescription,
  type ChannelDescription,
  type DeviceDescription,
} from './device-description';
export { frameFitsDescription } from './frame-fit';
export { CONTROL_OPS, CONTROL_STATUSES, type ControlOp, type ControlStatus } from './control-codes';
export {
  encodeControlRequest,
  decodeControlRequest,
  statusForRequestError,
  encodeRejectionReply,
  type ControlRequest,
} from './control-request';
export { encodeControlResponse, decodeControlResponse, type ControlResponse, type DeviceStatus } from './control-response';
