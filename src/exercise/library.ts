// The exercise library as data: one entry per exercise, with the default prescription a therapist
// starts from and edits. Words live in library-text.ts; validation in program.ts.
//
// Sources for the defaults (shared/reference/clinical.md):
// - "quad set 10 s on / 10 s off"; "straight-leg raise 15 reps with 5 s hold and 5 s rest"
//   (mTrigger examples, "Exercise timing").
// - Targets: "~40 % of the calibration maximum" (Luna EMG vendor default) as a threshold, written
//   here as the band 40–100 %MVC; "55–65 % MVC" bands from studies for the isometric holds.
//   No consensus exists: the therapist sets the band per exercise ("Normalisation and targets").
// - Rest between sets 60 s: the EMG spectrum's fatigue shift "recovers within about a minute"
//   ("Fatigue").
// Numbers not in clinical.md (reps and sets of the other exercises, wall-sit and step-down
// timing) are illustrative starting points, marked so below, for the therapist to change.

import { EXERCISE_IDS, type ExerciseId } from './exercise-ids.ts';
import { validateExercise, type Exercise, type TargetBand, type Validated } from './program.ts';

export interface LibraryEntry {
  id: ExerciseId;
  /** EMG sensor on VMO and VL, or a force dynamometer. */
  device: 'emg' | 'dynamometer';
  /** Step-down: the summary reports VMO vs VL onset timing (Cowan et al. 2001, clinical.md). */
  reportsOnsetTiming: boolean;
  defaults: Readonly<Exercise>;
}

/** Luna EMG's default threshold, written as a band with an open top (clinical.md). */
const LUNA_THRESHOLD_BAND: TargetBand = { unit: '%MVC', low: 40, high: 100 };
/** Target band used in studies (clinical.md, "Normalisation and targets"). */
const STUDY_BAND: TargetBand = { unit: '%MVC', low: 55, high: 65 };
const REST_BETWEEN_SETS_S = 60;

function entry(id: ExerciseId, device: LibraryEntry['device'], exercise: Omit<Exercise, 'libraryId' | 'restBetweenSetsS'>): LibraryEntry {
  return {
    id,
    device,
    reportsOnsetTiming: id === 'step-down',
    defaults: { libraryId: id, restBetweenSetsS: REST_BETWEEN_SETS_S, ...exercise, target: { ...exercise.target } },
  };
}

const ENTRIES: Record<ExerciseId, LibraryEntry> = {
  // 10 s on / 10 s off (clinical.md); 10 reps × 1 set illustrative.
  'quad-set': entry('quad-set', 'emg', { signal: 'VMO', target: STUDY_BAND, holdS: 10, relaxS: 10, reps: 10, sets: 1 }),
  // 15 reps, 5 s hold, 5 s rest (clinical.md).
  'straight-leg-raise': entry('straight-leg-raise', 'emg', { signal: 'VMO', target: LUNA_THRESHOLD_BAND, holdS: 5, relaxS: 5, reps: 15, sets: 1 }),
  // Same timing as the straight-leg raise (illustrative: a short hold at the end of range).
  'short-arc-quad': entry('short-arc-quad', 'emg', { signal: 'VMO', target: LUNA_THRESHOLD_BAND, holdS: 5, relaxS: 5, reps: 15, sets: 1 }),
  'terminal-knee-extension': entry('terminal-knee-extension', 'emg', { signal: 'VMO', target: LUNA_THRESHOLD_BAND, holdS: 5, relaxS: 5, reps: 15, sets: 1 }),
  // Illustrative: 3 × 30 s holds with equal rest.
  'wall-sit': entry('wall-sit', 'emg', { signal: 'VMO', target: LUNA_THRESHOLD_BAND, holdS: 30, relaxS: 30, reps: 3, sets: 1 }),
  // %MVC of the calibrated maximal force; 5 × 5 s with 10 s off is illustrative.
  'isometric-knee-extension': entry('isometric-knee-extension', 'dynamometer', { signal: 'force', target: STUDY_BAND, holdS: 5, relaxS: 10, reps: 5, sets: 1 }),
  // A step down and up takes about a second (the demo sensor's step-down scenario holds 1 s);
  // 10 reps illustrative. The onset timing, not the hold, is the point of this exercise.
  'step-down': entry('step-down', 'emg', { signal: 'VMO', target: LUNA_THRESHOLD_BAND, holdS: 1, relaxS: 2, reps: 10, sets: 1 }),
};

/** Library entries in display order. */
export const LIBRARY: readonly LibraryEntry[] = EXERCISE_IDS.map((id) => ENTRIES[id]);

export function libraryEntry(id: ExerciseId): LibraryEntry {
  return ENTRIES[id];
}

/**
 * A therapist's edit of a library entry: the defaults with `changes` applied, checked like any
 * program from outside (changes may come straight from a form).
 */
export function exerciseFromLibrary(id: ExerciseId, changes: Partial<Exercise> = {}): Validated<Exercise> {
  const base = ENTRIES[id].defaults;
  return validateExercise({ ...base, ...changes, target: { ...base.target, ...changes.target }, libraryId: id });
}
