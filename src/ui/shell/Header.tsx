import { connectionSummary } from '../../state/connection-summary';
import { appName, headerStatus, shell } from '../strings';
import { AppMark } from './AppMark';
import { ModeSlot } from './ModeSlot';

function statusText(): string {
  const summary = connectionSummary.value;
  switch (summary.kind) {
    case 'none':
      return shell.noSensor;
    case 'streaming':
      return headerStatus.streaming(summary.count);
    case 'reconnecting':
      return headerStatus.reconnecting;
    case 'connecting':
      return headerStatus.connecting;
    case 'lost':
      return headerStatus.lost;
  }
}

export function Header() {
  return (
    <header class="header">
      <div class="brand">
        <AppMark />
        <span class="brand-name">{appName}</span>
      </div>
      <div class="connection-status" role="status" aria-label={shell.connectionStatusLabel}>
        <span class={`status-dot status-dot--${connectionSummary.value.kind}`} aria-hidden="true" />
        <span>{statusText()}</span>
      </div>
      <ModeSlot />
    </header>
  );
}
