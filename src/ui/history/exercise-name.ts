import { exerciseNames } from '../../exercise/exercise-names';
import { EXERCISE_IDS, type ExerciseId } from '../../exercise/exercise-ids';

/** The library's name for a session's exercise; an id from elsewhere (a program's own) shows as it is. */
export function exerciseName(exerciseId: string): string {
  return (EXERCISE_IDS as readonly string[]).includes(exerciseId) ? exerciseNames[exerciseId as ExerciseId] : exerciseId;
}
