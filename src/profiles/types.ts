// The contract every device profile implements (Quadcue, Tindeq Progressor, OpenBCI Ganglion, …).
//
// A profile is pure: GATT facts as data, command encoders that return fresh bytes, and a stateful
// decoder that turns one BLE notification into one typed result. Nothing here touches Web
// Bluetooth, timers or the clock; the transport (src/devices/) does the I/O and the pipeline
// worker runs the decoder. Decoders never throw: hostile bytes become a `rejected` result.

export type ProfileId = 'quadcue' | 'tindeq-progressor' | 'openbci-ganglion';

export type ChannelKind = 'emg' | 'force';
/** ASCII unit spellings, as used in machine formats (architecture.md, Habits). */
export type ChannelUnit = 'uV' | 'N';

export interface ChannelSpec {
  readonly label: string;
  readonly kind: ChannelKind;
  readonly unit: ChannelUnit;
  /** Rate the device is specified to run at; the measured rate may differ (see samplePeriodUs). */
  readonly nominalRateHz: number;
}

/**
 * One notification's worth of samples, all channels sharing one clock.
 *
 * Why a *sample* counter rather than the frame/packet counter the brief sketched: frames of one
 * device can carry different numbers of samples (Ganglion firmware 2 sends a 1-sample raw packet
 * between 2-sample delta packets), so "frames missing × samples per frame" would be wrong by one
 * whenever a raw packet is lost. Counting samples is exact for every device we know, and a plain
 * frame counter maps onto it as `frameSeq × samplesPerFrame` with modulo `seqModulo × samplesPerFrame`.
 */
export interface SampleBlock {
  readonly channels: number;
  readonly samplesPerChannel: number;
  /** Interleaved sample sets: values[s * channels + c], in each channel's physical unit. */
  readonly values: Float64Array;
  /** Device's cyclic index of the first sample set in this block, or null if it has none. */
  readonly sampleCounter: number | null;
  /** The counter wraps to 0 at this value (null when there is no counter). */
  readonly sampleCounterModulo: number | null;
  /** Device clock at the first sample set, in µs, or null if the device sends no time. */
  readonly deviceTimeUs: number | null;
  /** The device clock wraps to 0 at this value (null when there is no device time). */
  readonly deviceTimeModuloUs: number | null;
  /** Best current estimate of the sample period, µs (nominal, or measured from device time). */
  readonly samplePeriodUs: number | null;
  /** The device says its stream (re)starts here: counters restart, and no gap is bridged. */
  readonly streamStart?: boolean;
}

/** Commands a profile may support; a profile lists only those it can encode. */
export type CommandName =
  | 'start'
  | 'stop'
  | 'tare'
  | 'read-battery'
  | 'read-firmware'
  | 'impedance-start'
  | 'impedance-stop'
  | 'set-rate'
  | 'identify';

/** A command reply routed to the command that caused it (Tindeq replies carry no opcode echo). */
export type CommandReply =
  | { readonly kind: 'battery-voltage'; readonly batteryMv: number }
  | { readonly kind: 'firmware-version'; readonly text: string }
  /** A Quadcue control reply: the status the sensor gave (PROTOCOL.md §6.3), with its status record when asked. */
  | {
      readonly kind: 'control-status';
      readonly status: string;
      readonly batteryPercent?: number;
      readonly droppedSamples?: number;
    };

export type ImpedanceElectrode = 1 | 2 | 3 | 4 | 'ref';

export type DeviceStatus =
  /** The device itself reports that its battery is low (Tindeq response tag 4). */
  | { readonly kind: 'low-power' }
  /** Battery Service level; `low` is true at or below LOW_BATTERY_PERCENT. */
  | { readonly kind: 'battery-level'; readonly percent: number; readonly low: boolean }
  | { readonly kind: 'impedance'; readonly electrode: ImpedanceElectrode; readonly ohms: number }
  /** Free text from the device; `complete` is false while more parts are expected. */
  | { readonly kind: 'message'; readonly text: string; readonly complete: boolean };

/** Why bytes were refused. One code per distinct, actionable cause. */
export type RejectReason =
  | 'empty'
  | 'too-short'
  | 'too-long'
  | 'length-mismatch'
  | 'unknown-tag'
  | 'impossible-id'
  | 'non-finite-value'
  | 'out-of-range'
  | 'time-not-increasing'
  | 'unseeded-delta'
  | 'unexpected-reply'
  | 'bad-ascii'
  | 'unsupported';

export interface Rejection {
  readonly kind: 'rejected';
  readonly reason: RejectReason;
  /** A sentence a person can act on, naming the offending byte(s). */
  readonly detail: string;
}

export type DecodeResult =
  | { readonly kind: 'samples'; readonly block: SampleBlock }
  | { readonly kind: 'reply'; readonly command: CommandName; readonly reply: CommandReply }
  | { readonly kind: 'status'; readonly status: DeviceStatus }
  | Rejection;

export interface Decoder {
  readonly channels: readonly ChannelSpec[];
  /**
   * Decode one notification from `characteristic` (lower-case UUID; omitted means the profile's
   * first notify characteristic, and a device with only one may ignore it). Never throws; the
   * bytes are not retained.
   */
  decode(bytes: Uint8Array, characteristic?: string): DecodeResult;
  /** Tell the decoder a command was written, so a reply without an opcode can be routed. */
  commandSent(command: CommandName): void;
}

/** A GATT characteristic addressed by its service, both as lower-case UUID strings. */
export interface GattCharacteristicRef {
  readonly service: string;
  readonly characteristic: string;
}

export interface GattFacts {
  /** Service UUIDs for `requestDevice` filters (one filter per entry). */
  readonly filterServices: readonly string[];
  /** Advertised-name prefixes for `requestDevice` filters. */
  readonly namePrefixes: readonly string[];
  /** Every other service the app touches: Web Bluetooth refuses unlisted services. */
  readonly optionalServices: readonly string[];
  /** Characteristics to subscribe to; a Quadcue sensor notifies data and control replies separately. */
  readonly notify: readonly GattCharacteristicRef[];
  readonly write: GattCharacteristicRef & { readonly withResponse: boolean };
  /** Characteristics to read once at connect time; their bytes go into ConnectInfo.reads. */
  readonly connectReads: readonly GattCharacteristicRef[];
}

/**
 * What the transport learnt at connect time. `reads` maps a characteristic UUID from
 * `GattFacts.connectReads` to the bytes read (absent if the read failed or the service is missing).
 * This is how a Ganglion learns its firmware generation and how a Quadcue sensor hands over the
 * device-description characteristic its channel list comes from.
 */
export interface ConnectInfo {
  readonly reads: ReadonlyMap<string, Uint8Array>;
}

export interface DeviceProfile {
  readonly id: ProfileId;
  readonly displayName: string;
  readonly gatt: GattFacts;
  /** Channels known before connecting, or null when they come from a connect-time read. */
  readonly staticChannels: readonly ChannelSpec[] | null;
  /**
   * Encoders for the commands this device supports; each call returns fresh bytes to write.
   * `info` is what was read at connect time (a Quadcue `start` picks its rate from the description).
   */
  readonly commands: Readonly<Partial<Record<CommandName, (info?: ConnectInfo) => Uint8Array>>>;
  /** A fresh decoder for one connection; rejected when connect-time facts are unusable. */
  createDecoder(info: ConnectInfo): Decoder | Rejection;
}

/** Build a rejection (one shape everywhere, so counting and logging stay uniform). */
export function reject(reason: RejectReason, detail: string): Rejection {
  return { kind: 'rejected', reason, detail };
}
