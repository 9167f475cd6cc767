// Every word of the exercise library a patient reads: names, instruction lines, electrode
// placement and the safety line. Kept apart from library.ts (numbers) so that the wording can be
// reviewed, translated or moved into src/ui/strings.ts without touching the exercise data.

import type { ExerciseId } from './exercise-ids.ts';
import { exerciseNames } from './exercise-names.ts';

export interface ExerciseText {
  name: string;
  /** Two or three short lines, read in order. */
  instructions: readonly string[];
  /** Extra line for exercises that report a measurement (step-down's onset timing). */
  measurementNote?: string;
}

/** Shown with every exercise. */
export const safetyLine = 'Stop if pain increases, and tell your therapist.';

/**
 * Electrode sites, the same for every exercise (clinical.md, "Electrode sites": VMO at about 80 %
 * along the line from the front hip bone (ASIS) to the inner knee joint line; VL at two-thirds
 * along the line from the ASIS to the outer edge of the kneecap).
 */
export const electrodePlacement = {
  VMO:
    'Inner thigh (VMO): on the bulge just above and inside the kneecap, about four-fifths of the way ' +
    'from the bony point at the front of your hip to the inner side of the knee joint.',
  VL:
    'Outer thigh (VL): two-thirds of the way from the bony point at the front of your hip ' +
    'to the outer edge of the kneecap.',
} as const;

export const exerciseText: Readonly<Record<ExerciseId, ExerciseText>> = {
  'quad-set': {
    name: exerciseNames['quad-set'],
    instructions: [
      'Sit or lie with your leg straight out in front of you.',
      'Tighten the muscle on top of your thigh and press the back of your knee down.',
      'Hold while the bar stays in the target band, then let go fully.',
    ],
  },
  'straight-leg-raise': {
    name: exerciseNames['straight-leg-raise'],
    instructions: [
      'Lie on your back with your other knee bent and that foot flat.',
      'Tighten your thigh to straighten the knee, then lift the leg to the height of your other knee.',
      'Hold, then lower the leg slowly and relax.',
    ],
  },
  'short-arc-quad': {
    name: exerciseNames['short-arc-quad'],
    instructions: [
      'Lie on your back with a rolled towel under your knee.',
      'Tighten your thigh and lift your heel until the knee is straight, keeping the knee on the towel.',
      'Hold, then lower the heel slowly.',
    ],
  },
  'terminal-knee-extension': {
    name: exerciseNames['terminal-knee-extension'],
    instructions: [
      'Stand with an exercise band looped behind your knee and fixed in front of you.',
      'Let the knee bend a little, then push it back until the leg is straight against the band.',
      'Hold, then let the knee bend again slowly.',
    ],
  },
  'wall-sit': {
    name: exerciseNames['wall-sit'],
    instructions: [
      'Lean your back against a wall with your feet a step forward and hip-width apart.',
      'Slide down only as far as your therapist showed you, knees over your feet.',
      'Hold, then slide back up.',
    ],
  },
  'isometric-knee-extension': {
    name: exerciseNames['isometric-knee-extension'],
    instructions: [
      'Sit with the force gauge strap around your ankle and your knee at the angle your therapist set.',
      'Push your leg forward into the strap without moving the knee.',
      'Hold, then ease off slowly.',
    ],
  },
  'step-down': {
    name: exerciseNames['step-down'],
    instructions: [
      'Stand on a low step on the leg being trained.',
      'Slowly lower your other heel to touch the floor, keeping your knee over your middle toes.',
      'Stand back up and repeat.',
    ],
    measurementNote:
      'Quadcue shows when your inner and outer thigh muscles switch on. It is a measurement, not a diagnosis.',
  },
};
