// The export read back by someone else's reader: Debian's biosig-tools (save2gdf, libbiosig),
// which .ci/run installs. Missing, the test fails and says what to install: it never skips.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEdfHeader } from './edf-header';
import { readEdf } from './edf-reader';
import { sessionRecording, sortedAnnotations } from './edf-test-recordings';
import { writeEdf } from './edf-writer';

const SAVE2GDF = 'save2gdf';
/** save2gdf's ASCII export prints samples with %g: 6 significant digits, so ±5e-6 relative on top of quantisation. */
const PRINT_RELATIVE = 5e-6;

interface BiosigChannel {
  label: string;
  unit: string;
  rateHz: number;
  samples: number[];
}

interface BiosigEvent {
  onsetS: number;
  durationS: number;
  text: string;
}

/** Parses save2gdf's "BIOSIG ASCII" header: one [Header 2] block per channel, then the event table. */
function parseBiosigAscii(dir: string, headerText: string): { channels: BiosigChannel[]; events: BiosigEvent[] } {
  const [header, table = ''] = headerText.split('[EVENT TABLE]');
  const channels = (header!.split('[Header 2]')[1] ?? '')
    .split(/\n(?=Filename\s*=)/)
    .filter((block) => block.includes('Label'))
    .map((block) => {
      const field = (name: string) => new RegExp(`^${name}\\s*=\\s*([^\\t#\\n]*)`, 'm').exec(block)?.[1]?.trim() ?? '';
      const samples = readFileSync(resolve(dir, field('Filename')), 'utf8').trim().split('\n').map(Number);
      return { label: field('Label'), unit: field('PhysicalUnits'), rateHz: Number(field('SamplingRate')), samples };
    });
  const events = table
    .split('\n')
    .filter((line) => line.startsWith('0x'))
    .map((line) => {
      const [, pos, dur, , text] = line.split('\t');
      return { onsetS: Number(pos), durationS: Number(dur), text: text ?? '' };
    });
  return { channels, events };
}

describe('EDF+ export read by biosig-tools (save2gdf)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quadcue-edf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same samples within quantisation, labels, units and annotations; re-imported, identical', () => {
    const session = sessionRecording();
    const written = writeEdf(session);
    if (!written.ok) throw new Error(written.error.detail);
    const edfPath = join(dir, 'session.edf');
    writeFileSync(edfPath, written.bytes);

    const run = spawnSync(SAVE2GDF, ['-f=ASCII', edfPath, join(dir, 'session.txt')], { encoding: 'utf8', timeout: 60_000 });
    if (run.error) {
      throw new Error(`${SAVE2GDF} could not run (${run.error.message}): install Debian's biosig-tools (apt-get install biosig-tools; .ci/run does).`);
    }
    expect(run.status, run.stderr).toBe(0);
    const biosig = parseBiosigAscii(dir, readFileSync(join(dir, 'session.txt'), 'utf8'));
    const header = parseEdfHeader(written.bytes);
    if (!header.ok) throw new Error(header.error.detail);

    expect(biosig.channels.map((c) => [c.label, c.unit, c.rateHz])).toEqual(session.channels.map((c) => [c.label, c.unit, c.sampleRateHz]));
    session.channels.forEach((channel, c) => {
      const theirs = biosig.channels[c]!.samples;
      const signal = header.header.signals[c]!;
      const stepUnits = (signal.physicalMax - signal.physicalMin) / 65535;
      // Padded to whole records: the reader shows the padding, marked "end of …".
      expect(theirs.length).toBe(header.header.recordCount * signal.samplesPerRecord);
      let worstSteps = 0;
      channel.samples.forEach((value, i) => {
        if (Number.isNaN(value)) return;
        const error = Math.abs(theirs[i]! - value) - PRINT_RELATIVE * Math.abs(value);
        worstSteps = Math.max(worstSteps, error / stepUnits);
      });
      expect(worstSteps, `${channel.label}: worst error in quantisation steps`).toBeLessThanOrEqual(1);
    });

    // Every annotation, ours and the gap/end marks, at its onset with its duration (0 when none).
    const expected = ['rep 1', 'rep 2', 'cue: push', 'pain 2/10 – fine', 'gap in VMO', 'gap in VL', 'gap in force', 'end of force', 'end of VMO', 'end of VL'];
    expect(biosig.events.map((e) => e.text).sort()).toEqual(expected.sort());
    for (const annotation of session.annotations) {
      const event = biosig.events.find((e) => e.text === annotation.text)!;
      expect(event.onsetS).toBeCloseTo(annotation.onsetS, 5);
      expect(event.durationS).toBeCloseTo(annotation.durationS ?? 0, 5);
    }
    const gap = biosig.events.find((e) => e.text === 'gap in force')!;
    expect([gap.onsetS, gap.durationS]).toEqual([2.5, 0.05]);

    // Re-imported into Quadcue from the same file: the same model, NaN where samples were lost.
    const back = readEdf(readFileSync(edfPath));
    if (!back.ok) throw new Error(back.error.detail);
    expect(back.recording).toMatchObject({ startedAt: session.startedAt, patientCode: session.patientCode, simulated: true });
    expect(back.recording.annotations).toEqual(sortedAnnotations(session));
    back.recording.channels.forEach((channel, c) => {
      const theirs = biosig.channels[c]!.samples;
      expect(channel.samples.length).toBe(session.channels[c]!.samples.length);
      channel.samples.forEach((value, i) => {
        if (Number.isNaN(value)) expect(Number.isNaN(session.channels[c]!.samples[i]!)).toBe(true);
        // Both readers scale the same 16-bit values: they differ only by save2gdf's printing.
        else expect(Math.abs(value - theirs[i]!)).toBeLessThanOrEqual(PRINT_RELATIVE * Math.abs(value) + 1e-9);
      });
    });
  });
});
