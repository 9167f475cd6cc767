// Capture replay: a recorded Bluetooth session played back as if it were a sensor, through the
// identical decode path. At real speed it keeps the recorded timing; "fast" plays as fast as the
// pipeline takes it, in slices so the page stays responsive. A recorded disconnect pauses the
// replay and reports an unexpected disconnect; the connection manager's reconnect resumes it.
import type { Capture } from '../store/capture/capture-format';
import type { Clock, TimerHandle } from './clock';
import { deviceInformationCharacteristics } from './device-information';
import { TransportError, type DeviceInformation, type LinkInfo, type SensorTransport } from './sensor-transport';

export type ReplaySpeed = 'real-time' | 'fast';

/** Events handed over per slice in fast mode: ~1 s of a 1 kHz sensor's frames per turn of the event loop. */
const FAST_SLICE_EVENTS = 500;
/** Real-time replay wakes at a BLE-like cadence (see DEMO_TICK_MS). */
const REAL_TIME_TICK_MS = 20;

export interface ReplayTransport extends SensorTransport {
  /** True once every event has been played. */
  readonly finished: boolean;
}

function informationFrom(info: Record<string, string>): DeviceInformation {
  const out: Record<string, string | null> = {};
  for (const [field, uuid] of Object.entries(deviceInformationCharacteristics)) out[field] = info[uuid] ?? null;
  return out as unknown as DeviceInformation;
}

export function createReplayTransport(options: { clock: Clock; capture: Capture; fileName: string; speed: ReplaySpeed }): ReplayTransport {
  const { clock, capture, speed } = options;
  const events = capture.events;
  let next = 0;
  let timer: TimerHandle | null = null;
  // Clock time at which capture time `events[next].tMs` is due (real-time mode).
  let offsetMs = 0;

  function firstRead(characteristic: string): Uint8Array | undefined {
    for (const event of events) {
      if (event.op === 'read' && event.characteristic === characteristic) return event.bytes;
    }
    return undefined;
  }

  function play(): void {
    timer = null;
    const nowMs = clock.nowMs();
    let played = 0;
    while (next < events.length) {
      const event = events[next]!;
      if (speed === 'real-time' && event.tMs + offsetMs > nowMs) break;
      if (speed === 'fast' && played >= FAST_SLICE_EVENTS) break;
      next++;
      played++;
      const atMs = speed === 'real-time' ? event.tMs + offsetMs : nowMs;
      if (event.op === 'notify') transport.onNotify?.(event.characteristic, event.bytes.slice(), atMs);
      else if (event.op === 'disconnect') {
        transport.onUnexpectedDisconnect?.(atMs);
        return;
      }
    }
    if (next < events.length) timer = clock.setTimer(play, speed === 'fast' ? 0 : REAL_TIME_TICK_MS);
  }

  const transport: ReplayTransport = {
    kind: 'replay',
    name: options.fileName,
    get finished() {
      return next >= events.length;
    },
    async open(): Promise<LinkInfo> {
      if (timer !== null) clock.clearTimer(timer);
      const resumeAt = events[next]?.tMs ?? 0;
      offsetMs = clock.nowMs() - resumeAt;
      timer = clock.setTimer(play, 0);
      const { device } = capture.header;
      return {
        deviceName: device.name,
        deviceId: null,
        serviceUuids: device.services,
        subscribedCharacteristicUuids: [...new Set(events.flatMap((e) => (e.op === 'notify' ? [e.characteristic] : [])))],
        deviceInformation: informationFrom(device.info),
        batteryPercent: null,
      };
    },
    async write() {
      // Commands have no listener in a recording: the recorded stream already holds their effect.
    },
    async read(characteristic) {
      const bytes = firstRead(characteristic);
      if (!bytes) throw new TransportError('gatt-failed');
      return bytes.slice();
    },
    close() {
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
    },
    onNotify: null,
    onUnexpectedDisconnect: null,
    onOpenPhase: null,
  };
  return transport;
}
