// One sensor's path through the worker: decode → loss accounting → quality → latest values.
// Pure and synchronous (no timers, no DOM): the worker entry feeds it, and unit tests drive it
// directly in sample time. DSP and metrics join here with the pipeline issue.
import { ClockAligner } from '../signal/clock-alignment';
import { ReorderHold } from './reorder-hold';
import { createLinkQualityMeter, type LinkQualityMeter } from '../profiles/link-quality';
import { createLossAccountant, type LossAccountant } from '../profiles/loss-accounting';
import type { CommandName, ConnectInfo, Decoder, DeviceProfile, Rejection, SampleBlock } from '../profiles/types';
import { statsSnapshot, type FromWorker, type SensorId, type SensorSnapshot } from './messages';

/**
 * A device-time outage estimate is trusted only when it agrees with arrival time to within this:
 * a sensor that reset its clock during the outage gives a device-time step that means nothing.
 */
const DEVICE_TIME_PLAUSIBLE_MS = 1000;

/**
 * Where accepted samples go, in stream order: the worker's ring buffers, the CLI's arrays, a
 * test's collector. `block.values` is only valid during the call (copy what you keep).
 */
export interface SampleSink {
  samples(block: SampleBlock, arrivalMs: number): void;
  /** `lengthSamples` per channel were lost just before the next block (loss, corruption or outage). */
  gap(lengthSamples: number, reason: 'loss' | 'outage'): void;
}

export interface SensorPipeline {
  readonly decoder: Decoder;
  ingest(characteristic: string, bytes: Uint8Array, arrivalMs: number): void;
  commandSent(command: CommandName): void;
  linkDown(atMs: number): void;
  /** Link facts of the snapshot; the worker adds the processed levels and ring chunks. */
  snapshot(nowMs: number): Omit<SensorSnapshot, 'levels' | 'chunks' | 'nowMs'>;
}

export function createSensorPipeline(
  sensorId: SensorId,
  profile: DeviceProfile,
  info: ConnectInfo,
  emit: (message: FromWorker) => void,
  sink?: SampleSink,
): SensorPipeline | Rejection {
  const created = profile.createDecoder(info);
  if ('kind' in created) return created;
  const decoder = created;
  const channelCount = decoder.channels.length;
  const accountant: LossAccountant = createLossAccountant(channelCount);
  const nominalRateHz = decoder.channels[0]?.nominalRateHz ?? 0;
  const quality: LinkQualityMeter = createLinkQualityMeter(nominalRateHz);
  const latest = new Float64Array(channelCount);
  const outages: SensorSnapshot['outages'] = [];
  // Places this sensor's samples on the session timeline from its device clock (or arrival).
  const aligner = new ClockAligner();
  const reorder = new ReorderHold();
  let lastRejection: SensorSnapshot['lastRejection'] = null;
  let lastArrivalMs: number | null = null;
  let lastBlockEndUs: number | null = null;
  let downSinceMs: number | null = null;
  /** Device time of the last accepted sample set, µs, to tell a stale stream-start frame from a new stream. */
  let lastSampleUs: number | null = null;
  /** Device time of the latest accepted stream-start frame, to tell a second copy of it from a late one. */
  let lastStreamStartUs: number | null = null;

  function recordOutage(block: SampleBlock, arrivalMs: number): void {
    const beforeMs = lastArrivalMs ?? downSinceMs ?? arrivalMs;
    const periodUs = block.samplePeriodUs ?? (nominalRateHz > 0 ? 1e6 / nominalRateHz : 0);
    const blockMs = (block.samplesPerChannel * periodUs) / 1000;
    let lengthMs = Math.max(0, arrivalMs - beforeMs - blockMs);
    // The device clock runs free through an outage and a stream restart (PROTOCOL.md §5.3), so its
    // step sizes the outage exactly, where arrival times carry the link's and the machine's jitter
    // (the soak test saw 0.14 s) — unless the sensor restarted its clock, which the check catches.
    if (block.deviceTimeUs !== null && lastBlockEndUs !== null && block.deviceTimeModuloUs !== null) {
      const stepUs = (((block.deviceTimeUs - lastBlockEndUs) % block.deviceTimeModuloUs) + block.deviceTimeModuloUs) % block.deviceTimeModuloUs;
      if (Math.abs(stepUs / 1000 - lengthMs) < DEVICE_TIME_PLAUSIBLE_MS) lengthMs = stepUs / 1000;
    }
    const lengthSamples = periodUs > 0 ? Math.round((lengthMs * 1000) / periodUs) : 0;
    outages.push({ startMs: beforeMs, lengthMs, lengthSamples });
    if (lengthSamples > 0) sink?.gap(lengthSamples, 'outage');
  }

  /** Whether `block`'s first sample set was sampled at or before the last accepted one (device clock, modulo its wrap). */
  function sampledBeforeLastAccepted(block: SampleBlock): boolean {
    const modulo = block.deviceTimeModuloUs;
    if (block.deviceTimeUs === null || modulo === null || lastSampleUs === null) return false;
    const behindUs = (((lastSampleUs - block.deviceTimeUs) % modulo) + modulo) % modulo;
    return behindUs < modulo / 2;
  }

  function offerSamples(block: SampleBlock, arrivalMs: number): void {
    // A stream-start frame sampled no later than what was already accepted is not a new stream:
    // it is a second copy, or its stream went on without it (it was overtaken past the hold).
    if (block.streamStart && downSinceMs === null && sampledBeforeLastAccepted(block)) {
      accountant.drop(block.deviceTimeUs === lastStreamStartUs ? 'duplicate' : 'late');
      quality.recordPacket(arrivalMs, 0, 0);
      return;
    }
    reorder.offer(block, arrivalMs, acceptSamples);
  }

  function acceptSamples(block: SampleBlock, arrivalMs: number): void {
    // After an outage the device usually restarts its stream; either way the outage is sized
    // here, once, and the accountant starts afresh so it is not also counted as frame loss.
    if (downSinceMs !== null) {
      recordOutage(block, arrivalMs);
      accountant.restart();
      downSinceMs = null;
    } else if (block.streamStart) {
      accountant.restart();
    }
    if (block.streamStart) lastStreamStartUs = block.deviceTimeUs;
    const outcome = accountant.accept(block);
    if (outcome.kind !== 'accepted') {
      quality.recordPacket(arrivalMs, 0, 0);
      return;
    }
    quality.recordPacket(arrivalMs, block.samplesPerChannel, outcome.gap?.lengthSamples ?? 0);
    if (outcome.gap) {
      emit({ type: 'gap', sensorId, gap: outcome.gap });
      sink?.gap(outcome.gap.lengthSamples, 'loss');
    }
    sink?.samples(block, arrivalMs);
    const lastSet = (block.samplesPerChannel - 1) * block.channels;
    for (let c = 0; c < channelCount; c++) latest[c] = block.values[lastSet + c]!;
    lastArrivalMs = arrivalMs;
    // The aligner wants the device time of the block's last sample: it left the sensor last.
    lastSampleUs =
      block.deviceTimeUs !== null && block.samplePeriodUs !== null && block.deviceTimeModuloUs !== null
        ? (block.deviceTimeUs + (block.samplesPerChannel - 1) * block.samplePeriodUs) % block.deviceTimeModuloUs
        : null;
    aligner.observe(lastSampleUs, arrivalMs);
    lastBlockEndUs =
      block.deviceTimeUs !== null && block.samplePeriodUs !== null
        ? block.deviceTimeUs + block.samplesPerChannel * block.samplePeriodUs
        : null;
  }

  return {
    decoder,
    ingest(characteristic, bytes, arrivalMs) {
      const result = decoder.decode(bytes, characteristic);
      switch (result.kind) {
        case 'samples':
          offerSamples(result.block, arrivalMs);
          return;
        case 'reply':
          emit({ type: 'reply', sensorId, command: result.command, reply: result.reply });
          return;
        case 'status':
          emit({ type: 'status', sensorId, status: result.status });
          return;
        case 'rejected':
          accountant.reject();
          quality.recordPacket(arrivalMs, 0, 0);
          lastRejection = { reason: result.reason, detail: result.detail };
          return;
      }
    },
    commandSent(command) {
      decoder.commandSent(command);
    },
    linkDown(atMs) {
      reorder.expire(Infinity, acceptSamples);
      reorder.restartAfterOutage();
      downSinceMs ??= atMs;
    },
    snapshot(nowMs) {
      reorder.expire(nowMs, acceptSamples);
      return {
        sensorId,
        channels: [...decoder.channels],
        stats: statsSnapshot(accountant.stats),
        quality: quality.read(nowMs),
        latest: Array.from(latest),
        outages: outages.slice(),
        lastRejection,
        alignmentErrorMs: aligner.alignmentErrorMs,
      };
    },
  };
}
