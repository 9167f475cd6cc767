import { hashForScreen, screenIds, type ScreenId } from '../../state/route-model';
import { screens, shell } from '../strings';
import { NavIcon } from './NavIcon';

export function NavBar({ current }: { current: ScreenId }) {
  return (
    <nav class="nav" aria-label={shell.mainNavLabel}>
      <ul class="nav-list">
        {screenIds.map((id) => (
          <li key={id}>
            <a
              class="nav-link"
              href={hashForScreen(id)}
              aria-current={id === current ? 'page' : undefined}
            >
              <NavIcon screen={id} />
              <span class="nav-label">{screens[id].nav}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
