import { combinedAlignmentErrorMs } from '../../signal/clock-alignment';
import { sensorsModel } from '../../state/sensors-model';
import { ScreenTitle } from '../common/ScreenTitle';
import { connect, screens } from '../strings';
import { ConnectActions } from './ConnectActions';
import { GrantedSensors } from './GrantedSensors';
import { SensorCard } from './SensorCard';

export function ConnectScreen() {
  const sensors = sensorsModel.sensors.value;
  return (
    <>
      <ScreenTitle>{screens.connect.title}</ScreenTitle>
      <p class="lead">{connect.intro}</p>
      <ConnectActions model={sensorsModel} />
      <GrantedSensors model={sensorsModel} />
      {sensors.length > 0 && (
        <section class="sensor-list" aria-labelledby="sensors-heading">
          <h2 id="sensors-heading" class="section-heading">
            {connect.sensorsHeading}
          </h2>
          {sensors.length === 2 && (
            <p class="hint" data-testid="session-timeline">
              {connect.sessionTimeline(combinedAlignmentErrorMs(sensors.map((s) => s.snapshot.value?.alignmentErrorMs ?? null)))}
            </p>
          )}
          {sensors.map((entry) => (
            <SensorCard key={entry.id} entry={entry} onRemove={() => sensorsModel.remove(entry.id)} />
          ))}
        </section>
      )}
    </>
  );
}
