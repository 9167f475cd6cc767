// Public API of the reference peripheral (simulated Quadcue sensor and wearer). See README.md.

export { ReferencePeripheral, type PeripheralConfig } from './peripheral';
export type { PeripheralEvent, NotifyEvent, DisconnectEvent, FaultPlan, FaultRecord, FaultKind } from './faults';
export {
  devicePreset,
  vmoChannel,
  vlChannel,
  forceChannel,
  EMG_SCALE_UV,
  FORCE_INT16_SCALE_N,
  FORCE_INT24_SCALE_N,
  type DevicePreset,
  type DeviceSpec,
  type ChannelSpec,
  type EmgChannelSpec,
  type ForceChannelSpec,
  type EmgRole,
} from './device';
export { buildScenario, SCENARIO_NAMES, type Scenario, type ScenarioName, type ScenarioOptions, type Effort } from './scenarios';
export { SensorModel, TARE_WINDOW_S, type SensorDetail } from './sensor-model';
export type { GroundTruth, EmgChannelTruth, EmgEffortTruth, ForceChannelTruth, ForceEffortTruth } from './ground-truth';
export { DEFAULT_EMG_PARAMS, type EmgChannelParams, type ArtefactRecord } from './emg-model';
export { DEFAULT_FORCE_PARAMS, type ForceParams } from './force-model';
export { DEFAULT_PAYLOAD_BYTES, DEFAULT_MAX_FRAME_AGE_US } from './frame-packer';
