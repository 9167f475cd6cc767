// The sensors of this session (at most two: e.g. EMG + dynamometer, or one EMG sensor per leg),
// how they are added, and the one loop that pulls the worker's snapshots for the UI.
import { batch, computed, effect, signal } from '@preact/signals';
import { mainsHz } from './settings-model';
import { assignmentStorage } from './assignment-storage';
import type { ScenarioName } from '../../firmware-protocol/sim/scenarios';
import { systemClock, type Clock } from '../devices/clock';
import { createBluetoothTransport } from '../devices/bluetooth-transport';
import { withCaptureRecorder } from '../devices/capture-recorder';
import { createReplayTransport, type ReplaySpeed } from '../devices/replay-transport';
import type { SensorTransport } from '../devices/sensor-transport';
import { parseCapture, type CaptureError } from '../store/capture/capture-format';
import { pipelineBridge, type PipelineBridge } from '../worker/bridge';
import { createSensorEntry, type SensorEntry, type SensorSource } from './sensor-entry';

/** Two sensors at once: the bilateral or EMG + force cases the product is built for. */
export const MAX_SENSORS = 2;
/** Snapshots at ~30 Hz are plenty for numbers a person reads (architecture.md). */
const SNAPSHOT_INTERVAL_MS = 33;

export function createSensorsModel(deps: { clock: Clock; bridge: () => PipelineBridge; storage: Storage }) {
  const sensors = signal<readonly SensorEntry[]>([]);
  const replayError = signal<CaptureError | null>(null);
  let nextId = 1;
  let listening = false;
  let lastSnapshotMs = -Infinity;

  function bridge(): PipelineBridge {
    const shared = deps.bridge();
    if (!listening) {
      listening = true;
      shared.listen((message) => {
        if (message.type === 'snapshot') {
          batch(() => {
            for (const snapshot of message.sensors) sensors.peek().find((s) => s.id === snapshot.sensorId)?.updateSnapshot(snapshot);
          });
          return;
        }
        sensors.peek().find((s) => s.id === message.sensorId)?.receive(message);
      });
    }
    return shared;
  }

  function add(source: SensorSource, transport: SensorTransport): SensorEntry | null {
    if (sensors.peek().length >= MAX_SENSORS) return null;
    const entry = createSensorEntry({
      id: `sensor-${nextId++}`,
      source,
      transport: withCaptureRecorder(transport, deps.clock),
      clock: deps.clock,
      bridge: bridge(),
      storage: deps.storage,
    });
    sensors.value = [...sensors.peek(), entry];
    entry.link.connect();
    return entry;
  }

  // A changed mains setting reaches filters already running (only once the worker exists).
  effect(() => {
    const hz = mainsHz.value;
    if (listening) deps.bridge().post({ type: 'set-mains', mainsHz: hz });
  });

  return {
    /** The pipeline worker's bridge (started on first use), for models that talk to it directly. */
    bridge,
    sensors,
    replayError,
    canAddSensor: computed(() => sensors.value.length < MAX_SENSORS),
    connectBluetooth(device?: BluetoothDevice) {
      return add('bluetooth', createBluetoothTransport({ clock: deps.clock, ...(device ? { device } : {}) }));
    },
    /** The simulator is loaded on first use: it is not part of the app's start-up cost. */
    async useDemo(scenario: ScenarioName) {
      const { createDemoTransport } = await import('../devices/demo-transport');
      return add('demo', createDemoTransport({ clock: deps.clock, scenario }));
    },
    replay(fileName: string, text: string, speed: ReplaySpeed) {
      const parsed = parseCapture(text);
      if (!parsed.ok) {
        replayError.value = parsed.error;
        return null;
      }
      replayError.value = null;
      return add('replay', createReplayTransport({ clock: deps.clock, capture: parsed.capture, fileName, speed }));
    },
    remove(id: string) {
      const entry = sensors.peek().find((s) => s.id === id);
      if (!entry) return;
      entry.dispose();
      sensors.value = sensors.peek().filter((s) => s !== entry);
    },
    /** Called once per animation frame; asks the worker for a snapshot about 30 times a second. */
    tick(nowMs: number) {
      if (sensors.peek().length === 0 || nowMs - lastSnapshotMs < SNAPSHOT_INTERVAL_MS) return;
      lastSnapshotMs = nowMs;
      bridge().post({ type: 'snapshot-request', nowMs });
    },
  };
}

export type SensorsModel = ReturnType<typeof createSensorsModel>;

/** The app's one sensors model, on real time and the real worker. */
export const sensorsModel: SensorsModel = createSensorsModel({
  clock: systemClock,
  bridge: pipelineBridge,
  // Channel assignments are kept in the settings store; sensor entries see it as a Storage.
  storage: assignmentStorage,
});
