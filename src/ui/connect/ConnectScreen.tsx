import { EmptyState } from '../common/EmptyState';
import { ScreenTitle } from '../common/ScreenTitle';
import { NavIcon } from '../shell/NavIcon';
import { emptyStates, screens } from '../strings';

export function ConnectScreen() {
  return (
    <>
      <ScreenTitle>{screens.connect.title}</ScreenTitle>
      <EmptyState {...emptyStates.connect} art={<NavIcon screen="connect" />} />
    </>
  );
}
