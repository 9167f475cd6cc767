import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { mainsHumRms, restRms } from '../../signal/rest-check';
import { mainsHz } from '../../state/settings-model';
import type { ActiveChannel } from '../../state/session-model';
import { ElectrodePlacement } from '../signal-check/ElectrodePlacement';
import { SignalAdvice } from '../signal-check/SignalAdvice';
import { SkinPrepTips } from '../signal-check/SkinPrepTips';
import { adviseSignal, type SignalAdvice as Advice } from '../signal-check/signal-advice';
import { signalCheckText } from '../strings';

/** Seconds of rest the check listens to: long enough for 100 mains cycles and a stable RMS. */
const REST_WINDOW_S = 2;
/** The advice is refreshed once a second while the panel is open. */
const REFRESH_MS = 1000;

/** Rest noise and mains hum of the exercise's channel, with pass/adjust advice and where the electrodes go. */
export function SignalCheckPanel({ target }: { target: ActiveChannel }) {
  const advice = useSignal<Advice | null>(null);
  useEffect(() => {
    const measure = () => {
      const rings = target.sensor.rings;
      const channel = target.sensor.channels.peek()[target.channel];
      if (!rings || !channel || channel.kind !== 'emg') return;
      const sets = Math.round(REST_WINDOW_S * channel.nominalRateHz);
      const filtered = new Float32Array(sets);
      const raw = new Float32Array(sets);
      const n = rings.filtered.readLatest(target.channel, sets, filtered);
      const m = rings.raw.readLatest(target.channel, sets, raw);
      advice.value = adviseSignal({
        restRmsUv: n === sets ? (restRms(filtered, n) ?? NaN) : NaN,
        humUv: m === sets ? (mainsHumRms(raw, m, channel.nominalRateHz, mainsHz.peek()) ?? NaN) : NaN,
      });
    };
    measure();
    const timer = setInterval(measure, REFRESH_MS);
    return () => clearInterval(timer);
  }, [target]);

  const isEmg = target.muscle === 'vmo' || target.muscle === 'vl';
  if (!isEmg) return null;
  return (
    <details class="signal-check" open>
      <summary>{signalCheckText.heading}</summary>
      <p>{signalCheckText.intro}</p>
      {advice.value && <SignalAdvice advice={advice.value} />}
      <ElectrodePlacement muscle={target.muscle as 'vmo' | 'vl'} />
      <SkinPrepTips />
    </details>
  );
}
