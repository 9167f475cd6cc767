import type { ChannelSpec } from '../../profiles/types';
import { newtonsToKg } from '../../profiles/tindeq-progressor';
import { torqueNm, torqueNmPerKg } from '../../signal/force-chain';
import { dynamometer } from '../../state/settings-model';
import { live, liveMetrics } from '../strings';

const unitText = { uV: 'µV', N: 'N' } as const;

/**
 * One channel's activation as a large bar and number, readable at arm's length. Until a
 * calibration gives a % MVC scale, the bar spans the channel's own peak so far.
 */
export function ActivationMeter({ channel, level, peak, mean, colour }: { channel: ChannelSpec; level: number; peak: number; mean: number; colour: string }) {
  const fullScale = Math.max(peak * 1.1, channel.unit === 'N' ? 50 : 50);
  const fraction = Math.min(1, Math.max(0, level / fullScale));
  const digits = channel.unit === 'N' && Math.abs(level) < 100 ? 1 : 0;
  return (
    <figure class="meter" aria-label={live.meterLabel(channel.label)}>
      <div class="meter-track" aria-hidden="true">
        <div class="meter-fill" style={{ transform: `scaleY(${fraction})`, background: colour }} />
      </div>
      <figcaption>
        <span class="meter-name">{channel.label}</span>
        <span class="meter-value">
          {level.toFixed(digits)}
          <span class="meter-unit"> {unitText[channel.unit]}</span>
        </span>
        {channel.unit === 'N' && <ForceFigures forceN={level} />}
        <span class="meter-stats">
          {live.peak} {peak.toFixed(digits)} · {live.mean} {mean.toFixed(digits)}
        </span>
      </figcaption>
    </figure>
  );
}

/** Force also in kg, and as torque and torque per body mass once those settings exist. */
function ForceFigures({ forceN }: { forceN: number }) {
  const { leverArmM, bodyMassKg } = dynamometer.value;
  const torque = torqueNm(forceN, leverArmM);
  const perKg = torqueNmPerKg(forceN, leverArmM, bodyMassKg);
  return (
    <span class="meter-stats">
      {liveMetrics.kg(newtonsToKg(forceN))}
      {torque !== null && <> · {liveMetrics.torque(torque)}</>}
      {perKg !== null && <> · {liveMetrics.torquePerKg(perKg)}</>}
    </span>
  );
}
