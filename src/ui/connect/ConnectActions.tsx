import { useSignal } from '@preact/signals';
import { SCENARIO_NAMES, type ScenarioName } from '../../../firmware-protocol/sim/scenarios';
import type { ReplaySpeed } from '../../devices/replay-transport';
import { bluetoothAvailable } from '../../state/platform-model';
import type { SensorsModel } from '../../state/sensors-model';
import { captureErrors, connect } from '../strings';

const replaySpeeds: ReplaySpeed[] = ['real-time', 'fast'];

export function ConnectActions({ model }: { model: SensorsModel }) {
  const scenario = useSignal<ScenarioName>('quadSets');
  const speed = useSignal<ReplaySpeed>('real-time');
  const canAdd = model.canAddSensor.value;
  const replayError = model.replayError.value;

  async function onReplayFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) model.replay(file.name, await file.text(), speed.value);
  }

  return (
    <div class="connect-actions">
      <div class="action-row">
        <button type="button" class="button button--primary button--large" disabled={!bluetoothAvailable || !canAdd} onClick={() => model.connectBluetooth()}>
          {connect.connectSensor}
        </button>
        {!bluetoothAvailable && <p class="hint">{connect.bluetoothUnavailable}</p>}
      </div>
      <div class="action-row">
        <label class="field">
          <span class="field-label">{connect.scenarioLabel}</span>
          <select value={scenario.value} onChange={(e) => (scenario.value = (e.currentTarget as HTMLSelectElement).value as ScenarioName)}>
            {SCENARIO_NAMES.map((name) => (
              <option key={name} value={name}>
                {connect.scenarios[name]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button button--large" disabled={!canAdd} onClick={() => void model.useDemo(scenario.value)}>
          {connect.useDemo}
        </button>
      </div>
      <div class="action-row">
        <label class="field">
          <span class="field-label">{connect.replaySpeedLabel}</span>
          <select value={speed.value} onChange={(e) => (speed.value = (e.currentTarget as HTMLSelectElement).value as ReplaySpeed)}>
            {replaySpeeds.map((name) => (
              <option key={name} value={name}>
                {connect.replaySpeeds[name]}
              </option>
            ))}
          </select>
        </label>
        <label class={`button button--large file-button${canAdd ? '' : ' is-disabled'}`}>
          <input type="file" class="visually-hidden" accept=".jsonl,.json,.txt,application/json,text/plain" disabled={!canAdd} onChange={onReplayFile} />
          {connect.replay}
        </label>
      </div>
      {replayError && (
        <p class="alert" role="alert">
          {captureErrors[replayError.code]}
          {captureErrors.lineNote(replayError.line)}
        </p>
      )}
      {!canAdd && <p class="hint">{connect.atMostTwo}</p>}
    </div>
  );
}
