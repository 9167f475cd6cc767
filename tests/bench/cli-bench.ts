// The analysis CLI on a one-hour, 4-channel, 2 kHz capture generated from a seed at bench time:
// the wall time of the real process, parsing included (what a user waits for), and where it goes.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildScenario, type DeviceSpec } from '../../firmware-protocol/sim/index';
import { analyzeRecording } from '../../src/cli/analyze-recording';
import { recordingFromCapture } from '../../src/cli/capture-recording';
import { quadcueCaptureLines } from '../cli/synthetic-captures';

/** Lines written per write call: ~2 MB, few system calls without holding the hour in memory. */
const LINES_PER_WRITE = 4096;

export interface CliBenchResult {
  fileMb: number;
  generateS: number;
  /** Wall time of each spawned run, s. */
  runsS: number[];
  /** In-process split of one run, s. */
  parseDecodeS: number;
  analyseS: number;
  channels: number;
  samplesPerChannel: number;
}

function writeCapture(path: string, device: DeviceSpec, durationS: number, seed: number): void {
  const fd = openSync(path, 'w');
  let batch: string[] = [];
  for (const line of quadcueCaptureLines({ seed, device, rateHz: 2000, scenario: buildScenario('quadSets'), durationS })) {
    batch.push(line);
    if (batch.length === LINES_PER_WRITE) {
      writeSync(fd, batch.join('\n') + '\n');
      batch = [];
    }
  }
  writeSync(fd, batch.join('\n') + '\n');
  closeSync(fd);
}

export function runCliBench(device: DeviceSpec, durationS: number, seed: number, repo: string, runs = 3): CliBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'quadcue-bench-'));
  const path = join(dir, 'one-hour.jsonl');
  try {
    let start = performance.now();
    writeCapture(path, device, durationS, seed);
    const generateS = (performance.now() - start) / 1000;
    const runsS: number[] = [];
    let channels = 0;
    let samplesPerChannel = 0;
    for (let r = 0; r < runs; r++) {
      start = performance.now();
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', path, '--json'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
      runsS.push((performance.now() - start) / 1000);
      if (result.status !== 0) throw new Error(`the CLI failed (${result.status}): ${result.stderr}`);
      const report = JSON.parse(result.stdout) as { channels: { samples: number }[] };
      channels = report.channels.length;
      samplesPerChannel = report.channels[0]?.samples ?? 0;
    }
    // The same work in this process, split in two (the spawned runs include Node and tsx start-up).
    const text = readFileSync(path, 'latin1');
    start = performance.now();
    const recording = recordingFromCapture(text);
    const parseDecodeS = (performance.now() - start) / 1000;
    if ('kind' in recording) throw new Error(recording.message);
    start = performance.now();
    analyzeRecording(recording, { notchHz: null, tare: false });
    const analyseS = (performance.now() - start) / 1000;
    return { fileMb: statSync(path).size / 1e6, generateS, runsS, parseDecodeS, analyseS, channels, samplesPerChannel };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
