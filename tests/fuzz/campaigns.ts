// The fuzz campaigns: every decoder and every import format, fed seeded hostile input. Each
// result is counted by outcome (and rejection reason); an exception escaping is a failure.
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID } from '../../firmware-protocol/src/index';
import { ReferencePeripheral } from '../../firmware-protocol/sim/index';
import { Prng } from '../../firmware-protocol/sim/prng';
import { openbciGanglionProfile, SOFTWARE_REVISION_UUID } from '../../src/profiles/openbci-ganglion';
import { quadcueProfile } from '../../src/profiles/quadcue';
import { tindeqProgressorProfile } from '../../src/profiles/tindeq-progressor';
import type { Decoder, DeviceProfile } from '../../src/profiles/types';
import { formatCaptureEvent, formatCaptureHeader, parseCapture } from '../../src/store/capture/capture-format';
import { parseCsvRecording } from '../../src/store/csv/csv-format';
import { readEdf } from '../../src/store/formats/edf-reader';
import { writeEdf } from '../../src/store/formats/edf-writer';
import { ganglionFw3Packet, tindeqWeightNotification } from '../e2e/harness/device-frames';
import { mutateBytes, mutateText, randomBytes } from './mutate';
import 'fake-indexeddb/auto';
import { exerciseFromLibrary } from '../../src/exercise/library';
import { createBackup, parseBackup } from '../../src/store/db/backup';
import { openQuadcueDb } from '../../src/store/db/open-db';
import { seedTwoPatients } from '../../src/store/db/test-seed';
import { decodeProgramLink, encodeProgramLink, PROGRAM_LINK_PREFIX } from '../../src/store/program-link/program-link';

export interface CampaignResult {
  name: string;
  inputs: number;
  exceptions: number;
  /** Outcome → count, e.g. "samples", "rejected:too-short". */
  outcomes: Record<string, number>;
}

function count(result: CampaignResult, outcome: string): void {
  result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
}

interface DecoderTarget {
  name: string;
  decoder: () => Decoder;
  characteristics: string[];
  valid: (random: Prng) => Uint8Array;
}

function decoderOf(profile: DeviceProfile, reads: Map<string, Uint8Array>): () => Decoder {
  return () => {
    const created = profile.createDecoder({ reads });
    if ('kind' in created) throw new Error(created.detail);
    return created;
  };
}

function decoderTargets(seed: number): DecoderTarget[] {
  const sim = new ReferencePeripheral({ seed, device: 'emg+force', loop: true });
  const description = sim.readDescription();
  sim.write(quadcueProfile.commands.start!({ reads: new Map([[DESCRIPTION_CHAR_UUID, description]]) }));
  const quadcueFrames = sim.advance(2_000_000).flatMap((e) => (e.kind === 'notify' ? [e.bytes] : []));
  return [
    {
      name: 'quadcue',
      decoder: decoderOf(quadcueProfile, new Map([[DESCRIPTION_CHAR_UUID, description]])),
      characteristics: [DATA_CHAR_UUID, CONTROL_CHAR_UUID],
      valid: (random) => quadcueFrames[random.nextInt(quadcueFrames.length)]!,
    },
    {
      name: 'tindeq-progressor',
      decoder: decoderOf(tindeqProgressorProfile, new Map()),
      characteristics: ['7e4e1702-1ea6-40c9-9dcc-13d34ffead57'],
      valid: (random) =>
        tindeqWeightNotification(Array.from({ length: 1 + random.nextInt(15) }, (_, i) => ({ kg: random.uniform(-5, 150), timeUs: 12_500 * i + random.nextInt(1000) }))),
    },
    {
      name: 'openbci-ganglion-fw3',
      decoder: decoderOf(openbciGanglionProfile, new Map([[SOFTWARE_REVISION_UUID, new TextEncoder().encode('3.1.2')]])),
      characteristics: ['2d30c082-f39f-4ce6-923f-3484ea480596'],
      valid: (random) => ganglionFw3Packet(random.nextInt(100), Array.from({ length: 8 }, () => random.nextInt(2 ** 17) - 2 ** 16)),
    },
    {
      name: 'openbci-ganglion-fw2',
      decoder: decoderOf(openbciGanglionProfile, new Map([[SOFTWARE_REVISION_UUID, new TextEncoder().encode('2.0.0')]])),
      characteristics: ['2d30c082-f39f-4ce6-923f-3484ea480596'],
      valid: (random) => ganglionFw3Packet(random.nextInt(201), Array.from({ length: 8 }, () => random.nextInt(2 ** 17))),
    },
  ];
}

/** `framesPerDecoder` hostile notifications into each profile's decoder (a fresh decoder every 1000). */
export function decoderCampaigns(seed: number, framesPerDecoder: number): CampaignResult[] {
  return decoderTargets(seed).map((target) => {
    const random = new Prng(seed ^ target.name.length);
    const result: CampaignResult = { name: `decoder ${target.name}`, inputs: 0, exceptions: 0, outcomes: {} };
    let decoder = target.decoder();
    for (let i = 0; i < framesPerDecoder; i++) {
      if (i % 1000 === 0) decoder = target.decoder();
      const bytes = random.nextInt(4) === 0 ? randomBytes(random, 520) : mutateBytes(random, target.valid(random), target.valid(random));
      const characteristic = target.characteristics[random.nextInt(target.characteristics.length)]!;
      result.inputs++;
      try {
        const decoded = decoder.decode(bytes, characteristic);
        count(result, decoded.kind === 'rejected' ? `rejected:${decoded.reason}` : decoded.kind);
      } catch {
        result.exceptions++;
      }
    }
    return result;
  });
}

function validCapture(random: Prng): string {
  const sim = new ReferencePeripheral({ seed: random.nextInt(1000), loop: true });
  const lines = [formatCaptureHeader({ device: { name: 'Quadcue EMG', services: ['5b090001-3804-4a5c-ae72-9dec7c60a1b4'], info: {} }, startedAt: '2026-11-27T10:00:00.000Z' })];
  lines.push(formatCaptureEvent({ tMs: 0, op: 'read', characteristic: DESCRIPTION_CHAR_UUID, bytes: sim.readDescription() }));
  let t = 1;
  for (const event of sim.advance(300_000)) {
    if (event.kind === 'notify') lines.push(formatCaptureEvent({ tMs: t++, op: 'notify', characteristic: DATA_CHAR_UUID, bytes: event.bytes }));
  }
  return lines.join('\n') + '\n';
}

function validCsv(random: Prng): string {
  const rows = ['time_s,VMO[uV],VL[uV],force[N]'];
  for (let i = 0; i < 50; i++) rows.push(`${(i / 1000).toFixed(3)},${random.uniform(-50, 50).toFixed(2)},${random.uniform(-50, 50).toFixed(2)},${random.uniform(0, 300).toFixed(1)}`);
  return rows.join('\n') + '\n';
}

function validEdf(random: Prng): Uint8Array {
  const seconds = 2 + random.nextInt(3);
  const written = writeEdf({
    startedAt: '2026-11-27T10:00:00.000Z',
    patientCode: 'P-017',
    simulated: false,
    channels: [
      { label: 'VMO', unit: 'uV', sampleRateHz: 200, samples: Float32Array.from({ length: 200 * seconds }, () => random.uniform(-80, 80)) },
      { label: 'force', unit: 'N', sampleRateHz: 80, samples: Float32Array.from({ length: 80 * seconds }, () => random.uniform(0, 400)) },
    ],
    annotations: [{ onsetS: 0.5, durationS: 1, text: 'rep 1' }],
  });
  if (!written.ok) throw new Error(written.error.detail);
  return written.bytes;
}

/** `filesPerFormat` hostile EDF+ files (binary: bytes mutated, not text). */
function edfCampaign(random: Prng, filesPerFormat: number): CampaignResult {
  const valid = [validEdf(random), validEdf(random)];
  const result: CampaignResult = { name: 'import EDF+', inputs: 0, exceptions: 0, outcomes: {} };
  for (let i = 0; i < filesPerFormat; i++) {
    const bytes = random.nextInt(10) === 0 ? randomBytes(random, 4000) : mutateBytes(random, valid[random.nextInt(2)]!, valid[random.nextInt(2)]!);
    result.inputs++;
    try {
      const read = readEdf(bytes);
      count(result, read.ok ? 'accepted' : `rejected:${read.error.code}`);
    } catch {
      result.exceptions++;
    }
  }
  return result;
}

let backupDatabases = 0;

async function validBackup(): Promise<string> {
  // A fresh in-memory database (fake-indexeddb) per call, so repeated campaigns do not collide.
  const db = await openQuadcueDb({ name: `fuzz-backup-${backupDatabases++}` });
  await seedTwoPatients(db);
  const text = await createBackup(db, '2026-11-27T10:00:00.000Z');
  db.close();
  return text;
}

async function validProgramLink(): Promise<string> {
  const quadSet = exerciseFromLibrary('quad-set');
  if (!quadSet.ok) throw new Error('library entry invalid');
  return encodeProgramLink({ exercises: [quadSet.value], schedule: { daysPerWeek: 5, sessionsPerDay: 2 } });
}

/** Backups and program links: parsed asynchronously or from a database, so a campaign of their own. */
async function asyncCampaigns(random: Prng, filesPerFormat: number): Promise<CampaignResult[]> {
  const backup = await validBackup();
  const link = await validProgramLink();
  const backupResult: CampaignResult = { name: 'import backup', inputs: 0, exceptions: 0, outcomes: {} };
  const linkResult: CampaignResult = { name: 'import program link', inputs: 0, exceptions: 0, outcomes: {} };
  for (let i = 0; i < filesPerFormat; i++) {
    backupResult.inputs++;
    try {
      const parsed = parseBackup(mutateText(random, backup));
      count(backupResult, parsed.ok ? 'accepted' : `rejected:${parsed.error.code}`);
    } catch {
      backupResult.exceptions++;
    }
    linkResult.inputs++;
    try {
      const data = mutateText(random, link.slice(PROGRAM_LINK_PREFIX.length));
      const decoded = await decodeProgramLink(PROGRAM_LINK_PREFIX + data);
      count(linkResult, decoded.ok ? 'accepted' : `rejected:${decoded.error.code}`);
    } catch {
      linkResult.exceptions++;
    }
  }
  return [backupResult, linkResult];
}

/** `filesPerFormat` hostile import files per format. */
export async function importCampaigns(seed: number, filesPerFormat: number): Promise<CampaignResult[]> {
  const random = new Prng(seed);
  const captures = [validCapture(random), validCapture(random)];
  const csvs = [validCsv(random), validCsv(random)];
  const formats: { name: string; valid: string[]; parse: (text: string) => string }[] = [
    { name: 'capture (.jsonl)', valid: captures, parse: (text) => { const r = parseCapture(text); return r.ok ? 'accepted' : `rejected:${r.error.code}`; } },
    { name: 'CSV', valid: csvs, parse: (text) => { const r = parseCsvRecording(text, { rateHz: 1000 }); return r.ok ? 'accepted' : `rejected:${r.error.code}`; } },
  ];
  const textResults = formats.map((format) => {
    const result: CampaignResult = { name: `import ${format.name}`, inputs: 0, exceptions: 0, outcomes: {} };
    for (let i = 0; i < filesPerFormat; i++) {
      const text = mutateText(random, format.valid[random.nextInt(format.valid.length)]!);
      result.inputs++;
      try {
        count(result, format.parse(text));
      } catch {
        result.exceptions++;
      }
    }
    return result;
  });
  return [...textResults, edfCampaign(random, filesPerFormat), ...(await asyncCampaigns(random, filesPerFormat))];
}

export function formatResults(results: CampaignResult[]): string {
  return results
    .map((r) => {
      const outcomes = Object.entries(r.outcomes)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      return `${r.name}: ${r.inputs} inputs, ${r.exceptions} exceptions — ${outcomes}`;
    })
    .join('\n');
}
