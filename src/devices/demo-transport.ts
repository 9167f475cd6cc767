// The demo sensor: the reference peripheral from firmware-protocol/ behind the same transport
// contract as a real Bluetooth sensor. It speaks the same bytes through the same decode path;
// only the radio is missing. Everything it produces is labelled as simulated by the caller.
import {
  BATTERY_SERVICE_UUID,
  CONTROL_CHAR_UUID,
  DATA_CHAR_UUID,
  DESCRIPTION_CHAR_UUID,
  DEVICE_INFORMATION_SERVICE_UUID,
  QUADCUE_SERVICE_UUID,
} from '../../firmware-protocol/src/index';
import { ReferencePeripheral, buildScenario, type DevicePreset, type ScenarioName } from '../../firmware-protocol/sim/index';
import type { Clock, TimerHandle } from './clock';
import { TransportError, type LinkInfo, type SensorTransport } from './sensor-transport';

/**
 * The demo advances the simulated sensor every 20 ms of real time: one BLE connection interval
 * in the middle of what phones use (15–45 ms, clinical.md "Latency"), so it feels like hardware.
 */
export const DEMO_TICK_MS = 20;

export interface DemoTransportOptions {
  readonly clock: Clock;
  readonly scenario: ScenarioName;
  readonly device?: DevicePreset;
  readonly seed?: number;
}

/** The fixed seed of the demo: everyone who tries it sees the same session. */
export const DEMO_SEED = 20261127;

export interface DemoTransport extends SensorTransport {
  /**
   * The simulated person starts doing `scenario` (e.g. the MVC efforts of a calibration, timed
   * like the app's protocol); takes effect at the next start command, like a real person who
   * begins when told to.
   */
  perform(scenario: ScenarioName, options?: { restS?: number }): void;
}

export function createDemoTransport(options: DemoTransportOptions): DemoTransport {
  const { clock } = options;
  const makePeripheral = (scenario: ScenarioName, restS?: number) =>
    new ReferencePeripheral({
      seed: options.seed ?? DEMO_SEED,
      device: options.device ?? 'emg',
      scenario: restS === undefined ? scenario : buildScenario(scenario, { restS }),
      loop: true,
    });
  let peripheral = makePeripheral(options.scenario);
  // Peripheral time 0 sits at this clock time (the sensor is "switched on" when the transport is
  // made); the simulation runs on the same time base as the arrival stamps.
  const originMs = clock.nowMs();
  let timer: TimerHandle | null = null;

  function deliver(characteristic: string, bytes: Uint8Array, atMs: number): void {
    transport.onNotify?.(characteristic, bytes, atMs);
  }

  function tick(): void {
    timer = null;
    const nowMs = clock.nowMs();
    for (const event of peripheral.advanceTo((nowMs - originMs) * 1000)) {
      const atMs = originMs + event.atUs / 1000;
      if (event.kind === 'notify') deliver(DATA_CHAR_UUID, event.bytes, atMs);
      else {
        transport.onUnexpectedDisconnect?.(atMs);
        return; // the link is down: no more ticks until the next open()
      }
    }
    timer = clock.setTimer(tick, DEMO_TICK_MS);
  }

  function stopTicking(): void {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
  }

  const transport: DemoTransport = {
    kind: 'demo',
    perform(scenario, performOptions) {
      const next = makePeripheral(scenario, performOptions?.restS);
      // The new person's clock starts where the old one stood, so arrival times stay continuous.
      next.advanceTo(peripheral.nowUs);
      peripheral = next;
    },
    name: 'Quadcue demo sensor',
    async open(): Promise<LinkInfo> {
      stopTicking();
      // Catch the simulation up to now (a sensor out of reach stays out of reach).
      peripheral.advanceTo(Math.max(peripheral.nowUs, (clock.nowMs() - originMs) * 1000));
      if (!peripheral.connect()) throw new TransportError('not-found');
      timer = clock.setTimer(tick, DEMO_TICK_MS);
      return {
        deviceName: transport.name,
        deviceId: null,
        serviceUuids: [QUADCUE_SERVICE_UUID, BATTERY_SERVICE_UUID, DEVICE_INFORMATION_SERVICE_UUID],
        subscribedCharacteristicUuids: [DATA_CHAR_UUID, CONTROL_CHAR_UUID],
        deviceInformation: {
          manufacturerName: 'Quadcue (simulated)',
          modelNumber: `reference peripheral, ${options.device ?? 'emg'}`,
          hardwareRevision: null,
          firmwareRevision: 'simulator 1',
          softwareRevision: null,
        },
        batteryPercent: 100,
      };
    },
    async write(characteristic, bytes) {
      if (characteristic !== CONTROL_CHAR_UUID) throw new TransportError('gatt-failed');
      let reply: Uint8Array;
      try {
        reply = peripheral.write(bytes);
      } catch (error) {
        throw new TransportError('gatt-failed', { cause: error });
      }
      // The reply is a notification: it arrives after the write completes, as over the air.
      const atMs = clock.nowMs();
      queueMicrotask(() => deliver(CONTROL_CHAR_UUID, reply, atMs));
    },
    async read(characteristic) {
      if (characteristic !== DESCRIPTION_CHAR_UUID) throw new TransportError('gatt-failed');
      return peripheral.readDescription();
    },
    close() {
      stopTicking();
      peripheral.disconnect();
    },
    onNotify: null,
    onUnexpectedDisconnect: null,
    onOpenPhase: null,
  };
  return transport;
}
