// The exercise library's identifiers, on their own so that programs (which name a library entry)
// and the library (which holds default programs) do not import each other.

export const EXERCISE_IDS = [
  'quad-set',
  'straight-leg-raise',
  'short-arc-quad',
  'terminal-knee-extension',
  'wall-sit',
  'isometric-knee-extension',
  'step-down',
] as const;

export type ExerciseId = (typeof EXERCISE_IDS)[number];
