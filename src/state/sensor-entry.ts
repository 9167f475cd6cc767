// One connected (or connecting) sensor, wired end to end: transport → connection manager →
// pipeline worker, with the signals its card on the Connect screen shows.
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { LOW_BATTERY_PERCENT } from '../profiles/battery-service';
import { profileForDevice } from '../profiles/registry';
import type { ChannelSpec, CommandName, ConnectInfo, DeviceProfile } from '../profiles/types';
import type { Clock } from '../devices/clock';
import type { RecordingTransport } from '../devices/capture-recorder';
import { createPipelineFeed } from '../devices/pipeline-feed';
import { createSensorLink, type SensorLink } from '../devices/sensor-link';
import { TransportError } from '../devices/sensor-transport';
import type { PipelineBridge } from '../worker/bridge';
import type { FromWorker, SensorSnapshot } from '../worker/messages';
import { mainsHz } from './settings-model';
import { SampleRing } from '../signal/sample-ring';
import { writeChunks } from '../worker/ring-chunker';
import type { SensorRings } from '../worker/sensor-processing';
import { defaultAssignment, loadAssignment, saveAssignment, type ChannelAssignment } from './channel-assignment';

/** A sensor answers a command within 2 s or not at all (PROTOCOL.md §6: the app gives up after 2 s). */
const REPLY_TIMEOUT_MS = 2000;

export type SensorSource = 'bluetooth' | 'demo' | 'replay';

export interface SensorEntry {
  readonly id: string;
  readonly source: SensorSource;
  /** Demo data is simulated and labelled so everywhere. */
  readonly simulated: boolean;
  readonly transport: RecordingTransport;
  readonly link: SensorLink;
  readonly profile: ReadonlySignal<DeviceProfile | null>;
  readonly channels: ReadonlySignal<readonly ChannelSpec[]>;
  readonly assignment: ReadonlySignal<readonly ChannelAssignment[]>;
  readonly snapshot: ReadonlySignal<SensorSnapshot | null>;
  readonly batteryPercent: ReadonlySignal<number | null>;
  readonly lowBattery: ReadonlySignal<boolean>;
  /** Firmware version a sensor reported by command (Tindeq), when Device Information has none. */
  readonly firmwareText: ReadonlySignal<string | null>;
  /** Battery voltage a sensor reported by command (Tindeq reports mV, not %). */
  readonly batteryMv: ReadonlySignal<number | null>;
  /** Whether the last "mark rest" gave the worker a baseline (null: none asked or pending). */
  readonly restMarked: ReadonlySignal<boolean | null>;
  /** Stream sample index of each channel's latest onset (after rest was marked). */
  readonly lastOnsets: ReadonlySignal<readonly (number | undefined)[]>;
  /** The last `seconds` were rest: the worker takes them as the onset baseline. */
  markRest(seconds: number): void;
  /** Latest contact impedance per Ganglion electrode (1–4 and 'ref'), ohms, from its impedance test. */
  readonly impedanceOhms: ReadonlySignal<Readonly<Record<string, number>>>;
  /** Sends one of the profile's commands (e.g. the Ganglion's impedance test); false if it has none. */
  sendCommand(command: CommandName): Promise<boolean>;
  /** Why the sensor cannot be used (unknown device, unreadable description), or null. */
  readonly problem: ReadonlySignal<'unknown-device' | 'unusable-description' | null>;
  assign(channel: number, change: Partial<ChannelAssignment>): void;
  receive(message: FromWorker): void;
  updateSnapshot(latest: SensorSnapshot): void;
  /** Sends the start command again: the sensor restarts its stream (a new session part begins). */
  restartStream(): Promise<void>;
  /** The sample rings the chart reads each frame (null until the worker attached the sensor). */
  readonly rings: SensorRings | null;
  dispose(): void;
}

export function createSensorEntry(options: {
  id: string;
  source: SensorSource;
  transport: RecordingTransport;
  clock: Clock;
  bridge: PipelineBridge;
  storage: Storage;
}): SensorEntry {
  const { id, source, transport, clock, bridge, storage } = options;
  const profile = signal<DeviceProfile | null>(null);
  const channels = signal<readonly ChannelSpec[]>([]);
  const assignment = signal<readonly ChannelAssignment[]>([]);
  const snapshot = signal<SensorSnapshot | null>(null);
  const batteryPercent = signal<number | null>(null);
  const deviceLowPower = signal(false);
  const problem = signal<SensorEntry['problem']['value']>(null);
  const firmwareText = signal<string | null>(null);
  const batteryMv = signal<number | null>(null);
  let rings: SensorRings | null = null;
  const restMarked = signal<boolean | null>(null);
  const impedanceOhms = signal<Readonly<Record<string, number>>>({});
  const lastOnsets = signal<readonly (number | undefined)[]>([]);
  let lastConnectInfo: ConnectInfo | undefined;
  let replyWaiter: { command: CommandName; resolve: () => void } | null = null;
  let attached = false;
  let assignmentKey = '';

  const feed = createPipelineFeed(bridge, id);
  transport.onNotify = (characteristic, bytes, arrivalMs) => feed.push(characteristic, bytes, arrivalMs);

  async function onStreamStart(link: SensorLink): Promise<void> {
    const info = link.info.value!;
    const found = profileForDevice(info.serviceUuids, info.deviceName ?? '');
    if (!found) {
      problem.value = 'unknown-device';
      throw new TransportError('unsupported');
    }
    const reads = new Map<string, Uint8Array>();
    for (const ref of found.gatt.connectReads) reads.set(ref.characteristic, await transport.read(ref.characteristic));
    const connectInfo: ConnectInfo = { reads };
    batch(() => {
      profile.value = found;
      if (info.batteryPercent !== null) batteryPercent.value = info.batteryPercent;
    });
    if (!attached) {
      attached = true;
      assignmentKey = `${found.id}.${info.deviceId ?? source}`;
      bridge.post({
        type: 'attach',
        sensorId: id,
        profileId: found.id,
        connectReads: [...reads].map(([uuid, bytes]) => [uuid, bytes.slice().buffer]),
        mainsHz: mainsHz.peek(),
      });
    }
    lastConnectInfo = connectInfo;
    await send(found, 'start', connectInfo);
    if (source !== 'replay') void readDeviceFacts(found, info.batteryPercent === null);
  }

  /** Writes a command; the worker hears of it first, so a reply without an opcode is routed to it. */
  async function send(target: DeviceProfile, command: CommandName, connectInfo?: ConnectInfo): Promise<boolean> {
    const bytes = target.commands[command]?.(connectInfo);
    if (!bytes) return false;
    bridge.post({ type: 'command-sent', sensorId: id, command });
    await transport.write(target.gatt.write.characteristic, bytes);
    return true;
  }

  /**
   * Firmware version and battery for sensors that answer them as commands (Tindeq). One at a
   * time: Tindeq replies carry no opcode, so each must arrive before the next is asked.
   */
  async function readDeviceFacts(target: DeviceProfile, needBattery: boolean): Promise<void> {
    const wanted: CommandName[] = ['read-firmware', ...(needBattery ? (['read-battery'] as const) : [])];
    for (const command of wanted) {
      if (target.id === 'quadcue' && command === 'read-firmware') continue; // read from Device Information
      const reply = new Promise<void>((resolve) => {
        replyWaiter = { command, resolve };
        clock.setTimer(resolve, REPLY_TIMEOUT_MS);
      });
      try {
        if (!(await send(target, command))) continue;
      } catch {
        return; // the link went; the next connection asks again
      }
      await reply;
      replyWaiter = null;
    }
  }

  const link = createSensorLink({ transport, clock, onStreamStart });

  // Tell the worker when the link drops, so the outage is sized once and not counted as loss.
  let reportedGaps = 0;
  const stopWatchingLink = effect(() => {
    const gaps = link.gaps.value;
    for (; reportedGaps < gaps.length; reportedGaps++) {
      bridge.post({ type: 'link-down', sensorId: id, atMs: gaps[reportedGaps]!.startMs });
    }
  });

  return {
    id,
    source,
    simulated: source === 'demo',
    transport,
    link,
    profile,
    channels,
    assignment,
    snapshot,
    batteryPercent,
    lowBattery: computed(() => deviceLowPower.value || (batteryPercent.value !== null && batteryPercent.value <= LOW_BATTERY_PERCENT)),
    problem,
    firmwareText,
    batteryMv,
    restMarked,
    lastOnsets,
    impedanceOhms,
    async sendCommand(command) {
      const current = profile.peek();
      return current ? send(current, command, lastConnectInfo) : false;
    },
    markRest(seconds) {
      restMarked.value = null;
      bridge.post({ type: 'mark-rest', sensorId: id, seconds });
    },
    assign(channel, change) {
      const next = assignment.value.map((a, index) => (index === channel ? { ...a, ...change } : a));
      assignment.value = next;
      saveAssignment(storage, assignmentKey, next);
    },
    receive(message) {
      switch (message.type) {
        case 'attached':
          rings = message.rings
            ? { raw: new SampleRing(message.rings.raw), filtered: new SampleRing(message.rings.filtered), level: new SampleRing(message.rings.level) }
            : {
                raw: SampleRing.create(message.channels.length, message.ringCapacity, false),
                filtered: SampleRing.create(message.channels.length, message.ringCapacity, false),
                level: SampleRing.create(message.channels.length, message.ringCapacity, false),
              };
          batch(() => {
            channels.value = message.channels;
            const fallback = defaultAssignment(profile.value?.id ?? 'quadcue', message.channels);
            assignment.value = loadAssignment(storage, assignmentKey, fallback);
          });
          return;
        case 'attach-failed':
          problem.value = 'unusable-description';
          link.disconnect();
          return;
        case 'reply': {
          const { reply } = message;
          if (reply.kind === 'control-status' && reply.batteryPercent !== undefined) batteryPercent.value = reply.batteryPercent;
          if (reply.kind === 'battery-voltage') batteryMv.value = reply.batteryMv;
          if (reply.kind === 'firmware-version') firmwareText.value = reply.text;
          if (replyWaiter?.command === message.command) replyWaiter.resolve();
          return;
        }
        case 'status':
          if (message.status.kind === 'low-power') deviceLowPower.value = true;
          if (message.status.kind === 'battery-level') batteryPercent.value = message.status.percent;
          if (message.status.kind === 'impedance') impedanceOhms.value = { ...impedanceOhms.peek(), [message.status.electrode]: message.status.ohms };
          return;
        case 'rest-marked':
          restMarked.value = message.ok;
          return;
        case 'signal-event':
          if (message.event.kind === 'onset') {
            const next = [...lastOnsets.peek()];
            next[message.event.channel] = message.event.sampleIndex;
            lastOnsets.value = next;
          }
          return;
        default:
          return;
      }
    },
    get rings() {
      return rings;
    },
    async restartStream() {
      const current = profile.peek();
      if (current) await send(current, 'start', lastConnectInfo);
    },
    updateSnapshot(latest) {
      if (latest.chunks && rings) writeChunks(rings, latest.chunks);
      snapshot.value = latest;
    },
    dispose() {
      stopWatchingLink();
      link.disconnect();
      bridge.post({ type: 'detach', sensorId: id });
    },
  };
}
