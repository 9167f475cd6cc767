import { appName, shell } from '../strings';
import { AppMark } from './AppMark';

export function Header() {
  return (
    <header class="header">
      <div class="brand">
        <AppMark />
        <span class="brand-name">{appName}</span>
      </div>
      <div class="connection-status" role="status" aria-label={shell.connectionStatusLabel}>
        <span class="status-dot status-dot--idle" aria-hidden="true" />
        <span>{shell.noSensor}</span>
      </div>
    </header>
  );
}
