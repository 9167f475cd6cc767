import type { SensorEntry } from '../../state/sensor-entry';
import { live } from '../strings';
import { ActivationMeter } from './ActivationMeter';
import { LiveChart, palette } from './LiveChart';
import { LiveMetrics } from './LiveMetrics';

export function LiveSensorPanel({ entry, windowS, paused }: { entry: SensorEntry; windowS: number; paused: boolean }) {
  const name = entry.link.info.value?.deviceName ?? entry.transport.name;
  const channels = entry.channels.value;
  const levels = entry.snapshot.value?.levels ?? [];
  return (
    <section class="live-panel" aria-label={name}>
      <header class="live-panel-header">
        <h2 class="section-heading">{name}</h2>
        {entry.simulated && <span class="badge badge--simulated">{live.simulated}</span>}
      </header>
      <LiveChart entry={entry} windowS={windowS} paused={paused} />
      <div class="meters">
        {channels.map((channel, index) => (
          <ActivationMeter key={index} channel={channel} level={levels[index]?.level ?? 0} peak={levels[index]?.peak ?? 0} mean={levels[index]?.mean ?? 0} colour={palette[index % palette.length]!.level} />
        ))}
      </div>
      <LiveMetrics entry={entry} />
    </section>
  );
}
