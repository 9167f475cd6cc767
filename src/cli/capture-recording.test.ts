import { describe, expect, it } from 'vitest';
import {
  CONTROL_CHAR_UUID,
  DATA_CHAR_UUID,
  DESCRIPTION_CHAR_UUID,
  QUADCUE_SERVICE_UUID,
  decodeDataFrame,
  encodeControlRequest,
} from '../../firmware-protocol/src/index';
import { ReferencePeripheral, buildScenario, devicePreset, vlChannel, vmoChannel } from '../../firmware-protocol/sim/index';
import { formatCaptureEvent, formatCaptureHeader, type CaptureEvent } from '../store/capture/capture-format';
import { quadcueCaptureLines } from '../../tests/cli/synthetic-captures';
import { recordingFromCapture } from './capture-recording';
import { lostSamplesOf, type Recording } from './recording';

const header = formatCaptureHeader({ device: { name: 'Quadcue sim', services: [QUADCUE_SERVICE_UUID], info: {} }, startedAt: '2026-01-01T09:00:00.000Z' });

function recording(text: string): Recording {
  const result = recordingFromCapture(text);
  if ('kind' in result) throw new Error(result.message);
  return result;
}

function samplesIn(bytes: Uint8Array): number {
  const decoded = decodeDataFrame(bytes);
  return decoded.ok ? decoded.value.samplesPerChannel : 0;
}

/** A session by hand: start, stream, optionally lose the link for a while, start again. */
function session(options: { seed: number; streamS: number; withheld?: ReadonlySet<number>; outage?: { afterS: number; downS: number } }) {
  const peripheral = new ReferencePeripheral({ seed: options.seed, device: 'emg', scenario: 'quadSets', loop: true });
  const events: CaptureEvent[] = [
    { tMs: 0, op: 'connect' },
    { tMs: 0, op: 'read', characteristic: DESCRIPTION_CHAR_UUID, bytes: peripheral.readDescription() },
  ];
  let sent = 0;
  let frame = 0;
  const start = (tMs: number) => {
    const request = encodeControlRequest({ op: 'start', requestId: 1, rateHz: 1000 });
    events.push({ tMs, op: 'write', characteristic: CONTROL_CHAR_UUID, bytes: request });
    events.push({ tMs, op: 'notify', characteristic: CONTROL_CHAR_UUID, bytes: peripheral.write(request) });
  };
  const stream = (durationUs: number) => {
    for (const event of peripheral.advance(durationUs)) {
      if (event.kind !== 'notify') continue;
      sent += samplesIn(event.bytes);
      if (!options.withheld?.has(frame++)) events.push({ tMs: event.atUs / 1000, op: 'notify', characteristic: DATA_CHAR_UUID, bytes: event.bytes });
    }
  };
  start(0);
  if (options.outage) {
    stream(options.outage.afterS * 1e6);
    events.push({ tMs: peripheral.nowUs / 1000, op: 'disconnect' });
    peripheral.disconnect();
    peripheral.advance(options.outage.downS * 1e6);
    peripheral.connect();
    events.push({ tMs: peripheral.nowUs / 1000, op: 'connect' });
    start(peripheral.nowUs / 1000);
  }
  stream(options.streamS * 1e6);
  return { text: [header, ...events.map(formatCaptureEvent)].join('\n') + '\n', sent };
}

describe('capture → recording, through the worker pipeline', () => {
  it('keeps every received sample and counts exactly the samples of the frames lost', () => {
    const { text, sent } = session({ seed: 3, streamS: 6, withheld: new Set([10, 11, 50]) });
    const result = recording(text);
    expect(result.profile).toBe('quadcue');
    expect(result.channels.map((c) => [c.label, c.kind, c.unit])).toEqual([
      ['VMO', 'emg', 'uV'],
      ['VL', 'emg', 'uV'],
    ]);
    const vmo = result.channels[0]!;
    expect(vmo.gaps).toHaveLength(2);
    expect(vmo.values.length + lostSamplesOf(vmo)).toBe(sent);
    expect(vmo.rateSource).toBe('device-time');
    expect(vmo.sampleRateHz).toBeCloseTo(1000, 6);
    expect(result.warnings).toEqual([]);
  });

  it('counts the time a disconnect lasted as lost samples, and says so', () => {
    const { text } = session({ seed: 4, streamS: 2, outage: { afterS: 2, downS: 1.5 } });
    const result = recording(text);
    const vl = result.channels[1]!;
    // 1.5 s off the air plus the restart (first frame within 40 ms, PROTOCOL.md §5.4) at 1 kHz.
    expect(lostSamplesOf(vl)).toBeGreaterThan(1450);
    expect(lostSamplesOf(vl)).toBeLessThan(1560);
    expect(vl.sampleRateHz).toBeCloseTo(1000, 6);
    expect(result.warnings.join(' ')).toContain('1 disconnect');
  });

  it('runs the benchmark’s kind of capture: four EMG channels at 2 kHz', () => {
    const device = { channels: [vmoChannel(), vlChannel(), { ...vmoChannel(), label: 'VMO-R' }, { ...vlChannel(), label: 'VL-R' }], supportedRatesHz: [2000] };
    const lines = [...quadcueCaptureLines({ seed: 9, device, rateHz: 2000, scenario: buildScenario('quadSets'), durationS: 2 })];
    const result = recording(lines.join('\n'));
    expect(result.channels.map((c) => c.label)).toEqual(['VMO', 'VL', 'VMO-R', 'VL-R']);
    for (const channel of result.channels) {
      expect(channel.sampleRateHz).toBeCloseTo(2000, 6);
      expect(channel.values.length).toBeGreaterThan(3800);
      expect(lostSamplesOf(channel)).toBe(0);
    }
  });

  it('names the problem when a capture cannot be analysed', () => {
    const unknown = formatCaptureHeader({ device: { name: 'Toaster', services: [], info: {} }, startedAt: '2026-01-01T09:00:00.000Z' });
    expect(recordingFromCapture(unknown)).toMatchObject({ kind: 'input-error', message: expect.stringContaining('matches no supported profile') });
    expect(recordingFromCapture(`${header}\n{"t":1,`)).toMatchObject({ kind: 'input-error', message: expect.stringContaining('bad-json at line 2') });
    // A Quadcue capture without the description read: its channels cannot be known.
    expect(recordingFromCapture(header)).toMatchObject({ kind: 'input-error', message: expect.stringContaining('device description') });
    const emg = new ReferencePeripheral({ seed: 1, device: devicePreset('emg') });
    const noSamples = [header, formatCaptureEvent({ tMs: 0, op: 'read', characteristic: DESCRIPTION_CHAR_UUID, bytes: emg.readDescription() })].join('\n');
    expect(recording(noSamples).warnings).toContain('the capture holds no samples.');
  });
});
