import { useSignal } from '@preact/signals';
import type { SensorEntry } from '../../state/sensor-entry';
import { linkErrors, linkStates, sensorCard, sensorProblems } from '../strings';
import { ChannelList } from './ChannelList';
import { LinkDetails } from './LinkDetails';
import { QualityBadge } from './QualityBadge';
import { saveFile } from '../common/save-file';

export function SensorCard({ entry, onRemove }: { entry: SensorEntry; onRemove: () => void }) {
  const { link } = entry;
  const state = link.state.value;
  const info = link.info.value;
  const name = info?.deviceName ?? entry.transport.name;
  const error = link.lastError.value;
  const problem = entry.problem.value;
  const battery = entry.batteryPercent.value;
  const snapshot = entry.snapshot.value;
  const capturing = useSignal(false);

  return (
    <article class="sensor-card" aria-label={name} data-state={state}>
      <header class="sensor-card-header">
        <h3 class="sensor-name">{name}</h3>
        {entry.simulated && <span class="badge badge--simulated">{sensorCard.simulated}</span>}
        {entry.source === 'replay' && <span class="badge">{sensorCard.replayed}</span>}
        <p class={`link-state link-state--${state}`} role="status">
          {linkStates[state]}
          {state === 'reconnecting' && link.attempt.value > 0 && <span class="muted"> · {sensorCard.reconnectAttempt(link.attempt.value)}</span>}
        </p>
      </header>
      {entry.simulated && <p class="hint">{sensorCard.simulatedNote}</p>}
      {problem && (
        <p class="alert" role="alert">
          {sensorProblems[problem]}
        </p>
      )}
      {!problem && error && (state === 'failed' || state === 'idle' || state === 'reconnecting') && (
        <p class="alert" role="alert">
          {linkErrors[error]}
        </p>
      )}
      {snapshot && state !== 'idle' && <QualityBadge quality={snapshot.quality} />}
      <dl class="facts">
        <div>
          <dt>{sensorCard.profile}</dt>
          <dd>{entry.profile.value?.displayName ?? '—'}</dd>
        </div>
        <div>
          <dt>{sensorCard.battery}</dt>
          <dd>
            {battery !== null
              ? sensorCard.batteryValue(battery)
              : entry.batteryMv.value !== null
                ? sensorCard.batteryVolts(entry.batteryMv.value / 1000)
                : sensorCard.batteryUnknown}
          </dd>
        </div>
        <div>
          <dt>{sensorCard.firmware}</dt>
          <dd>{info?.deviceInformation.firmwareRevision ?? info?.deviceInformation.softwareRevision ?? entry.firmwareText.value ?? '—'}</dd>
        </div>
      </dl>
      {entry.lowBattery.value && (
        <p class="alert alert--warn" role="alert">
          {sensorCard.lowBattery}
        </p>
      )}
      <ChannelList entry={entry} />
      {snapshot && <LinkDetails snapshot={snapshot} />}
      <div class="action-row">
        {state === 'reconnecting' && (
          <button type="button" class="button button--primary" onClick={() => link.cancelReconnect()}>
            {sensorCard.cancel}
          </button>
        )}
        {state === 'failed' && (
          <button type="button" class="button button--primary" onClick={() => link.retry()}>
            {entry.source === 'bluetooth' && !info ? sensorCard.reconnect : sensorCard.retry}
          </button>
        )}
        {entry.source !== 'replay' &&
          (capturing.value ? (
            <button type="button" class="button" onClick={() => saveFile(`quadcue-capture-${entry.id}.jsonl`, entry.transport.captureText() ?? '', 'application/x-ndjson')}>
              {sensorCard.saveCapture}
            </button>
          ) : (
            <button
              type="button"
              class="button"
              title={sensorCard.captureHint}
              onClick={() => {
                entry.transport.startCapture(new Date().toISOString());
                capturing.value = true;
              }}
            >
              {sensorCard.recordCapture}
            </button>
          ))}
        <button type="button" class="button" onClick={onRemove}>
          {state === 'failed' || state === 'idle' ? sensorCard.remove : sensorCard.disconnect}
        </button>
      </div>
    </article>
  );
}
