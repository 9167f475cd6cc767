// Records any transport's traffic to a capture file (src/store/capture/capture-format.ts) while
// passing everything through unchanged: a decorator, so the connection manager and the pipeline
// see the same transport whether or not a capture is being made.
import { formatCaptureEvent, formatCaptureHeader, type CaptureEvent } from '../store/capture/capture-format';
import type { Clock } from './clock';
import { deviceInformationCharacteristics } from './device-information';
import type { LinkInfo, SensorTransport } from './sensor-transport';

export interface RecordingTransport extends SensorTransport {
  /** The transport being recorded (for transport-specific controls, e.g. the demo's scenario). */
  readonly inner: SensorTransport;
  /** Start a new capture now (drops any earlier one). */
  startCapture(startedAtIso: string): void;
  /** The capture so far as JSON Lines text, or null when none was started. */
  captureText(): string | null;
  readonly capturing: boolean;
}

export function withCaptureRecorder(inner: SensorTransport, clock: Clock): RecordingTransport {
  let lines: string[] | null = null;
  let startMs = 0;
  let lastInfo: LinkInfo | null = null;
  let startedAt = '';
  // The last value read from each characteristic: a capture started mid-session begins with
  // them, so a replay can read the device description it was started with.
  const lastReads = new Map<string, Uint8Array>();

  let lastTMs = 0;

  /** Capture time must not go backwards (the format requires it), though stamps from different
   * sources — a write's clock time, a notification's arrival — can interleave slightly out of order. */
  function record(event: CaptureEvent): void {
    if (!lines) return;
    lastTMs = Math.max(lastTMs, event.tMs);
    lines.push(formatCaptureEvent({ ...event, tMs: lastTMs }));
  }

  function header(): string {
    const info: Record<string, string> = {};
    if (lastInfo) {
      for (const [field, uuid] of Object.entries(deviceInformationCharacteristics)) {
        const text = lastInfo.deviceInformation[field as keyof typeof deviceInformationCharacteristics];
        if (text !== null) info[uuid] = text;
      }
    }
    return formatCaptureHeader({
      device: { name: lastInfo?.deviceName ?? inner.name, services: [...(lastInfo?.serviceUuids ?? [])], info },
      startedAt,
    });
  }

  const since = (atMs: number) => Math.max(0, atMs - startMs);

  const outer: RecordingTransport = {
    inner,
    get kind() {
      return inner.kind;
    },
    get name() {
      return inner.name;
    },
    get capturing() {
      return lines !== null;
    },
    startCapture(startedAtIso) {
      lines = [];
      lastTMs = 0;
      startedAt = startedAtIso;
      startMs = clock.nowMs();
      if (lastInfo) record({ tMs: 0, op: 'connect' });
      for (const [characteristic, bytes] of lastReads) record({ tMs: 0, op: 'read', characteristic, bytes });
    },
    captureText() {
      return lines === null ? null : [header(), ...lines].join('\n') + '\n';
    },
    async open() {
      const info = await inner.open();
      lastInfo = info;
      record({ tMs: since(clock.nowMs()), op: 'connect' });
      return info;
    },
    async write(characteristic, bytes) {
      record({ tMs: since(clock.nowMs()), op: 'write', characteristic, bytes });
      return inner.write(characteristic, bytes);
    },
    async read(characteristic) {
      const bytes = await inner.read(characteristic);
      lastReads.set(characteristic, bytes);
      record({ tMs: since(clock.nowMs()), op: 'read', characteristic, bytes });
      return bytes;
    },
    close() {
      inner.close();
    },
    onNotify: null,
    onUnexpectedDisconnect: null,
    onOpenPhase: null,
  };
  inner.onNotify = (characteristic, bytes, arrivalMs) => {
    record({ tMs: since(arrivalMs), op: 'notify', characteristic, bytes });
    outer.onNotify?.(characteristic, bytes, arrivalMs);
  };
  inner.onUnexpectedDisconnect = (arrivalMs) => {
    record({ tMs: since(arrivalMs), op: 'disconnect' });
    outer.onUnexpectedDisconnect?.(arrivalMs);
  };
  inner.onOpenPhase = (phase) => outer.onOpenPhase?.(phase);
  return outer;
}
