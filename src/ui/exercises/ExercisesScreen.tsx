import { EmptyState } from '../common/EmptyState';
import { ScreenTitle } from '../common/ScreenTitle';
import { NavIcon } from '../shell/NavIcon';
import { emptyStates, screens } from '../strings';

export function ExercisesScreen() {
  return (
    <>
      <ScreenTitle>{screens.exercises.title}</ScreenTitle>
      <EmptyState {...emptyStates.exercises} art={<NavIcon screen="exercises" />} />
    </>
  );
}
