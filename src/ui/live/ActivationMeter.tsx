import type { ChannelSpec } from '../../profiles/types';
import { newtonsToKg } from '../../profiles/tindeq-progressor';
import { torqueNm, torqueNmPerKg } from '../../signal/force-chain';
import { dynamometer } from '../../state/settings-model';
import { live, liveMetrics } from '../strings';

const unitText = { uV: 'µV', N: 'N' } as const;

/** A bar before calibration spans at least 50 µV or 50 N, so rest noise does not fill it. */
const MIN_FULL_SCALE = 50;
/** With a calibration the bar spans 0–120 % of maximum, like the chart's axis. */
const PERCENT_FULL_SCALE = 120;

/**
 * One channel's activation as a large bar and number, readable at arm's length. Once the
 * channel is calibrated (`percentFactor` = 100 / MVC) it reads in % of maximum with the target
 * band marked; before that the bar spans the channel's own peak so far.
 */
export function ActivationMeter({
  channel,
  level,
  peak,
  mean,
  colour,
  percentFactor = null,
  band = null,
}: {
  channel: ChannelSpec;
  level: number;
  peak: number;
  mean: number;
  colour: string;
  percentFactor?: number | null;
  band?: readonly [number, number] | null;
}) {
  const k = percentFactor ?? 1;
  const fullScale = percentFactor ? PERCENT_FULL_SCALE : Math.max(peak * 1.1, MIN_FULL_SCALE);
  const fraction = Math.min(1, Math.max(0, (level * k) / fullScale));
  const digits = channel.unit === 'N' && !percentFactor && Math.abs(level) < 100 ? 1 : 0;
  const unit = percentFactor ? live.percentOfMax : unitText[channel.unit];
  return (
    <figure class="meter" aria-label={live.meterLabel(channel.label)}>
      <div class="meter-track" aria-hidden="true">
        {percentFactor && band && <div class="meter-band" style={{ bottom: `${(band[0] / fullScale) * 100}%`, height: `${((band[1] - band[0]) / fullScale) * 100}%` }} />}
        <div class="meter-fill" style={{ transform: `scaleY(${fraction})`, background: colour }} />
      </div>
      <figcaption>
        <span class="meter-name">{channel.label}</span>
        <span class="meter-value">
          {(level * k).toFixed(digits)}
          <span class="meter-unit"> {unit}</span>
        </span>
        {channel.unit === 'N' && <ForceFigures forceN={level} />}
        <span class="meter-stats">
          {live.peak} {(peak * k).toFixed(digits)} · {live.mean} {(mean * k).toFixed(digits)}
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
