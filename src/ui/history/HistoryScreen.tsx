import { EmptyState } from '../common/EmptyState';
import { ScreenTitle } from '../common/ScreenTitle';
import { NavIcon } from '../shell/NavIcon';
import { emptyStates, screens } from '../strings';

export function HistoryScreen() {
  return (
    <>
      <ScreenTitle>{screens.history.title}</ScreenTitle>
      <EmptyState {...emptyStates.history} art={<NavIcon screen="history" />} />
    </>
  );
}
