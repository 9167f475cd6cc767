// The words of the cues, cue settings and signal check. Plain
// language: patients read, hear and act on these mid-exercise.
import type { CueWords } from '../../state/cue-types';
import type { AdviceAction, CheckStatus, SignalCheckName } from '../signal-check/signal-advice';
import type { CueSettingName } from '../../state/cue-settings';

export const cueWords: CueWords = {
  // Any English on-device voice may speak them; the exact regional accent does not matter.
  lang: 'en',
  banner: {
    squeeze: 'Squeeze',
    hold: (count) => (count === null ? 'Hold' : `Hold ${count}`),
    relax: 'Relax',
    done: 'Well done',
  },
  spoken: {
    squeeze: 'Squeeze',
    count: (count) => String(count),
    relax: 'Relax',
    done: 'Well done',
  },
  announce: {
    squeeze: (rep, reps) => `Rep ${rep} of ${reps}. Squeeze.`,
    hold: 'In the target. Hold.',
    relax: 'Relax.',
    rep: (rep, reps, achieved) => (achieved ? `Rep ${rep} of ${reps} done.` : `Rep ${rep} of ${reps}: hold not reached.`),
    set: (set, sets) => `Set ${set} of ${sets} complete.`,
    session: 'Exercise complete. Well done.',
  },
};

export const cueSettingsText: {
  heading: string;
  intro: string;
  switches: Record<CueSettingName, { label: string; hint: string }>;
  noVibration: string;
  noVoice: string;
} = {
  heading: 'Cues during exercise',
  intro: 'Choose how Quadcue tells you to squeeze, hold and relax. Your choices are kept on this device.',
  switches: {
    colourWords: { label: 'Colours and words', hint: 'A large coloured sign with a shape and a word: Squeeze, Hold, Relax, Well done.' },
    sound: { label: 'Tones', hint: 'A short tone when you reach the target, and a higher one when a hold is complete.' },
    continuousPitch: { label: 'Pitch follows your effort', hint: 'A steady tone that rises as the muscle works harder and falls as it eases.' },
    vibration: { label: 'Vibration', hint: 'Short buzzes at each step, on phones that can vibrate.' },
    spokenCounting: { label: 'Spoken counting', hint: 'A voice built into this device says the steps and counts each hold down. Nothing is sent over the internet.' },
  },
  noVibration: 'This device cannot vibrate.',
  noVoice: 'This device has no built-in English voice, so nothing will be spoken.',
};

const checkLabels: Record<SignalCheckName, string> = {
  'rest-noise': 'Noise with the muscle at rest',
  'mains-hum': 'Mains hum',
  impedance: 'Skin contact (impedance)',
};

const statusWords: Record<CheckStatus, string> = {
  good: 'Good',
  ok: 'Acceptable',
  adjust: 'Too high',
  'no-data': 'Not measured yet',
};

/** µV with one decimal under 10, whole numbers above; ohms as kΩ. */
function formatValue(value: number, unit: 'uV' | 'ohm'): string {
  if (unit === 'ohm') return `${(value / 1000).toFixed(value < 10_000 ? 1 : 0)} kΩ`;
  return `${value.toFixed(value < 10 ? 1 : 0)} µV`;
}

export const signalCheckText = {
  heading: 'Signal check',
  intro: 'Sit or lie with your leg supported and relaxed for a few seconds while Quadcue listens to the sensor.',
  verdicts: {
    pass: 'The signal looks good. You can start.',
    adjust: 'Adjust the electrodes before you start.',
    incomplete: 'Measuring… keep your leg relaxed and still.',
  },
  checkLabel: (name: SignalCheckName) => checkLabels[name],
  statusWord: (status: CheckStatus) => statusWords[status],
  value: formatValue,
  limits: (goodMax: number, okMax: number, unit: 'uV' | 'ohm') => `Good up to ${formatValue(goodMax, unit)}, acceptable up to ${formatValue(okMax, unit)}`,
  actionsHeading: 'What to try',
  actions: {
    'relax-leg': 'Let your leg rest completely: support it and let the thigh go soft. Tension shows up as noise.',
    'press-electrodes': 'Press each electrode down firmly all round its edge. Replace any that have lost their stickiness or gel.',
    'prepare-skin': 'Prepare the skin: shave if hairy, clean with an alcohol wipe, let it dry, then use fresh electrodes.',
    'check-reference': 'Check the reference electrode on the kneecap: firmly stuck, with its lead clipped on.',
    'away-from-mains': 'Move away from mains cables, and unplug chargers and lamps close to you or the sensor.',
  } satisfies Record<AdviceAction, string>,
  guidance: 'These limits are general guidance for surface EMG; your therapist may set others. Needs vary by clinician and case.',
  skinPrepHeading: 'Preparing the skin',
  // SENIAM (Hermens et al. 2000): shave, clean with alcohol, let the skin dry; the rest is practical care.
  skinPrepTips: [
    'If the area is hairy, shave it — ideally the evening before, so the skin is not sore.',
    'Clean the skin with an alcohol wipe and let it dry completely, about a minute.',
    'Do not put cream, lotion or oil on the thigh before a session.',
    'Use fresh gel electrodes and press each one down firmly all round for a few seconds.',
    'Wait a minute or two before the signal check: contact improves as the gel settles.',
    'Tape or clip the cable so it cannot tug on the electrodes when you move.',
    'Never place electrodes on broken or irritated skin. If your skin reddens or itches afterwards, tell your therapist.',
  ],
  placement: {
    vmo: {
      title: 'Where to place the VMO (inner quad) electrodes on the right thigh',
      description:
        'Front view of a right thigh. Picture a line from the bony point at the front of the hip (ASIS) to the inner side of ' +
        'the knee joint. The two electrodes go 80 % of the way down that line, side by side almost across it, 2 cm apart. ' +
        'The reference electrode goes on the kneecap.',
      fraction: '80 %',
      target: 'Inner knee joint',
    },
    vl: {
      title: 'Where to place the VL (outer quad) electrodes on the right thigh',
      description:
        'Front view of a right thigh. Picture a line from the bony point at the front of the hip (ASIS) to the outer edge of ' +
        'the kneecap. The two electrodes go two-thirds of the way down that line, one above the other along it, 2 cm apart. ' +
        'The reference electrode goes on the kneecap.',
      fraction: '⅔',
      target: 'Outer edge of kneecap',
    },
    asis: 'Hip bone (ASIS)',
    kneecap: 'Kneecap',
    electrodes: 'Electrode pair (the sensor)',
    reference: 'Reference electrode',
    outer: 'Outer',
    inner: 'Inner',
    leftLeg: 'For the left leg, use the mirror image.',
  },
};

export const impedanceText = {
  check: 'Check electrode contact',
  checking: 'Measuring skin contact… keep still.',
  note: 'The Ganglion measures each electrode’s contact with the skin by sending a tiny test current.',
};
