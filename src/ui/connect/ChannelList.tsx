import { muscles, type Muscle, type Side } from '../../state/channel-assignment';
import type { SensorEntry } from '../../state/sensor-entry';
import { sensorCard } from '../strings';

const unitText = { uV: 'µV', N: 'N' } as const;

export function ChannelList({ entry }: { entry: SensorEntry }) {
  const channels = entry.channels.value;
  const assignment = entry.assignment.value;
  const latest = entry.snapshot.value?.latest;
  if (channels.length === 0) return null;
  return (
    <fieldset class="channels">
      <legend>{sensorCard.channels}</legend>
      {channels.map((channel, index) => {
        const label = channel.label || `${index + 1}`;
        const current = assignment[index];
        return (
          <div class="channel-row" key={index}>
            <span class="channel-name">
              {label}
              <span class="muted">
                {' '}
                · {channel.nominalRateHz} Hz · {unitText[channel.unit]}
                {latest?.[index] !== undefined && ` · ${latest[index]!.toFixed(channel.unit === 'N' ? 1 : 0)} ${unitText[channel.unit]}`}
              </span>
            </span>
            <select
              aria-label={sensorCard.muscleLabel(label)}
              value={current?.muscle ?? ''}
              onChange={(e) => entry.assign(index, { muscle: ((e.currentTarget as HTMLSelectElement).value || null) as Muscle | null })}
            >
              <option value="">{sensorCard.unassigned}</option>
              {muscles.map((muscle) => (
                <option key={muscle} value={muscle}>
                  {sensorCard.muscles[muscle]}
                </option>
              ))}
            </select>
            <select
              aria-label={sensorCard.sideLabel(label)}
              value={current?.side ?? 'right'}
              onChange={(e) => entry.assign(index, { side: (e.currentTarget as HTMLSelectElement).value as Side })}
            >
              <option value="left">{sensorCard.sides.left}</option>
              <option value="right">{sensorCard.sides.right}</option>
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
