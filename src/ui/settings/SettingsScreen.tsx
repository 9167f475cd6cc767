import { EmptyState } from '../common/EmptyState';
import { ScreenTitle } from '../common/ScreenTitle';
import { NavIcon } from '../shell/NavIcon';
import { emptyStates, screens } from '../strings';

export function SettingsScreen() {
  return (
    <>
      <ScreenTitle>{screens.settings.title}</ScreenTitle>
      <EmptyState {...emptyStates.settings} art={<NavIcon screen="settings" />} />
    </>
  );
}
