// `npm run bench`: one run, one machine, peer-comparison tables. Not part of `npm test`.
//   1. each profile's decoder, samples/s;
//   2. the EMG and force chains, samples/s;
//   3. the same filter cascades in fili (npm): speed ratio and largest output difference;
//   4. the analysis CLI's wall time on a one-hour, 4-channel, 2 kHz capture generated from a seed.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SensorModel, buildScenario, devicePreset, vlChannel, vmoChannel, type DeviceSpec } from '../../firmware-protocol/sim/index';
import { runCliBench } from './cli-bench';
import { decoderRows } from './decoder-bench';
import { chainRows, filiRows } from './filter-bench';
import { printTable } from './timing';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 20261127;
const CLI_TARGET_S = 5;
const ONE_HOUR_S = 3600;

/** The benchmark's sensor: two legs' VMO and VL, int16 at 2 kHz (the top of the usual sEMG rates). */
const fourChannels2k: DeviceSpec = {
  channels: [vmoChannel(), vlChannel(), { ...vmoChannel(), label: 'VMO-R' }, { ...vlChannel(), label: 'VL-R' }],
  supportedRatesHz: [2000],
};

/** 60 s of one simulated channel, physical units, from the reference peripheral's signal model. */
function simulated(device: DeviceSpec, rateHz: number, seconds: number): Float64Array {
  const model = new SensorModel(device, buildScenario('isometricKneeExtension'), rateHz, SEED);
  const sets = rateHz * seconds;
  const physical = device.channels.map(() => new Float64Array(sets));
  model.generate(sets, new Int32Array(sets * device.channels.length), 0, { physical });
  return physical[0]!;
}

const load = () => loadavg()[0]!.toFixed(2);
console.log(`Quadcue benchmark — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load()}`);

printTable('Decoders (one notification at a time, as the worker)', ['profile', 'sample values/s', 'notifications/s'], decoderRows(fourChannels2k));

const emgUv = simulated(fourChannels2k, 2000, 60);
const forceN = simulated(devicePreset('dynamometer'), 1000, 60);
printTable('Chains (60 s of simulated signal)', ['chain', 'whole array (CLI)', `blocks of 29 (worker)`], chainRows(emgUv, 2000, forceN, 1000));

printTable(
  'Filter cascades: ours vs fili 2 (fed our coefficients; fili multiStep in place, its fastest mode)',
  ['cascade', 'ours', 'fili', 'ours/fili speed', 'largest |difference|'],
  filiRows(emgUv, 2000, forceN, 1000),
);

const cli = runCliBench(fourChannels2k, ONE_HOUR_S, SEED, repo);
printTable(
  `Analysis CLI: one hour, 4 EMG channels at 2 kHz (seed ${SEED}), ${cli.fileMb.toFixed(0)} MB capture generated in ${cli.generateS.toFixed(1)} s`,
  ['measure', 'seconds', `target < ${CLI_TARGET_S} s`],
  [
    ...cli.runsS.map((s, i) => [`npm run analyze -- <capture> --json, run ${i + 1} (wall)`, s.toFixed(2), s < CLI_TARGET_S ? 'met' : 'missed']),
    ['  split, in this process: read text → parse, decode, loss accounting', cli.parseDecodeS.toFixed(2), ''],
    ['  split, in this process: chains, onsets, median frequency (one thread)', cli.analyseS.toFixed(2), ''],
  ],
);
console.log(`Load average at the end: ${load()} (other work on the machine slows every figure above).`);
console.log(
  `(${cli.channels} channels × ${cli.samplesPerChannel} samples analysed. The wall time includes Node and tsx start-up, and the CLI` +
    ` analyses channels in worker threads (${availableParallelism()} cores here); the split above runs in one thread.)`,
);
