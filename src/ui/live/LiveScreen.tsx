import { useSignal } from '@preact/signals';
import { sensorsModel } from '../../state/sensors-model';
import { EmptyState } from '../common/EmptyState';
import { ScreenTitle } from '../common/ScreenTitle';
import { NavIcon } from '../shell/NavIcon';
import { live, screens } from '../strings';
import { LiveSensorPanel } from './LiveSensorPanel';
import { useWakeLock } from './use-wake-lock';
import { RecordingControl } from './RecordingControl';

const windowChoicesS = [5, 10, 30] as const;

export function LiveScreen() {
  const windowS = useSignal<number>(10);
  const paused = useSignal(false);
  const streaming = sensorsModel.sensors.value.filter((s) => s.rings !== null && s.channels.value.length > 0);
  useWakeLock(streaming.length > 0 && !paused.value);

  if (streaming.length === 0) {
    return (
      <>
        <ScreenTitle>{screens.live.title}</ScreenTitle>
        <EmptyState heading={live.emptyHeading} body={live.emptyBody} art={<NavIcon screen="live" />} />
        <p class="center">
          <a class="button button--primary" href="#/connect">
            {live.goToConnect}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <ScreenTitle>{screens.live.title}</ScreenTitle>
      <div class="live-controls">
        <fieldset class="segmented">
          <legend class="field-label">{live.windowLabel}</legend>
          {windowChoicesS.map((seconds) => (
            <label key={seconds} class={windowS.value === seconds ? 'is-selected' : ''}>
              <input type="radio" name="window" value={seconds} checked={windowS.value === seconds} onChange={() => (windowS.value = seconds)} />
              {live.windowOption(seconds)}
            </label>
          ))}
        </fieldset>
        <RecordingControl />
        <button type="button" class="button" aria-pressed={paused.value} onClick={() => (paused.value = !paused.value)}>
          {paused.value ? live.resume : live.pause}
        </button>
      </div>
      {paused.value && (
        <p class="hint" role="status">
          {live.paused}
        </p>
      )}
      {streaming.map((entry) => (
        <LiveSensorPanel key={entry.id} entry={entry} windowS={windowS.value} paused={paused.value} />
      ))}
    </>
  );
}
