import { createRouteModel, type ScreenId } from '../../state/route-model';
import { shell } from '../strings';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { OfflineToast } from './OfflineToast';
import { BluetoothNotice } from './BluetoothNotice';
import { ConnectScreen } from '../connect/ConnectScreen';
import { LiveScreen } from '../live/LiveScreen';
import { ExercisesScreen } from '../exercises/ExercisesScreen';
import { HistoryScreen } from '../history/HistoryScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { AboutScreen } from '../about/AboutScreen';
import type { ComponentType } from 'preact';

const route = createRouteModel(window);

const screenComponents: Record<ScreenId, ComponentType> = {
  connect: ConnectScreen,
  live: LiveScreen,
  exercises: ExercisesScreen,
  history: HistoryScreen,
  settings: SettingsScreen,
  about: AboutScreen,
};

export function App() {
  const Screen = screenComponents[route.current.value];
  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {shell.skipToContent}
      </a>
      <Header />
      <NavBar current={route.current.value} />
      <main id="main" class="main" tabIndex={-1}>
        <BluetoothNotice />
        <Screen />
      </main>
      <OfflineToast />
    </div>
  );
}
