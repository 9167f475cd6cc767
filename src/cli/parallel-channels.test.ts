import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeChannel, planAnalysis } from './analyze-recording';
import { recordingFromCapture } from './capture-recording';
import { ChannelPool } from './parallel-channels';

const input = join(import.meta.dirname, '../../tests/cli/inputs/quadcue-emg-force.jsonl');

function plan() {
  const recording = recordingFromCapture(readFileSync(input, 'utf8'));
  if ('kind' in recording) throw new Error(recording.message);
  return planAnalysis(recording, { notchHz: null, tare: false });
}

describe('channel pool', () => {
  const pool = ChannelPool.start(2);
  afterAll(() => pool?.close());

  it('gives, in worker threads, exactly the reports of the in-process path', async () => {
    expect(pool).not.toBeNull();
    const expected = plan().jobs.map((job) => analyzeChannel(job));
    const jobs = plan().jobs; // a fresh copy: the pool moves the samples away
    const reports = await pool!.run(jobs);
    expect(reports).toEqual(expected);
    expect(jobs[0]!.series.values.length).toBe(0); // moved, not copied
  });
});
