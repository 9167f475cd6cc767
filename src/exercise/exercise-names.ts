// The library's exercise names alone, so History, the home screen and the report can name a
// session without loading every instruction line (library-text.ts holds the rest of the words).
import type { ExerciseId } from './exercise-ids.ts';

export const exerciseNames: Readonly<Record<ExerciseId, string>> = {
  'quad-set': 'Quad set',
  'straight-leg-raise': 'Straight-leg raise',
  'short-arc-quad': 'Short-arc quad',
  'terminal-knee-extension': 'Terminal knee extension',
  'wall-sit': 'Wall sit',
  'isometric-knee-extension': 'Knee extension against the force gauge',
  'step-down': 'Step-down',
};
