import { EmptyState } from '../common/EmptyState';
import { ScreenTitle } from '../common/ScreenTitle';
import { NavIcon } from '../shell/NavIcon';
import { emptyStates, screens } from '../strings';

export function LiveScreen() {
  return (
    <>
      <ScreenTitle>{screens.live.title}</ScreenTitle>
      <EmptyState {...emptyStates.live} art={<NavIcon screen="live" />} />
    </>
  );
}
