import type { SensorSnapshot } from '../../worker/messages';
import { sensorCard } from '../strings';

export function LinkDetails({ snapshot }: { snapshot: SensorSnapshot }) {
  const { stats, outages } = snapshot;
  const rows: [string, number][] = [
    [sensorCard.framesReceived, stats.framesReceived],
    [sensorCard.samplesReceived, stats.samplesReceived[0] ?? 0],
    [sensorCard.framesLost, stats.framesLost],
    [sensorCard.framesRejected, stats.framesRejected],
    [sensorCard.duplicatesDropped, stats.duplicatesDropped],
    [sensorCard.outages, outages.length],
  ];
  return (
    <details class="link-details">
      <summary>{sensorCard.details}</summary>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-counter={label}>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{sensorCard.alignment}</dt>
          <dd>{sensorCard.alignmentValue(snapshot.alignmentErrorMs)}</dd>
        </div>
      </dl>
      {outages.length > 0 && (
        <ul class="outages">
          {outages.map((outage, index) => (
            <li key={index}>{sensorCard.outageLength(outage.lengthMs / 1000)}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
