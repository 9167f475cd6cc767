import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from './recording-summary.schema.json' with { type: 'json' };
import { sessionRecording } from './edf-test-recordings';
import { recordingSummaryJson, summariseRecording } from './recording-summary';
import type { SessionSummary } from '../../exercise/summary';

const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(schema);

describe('JSON summary export', () => {
  it('counts received and lost samples and gaps per channel, in ASCII units, valid against its schema', () => {
    const text = recordingSummaryJson(sessionRecording());
    const summary: unknown = JSON.parse(text);
    expect(validate(summary), JSON.stringify(validate.errors)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(summary).toMatchObject({
      format: 'quadcue-recording-summary',
      patientCode: 'QC-0042',
      simulated: true,
      durationS: 12.0025,
      channels: [
        { label: 'VMO', unit: 'uV', sampleRateHz: 2000, samples: 23905, lostSamples: 100, gaps: 1 },
        { label: 'VL', unit: 'uV', samples: 23905, lostSamples: 100, gaps: 1 },
        { label: 'force', unit: 'N', sampleRateHz: 80, samples: 956, lostSamples: 4, gaps: 1 },
      ],
      annotations: expect.arrayContaining([{ onsetS: 0.8, durationS: 1, text: 'rep 1' }, { onsetS: 0.75, durationS: null, text: 'cue: push' }]),
      session: null,
    });
  });

  it('gives the level statistics over received samples only, null for a channel with none', () => {
    const recording = {
      startedAt: '2025-03-01T09:30:00.000Z',
      simulated: false,
      annotations: [],
      channels: [
        { label: 'a', unit: 'N' as const, sampleRateHz: 10, samples: Float32Array.from([3, NaN, -4]) },
        { label: 'b', unit: 'uV' as const, sampleRateHz: 10, samples: Float32Array.from([NaN, NaN]) },
      ],
    };
    const [a, b] = summariseRecording(recording).channels;
    expect(a).toMatchObject({ min: -4, max: 3, mean: -0.5, rms: Math.sqrt(12.5), gaps: 1 });
    expect(b).toMatchObject({ samples: 0, lostSamples: 2, min: null, max: null, mean: null, rms: null });
  });

  it('carries the session summary when there was an exercise', () => {
    const session: SessionSummary = { exercises: [], pain: 2, effort: 6, wentWell: { id: 'started' } };
    const summary: unknown = JSON.parse(recordingSummaryJson(sessionRecording(), session));
    expect(validate(summary), JSON.stringify(validate.errors)).toBe(true);
    expect(summary).toMatchObject({ session: { pain: 2, effort: 6, wentWell: { id: 'started' } } });
  });
});
