import { libraryEntry } from '../../exercise/library';
import { loadCalibration } from '../../state/calibration-store';
import { currentProgram } from '../../state/program-model';
import type { SensorEntry } from '../../state/sensor-entry';
import { live } from '../strings';
import { ActivationMeter } from './ActivationMeter';
import { LiveChart, palette } from './LiveChart';
import { LiveMetrics } from './LiveMetrics';
import { QualityBadge } from '../connect/QualityBadge';

/** 100 / MVC per channel when every EMG channel has a stored calibration for its muscle and side, else null. */
function percentFactors(entry: SensorEntry): number[] | null {
  const channels = entry.channels.value;
  const assignment = entry.assignment.value;
  if (channels.length === 0 || channels.some((c) => c.kind !== 'emg')) return null;
  const factors: number[] = [];
  for (let c = 0; c < channels.length; c++) {
    const a = assignment[c];
    const stored = a?.muscle ? loadCalibration(a.muscle, a.side) : null;
    if (!stored) return null;
    factors.push(100 / stored.mvc);
  }
  return factors;
}

/** The live target: the program's first %-of-maximum band, else the quad set's default band. */
function liveTargetBand(): [number, number] {
  const exercise = currentProgram.value?.exercises.find((e) => e.target.unit === '%MVC') ?? libraryEntry('quad-set').defaults;
  return [exercise.target.low, exercise.target.high];
}

export function LiveSensorPanel({ entry, windowS, paused }: { entry: SensorEntry; windowS: number; paused: boolean }) {
  const name = entry.link.info.value?.deviceName ?? entry.transport.name;
  const channels = entry.channels.value;
  const levels = entry.snapshot.value?.levels ?? [];
  const percentOfMvc = percentFactors(entry);
  const band = percentOfMvc ? liveTargetBand() : null;
  return (
    <section class="live-panel" aria-label={name}>
      <header class="live-panel-header">
        <h2 class="section-heading">{name}</h2>
        {entry.simulated && <span class="badge badge--simulated">{live.simulated}</span>}
      </header>
      {entry.snapshot.value && <QualityBadge quality={entry.snapshot.value.quality} />}
      {band && <p class="hint">{live.targetBand(band[0], band[1])}</p>}
      <LiveChart entry={entry} windowS={windowS} paused={paused} percentOfMvc={percentOfMvc} {...(band ? { bandRaw: band } : {})} />
      <div class="meters">
        {channels.map((channel, index) => (
          <ActivationMeter key={index} channel={channel} level={levels[index]?.level ?? 0} peak={levels[index]?.peak ?? 0} mean={levels[index]?.mean ?? 0} colour={palette[index % palette.length]!.level} percentFactor={percentOfMvc?.[index] ?? null} band={band} />
        ))}
      </div>
      <LiveMetrics entry={entry} />
    </section>
  );
}
