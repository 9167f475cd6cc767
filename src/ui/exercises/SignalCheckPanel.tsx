import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { mainsHumRms, restRms } from '../../signal/rest-check';
import { mainsHz } from '../../state/settings-model';
import type { ActiveChannel } from '../../state/session-model';
import { ElectrodePlacement } from '../signal-check/ElectrodePlacement';
import { SignalAdvice } from '../signal-check/SignalAdvice';
import { SkinPrepTips } from '../signal-check/SkinPrepTips';
import { adviseSignal, type SignalAdvice as Advice } from '../signal-check/signal-advice';
import { impedanceText, signalCheckText } from '../strings';

/**
 * The check looks back this far and takes its quietest second as the rest: a person settling
 * the leg, or still finishing a movement, should not read as noise.
 */
const LOOK_BACK_S = 6;
/** One second holds 50–60 mains cycles: enough for a clean hum estimate and a stable RMS. */
const REST_WINDOW_S = 1;
/** The Ganglion cycles through its four electrodes and the reference in a few seconds (OpenBCI docs). */
const IMPEDANCE_TEST_MS = 5000;
/** The advice is refreshed once a second while the panel is open. */
const REFRESH_MS = 1000;

/** Rest noise and mains hum of the exercise's channel, with pass/adjust advice and where the electrodes go. */
export function SignalCheckPanel({ target }: { target: ActiveChannel }) {
  const advice = useSignal<Advice | null>(null);
  const testing = useSignal(false);
  const isGanglion = target.sensor.profile.value?.id === 'openbci-ganglion';
  // The channel's electrode and the shared reference: the worse of the two limits the signal.
  const ohms = target.sensor.impedanceOhms.value;
  const electrodeOhms = [ohms[String(target.channel + 1)], ohms.ref].filter((v): v is number => v !== undefined);
  const impedanceOhms = electrodeOhms.length > 0 ? Math.max(...electrodeOhms) : undefined;
  const impedanceRef = useRef(impedanceOhms);
  impedanceRef.current = impedanceOhms;

  async function testImpedance() {
    testing.value = true;
    await target.sensor.sendCommand('impedance-start');
    setTimeout(() => {
      void target.sensor.sendCommand('impedance-stop');
      testing.value = false;
    }, IMPEDANCE_TEST_MS);
  }
  useEffect(() => {
    const measure = () => {
      const rings = target.sensor.rings;
      const channel = target.sensor.channels.peek()[target.channel];
      if (!rings || !channel || channel.kind !== 'emg') return;
      const rateHz = channel.nominalRateHz;
      const sets = Math.round(LOOK_BACK_S * rateHz);
      const window = Math.round(REST_WINDOW_S * rateHz);
      const filtered = new Float32Array(sets);
      const raw = new Float32Array(sets);
      const n = rings.filtered.readLatest(target.channel, sets, filtered);
      rings.raw.readLatest(target.channel, sets, raw);
      let quietest = { rms: Number.POSITIVE_INFINITY, start: -1 };
      for (let start = 0; start + window <= n; start += window) {
        const rms = restRms(filtered.subarray(start, start + window)) ?? Number.POSITIVE_INFINITY;
        if (rms < quietest.rms) quietest = { rms, start };
      }
      const found = quietest.start >= 0;
      advice.value = adviseSignal({
        restRmsUv: found ? quietest.rms : Number.NaN,
        humUv: found ? (mainsHumRms(raw.subarray(quietest.start, quietest.start + window), window, rateHz, mainsHz.peek()) ?? Number.NaN) : Number.NaN,
        ...(impedanceRef.current !== undefined ? { impedanceOhms: impedanceRef.current } : {}),
      });
    };
    measure();
    const timer = setInterval(measure, REFRESH_MS);
    return () => clearInterval(timer);
  }, [target]);

  const isEmg = target.muscle === 'vmo' || target.muscle === 'vl';
  if (!isEmg) return null;
  return (
    <details class="signal-check-panel" open>
      <summary>{signalCheckText.heading}</summary>
      <p>{signalCheckText.intro}</p>
      {advice.value && <SignalAdvice advice={advice.value} />}
      {isGanglion && (
        <div class="action-row">
          <button type="button" class="button" disabled={testing.value} onClick={() => void testImpedance()}>
            {impedanceText.check}
          </button>
          <span class="hint" role="status">
            {testing.value ? impedanceText.checking : impedanceText.note}
          </span>
        </div>
      )}
      <ElectrodePlacement muscle={target.muscle as 'vmo' | 'vl'} />
      <SkinPrepTips />
    </details>
  );
}
