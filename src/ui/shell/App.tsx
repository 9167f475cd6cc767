import { createRouteModel } from '../../state/route-model';
import { shell } from '../strings';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { OfflineToast } from './OfflineToast';
import { BluetoothNotice } from './BluetoothNotice';
import { screenComponent } from './screen-loader';
import { Announcer } from './Announcer';
import { lazySlot } from './lazy-slot';

// Interrupted recordings are looked up once, after start-up; the database code loads with it.
const InterruptedBanner = lazySlot(() => import('./InterruptedBanner').then((m) => m.InterruptedBanner));

const route = createRouteModel(window);

export function App() {
  const Screen = screenComponent(route.current.value);
  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {shell.skipToContent}
      </a>
      <Header />
      <NavBar current={route.current.value} />
      <main id="main" class="main" tabIndex={-1}>
        <BluetoothNotice />
        <InterruptedBanner />
        {Screen && <Screen />}
      </main>
      <OfflineToast />
      <Announcer />
    </div>
  );
}
