// Stored sessions for the history tests (imported by *.test.ts only): one sensor, two EMG channels
// at 1 kHz, 3 s from stream index 500 with 100 samples lost at 1.5 s, a rep and a pain rating.
import type { RecordedSamples } from '../store/db/read-session';
import type { SessionEvent, SessionRecord, StreamRecord } from '../store/db/schema';

export const stream: StreamRecord = {
  sensorId: 'demo',
  profileId: 'quadcue',
  channels: [
    { label: 'VMO', kind: 'emg', unit: 'uV', nominalRateHz: 1000 },
    { label: 'VL', kind: 'emg', unit: 'uV', nominalRateHz: 1000 },
  ],
  rateHz: 1000,
  firstIndex: 500,
};
export function session(id: string, startedAt: string, simulated: boolean): SessionRecord {
  return { id, patientId: null, side: null, simulated, exerciseId: null, startedAt, status: 'complete', stoppedBy: 'user', streams: [stream] };
}
export function samples(scale: number): RecordedSamples {
  const channel = (k: number) => Float32Array.from({ length: 3000 }, (_, i) => (i >= 1000 && i < 1100 ? NaN : scale * k * Math.sin(i / 7)));
  const level = (k: number) => Float32Array.from({ length: 3000 }, (_, i) => (i >= 1000 && i < 1100 ? NaN : scale * k * (1 + (i % 10))));
  return { stream, firstIndex: 500, raw: [channel(1), channel(2)], level: [level(1), level(2)], chunks: 3 };
}
export const events: SessionEvent[] = [
  { sessionId: 'a', sensorId: 'demo', sampleIndex: 1500, kind: 'rep', set: 1, rep: 1, detail: {} },
  { sessionId: 'a', sensorId: 'demo', sampleIndex: 1500, kind: 'gap', lengthSamples: 100, reason: 'loss' },
  { sessionId: 'a', sensorId: 'demo', sampleIndex: 3000, kind: 'pain', score: 2 },
];
