// Recordings for the format tests (imported by *.test.ts only): a Quadcue session as the export
// sees it — two 2 kHz EMG channels from one sensor and an 80 Hz force channel from another, with
// reps, cues, a lost stretch of both EMG channels and a shorter one of force. Seeded, so every
// run writes the same bytes.
import { Prng } from '../../../firmware-protocol/sim/prng';
import type { RecordingAnnotation, RecordingModel } from './recording-model';

export const EMG_RATE_HZ = 2000;
export const FORCE_RATE_HZ = 80;
/** Reps, as the exercise engine marks them: onset and hold, s. */
const REPS = [
  { onsetS: 0.8, durationS: 1.0 },
  { onsetS: 2.2, durationS: 1.2 },
];

function emg(prng: Prng, length: number, restUv: number, activeUv: number): Float32Array {
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const tS = i / EMG_RATE_HZ;
    const active = REPS.some((rep) => tS >= rep.onsetS && tS < rep.onsetS + rep.durationS);
    // Surface EMG is close to band-limited Gaussian noise; 50 Hz hum rides on it.
    samples[i] = (active ? activeUv : restUv) * prng.nextGaussian() + 20 * Math.sin(2 * Math.PI * 50 * tS);
  }
  return samples;
}

function force(prng: Prng, length: number): Float32Array {
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const tS = i / FORCE_RATE_HZ;
    const active = REPS.some((rep) => tS >= rep.onsetS && tS < rep.onsetS + rep.durationS);
    samples[i] = (active ? 180 : 4) + 0.5 * prng.nextGaussian();
  }
  return samples;
}

/**
 * 12.0025 s of EMG (so both EMG channels end inside the 13th 1 s record), 12 s of force; EMG lost
 * from 0.5 to 0.55 s on both channels, force from 2.5 to 2.55 s. Rest after the reps gives the
 * onset detector's automatic baseline its quiet seconds (src/signal/onsets.ts).
 */
export function sessionRecording(seed = 7): RecordingModel {
  const prng = new Prng(seed);
  const vmo = emg(prng, 24005, 8, 250);
  const vl = emg(prng, 24005, 10, 320);
  const forceN = force(prng, 960);
  vmo.fill(NaN, 1000, 1100);
  vl.fill(NaN, 1000, 1100);
  forceN.fill(NaN, 200, 204);
  const annotations: RecordingAnnotation[] = [
    ...REPS.map((rep, i) => ({ onsetS: rep.onsetS, durationS: rep.durationS, text: `rep ${i + 1}` })),
    { onsetS: 0.75, text: 'cue: push' },
    { onsetS: 3.6, text: 'pain 2/10 – fine' },
  ];
  return {
    startedAt: '2025-03-01T09:30:00.000Z',
    patientCode: 'QC-0042',
    simulated: true,
    channels: [
      { label: 'VMO', unit: 'uV', sampleRateHz: EMG_RATE_HZ, samples: vmo },
      { label: 'VL', unit: 'uV', sampleRateHz: EMG_RATE_HZ, samples: vl },
      { label: 'force', unit: 'N', sampleRateHz: FORCE_RATE_HZ, samples: forceN },
    ],
    annotations,
  };
}

/** The annotations of `model` sorted as the reader returns them: by onset, ties in file order. */
export function sortedAnnotations(model: RecordingModel): RecordingAnnotation[] {
  return [...model.annotations].sort((a, b) => a.onsetS - b.onsetS);
}
