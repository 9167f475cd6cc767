// The contract every transport implements: Web Bluetooth, the demo sensor, capture replay.
// The connection manager (sensor-link.ts) drives it; the pipeline bridge consumes `onNotify`.
//
// Why the transport copies and stamps: a Web Bluetooth characteristic's `value` is only stable
// until the event handler returns (web-bluetooth.md, spec issue #551), and the arrival stamp is
// the one place wall-clock time enters the app (architecture.md). The bytes handed to `onNotify`
// are therefore the transport's own copy, owned by the receiver, which may transfer their buffer
// to the worker; no DOM work happens per notification (web-bluetooth.md, spec #569).

export type TransportKind = 'bluetooth' | 'demo' | 'replay';

/**
 * Why opening or using the link failed. Kinds only, no user-facing sentences: the UI maps kinds to
 * words (one place for wording and translation).
 * - `cancelled`: the user closed the browser's device chooser without picking a sensor.
 * - `not-found`: no matching device, or the remembered device is no longer available.
 * - `unsupported`: no Web Bluetooth in this browser, or the device lacks a required service.
 * - `gatt-failed`: connect, discovery, subscribe, read or write failed at the GATT layer.
 * - `timeout`: an operation did not finish in time (the transport's own, or the link's attempt timeout).
 * - `permission`: the browser or the user denied Bluetooth access (policy, insecure context).
 */
export type TransportErrorKind = 'cancelled' | 'not-found' | 'unsupported' | 'gatt-failed' | 'timeout' | 'permission';

export class TransportError extends Error {
  readonly kind: TransportErrorKind;

  /** `cause` keeps the platform's error for developer logs; it is never shown to the user. */
  constructor(kind: TransportErrorKind, options?: { cause?: unknown }) {
    super(kind, options);
    this.name = 'TransportError';
    this.kind = kind;
  }
}

/**
 * The one place a foreign rejection becomes a TransportError: anything a transport or a start
 * command throws that is not already typed counts as a GATT failure.
 */
export function toTransportError(error: unknown): TransportError {
  return error instanceof TransportError ? error : new TransportError('gatt-failed', { cause: error });
}

/**
 * Device Information Service strings (Bluetooth SIG, DIS 1.1), each null when absent or unreadable.
 * Serial Number (0x2A25) is deliberately missing: it is on the Web Bluetooth blocklist
 * (web-bluetooth.md, "Blocklisted").
 */
export interface DeviceInformation {
  readonly manufacturerName: string | null;
  readonly modelNumber: string | null;
  readonly hardwareRevision: string | null;
  readonly firmwareRevision: string | null;
  readonly softwareRevision: string | null;
}

/** What one successful `open()` found. Re-read on every (re)connect: the device may have changed. */
export interface LinkInfo {
  /** Advertised name, or null when the device has none. */
  readonly deviceName: string | null;
  /** Stable per-origin id (BluetoothDevice.id), for "reconnect to last sensor"; null for demo/replay. */
  readonly deviceId: string | null;
  /** Primary services discovered, lower-case 128-bit UUID strings. */
  readonly serviceUuids: readonly string[];
  /** Characteristics whose notifications are now subscribed (each will feed `onNotify`). */
  readonly subscribedCharacteristicUuids: readonly string[];
  readonly deviceInformation: DeviceInformation;
  /** Battery Service level 0–100 %, or null when the device has no Battery Service. */
  readonly batteryPercent: number | null;
}

/** Progress inside `open()` the connection manager shows as state (see sensor-link.ts). */
export type OpenPhase = 'choosing' | 'connecting';

export interface SensorTransport {
  readonly kind: TransportKind;
  /** Short label for the UI and logs (e.g. the advertised name, "Demo EMG", a capture's file name). */
  readonly name: string;
  /**
   * Open the link: on the first call choose the device (Web Bluetooth shows the chooser), then
   * connect, discover services and characteristics, subscribe. Later calls reconnect the same
   * device without a chooser, fetching services and characteristics afresh (the old objects are
   * stale after a disconnect) and re-subscribing. Rejects with a TransportError.
   */
  open(): Promise<LinkInfo>;
  write(characteristicUuid: string, bytes: Uint8Array): Promise<void>;
  read(characteristicUuid: string): Promise<Uint8Array>;
  /**
   * Close on purpose (the user's Disconnect, or the link abandoning an attempt): disconnects and
   * aborts a pending open(). No `onUnexpectedDisconnect` follows. `open()` may be called again.
   */
  close(): void;
  /** Bytes are the transport's own copy (see above); `arrivalMs` is the Clock's nowMs() at arrival. */
  onNotify: ((characteristicUuid: string, bytes: Uint8Array, arrivalMs: number) => void) | null;
  /** The link dropped without `close()` (out of range, switched off); `arrivalMs` as above. */
  onUnexpectedDisconnect: ((arrivalMs: number) => void) | null;
  /**
   * Optional progress report from inside `open()`: 'choosing' just before the browser's chooser
   * opens, 'connecting' once a device was picked. Transports without a chooser never call it.
   */
  onOpenPhase: ((phase: OpenPhase) => void) | null;
}
