import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { onFrame } from '../shell/frame-loop';
import { historyText } from '../strings';

/** Replay speeds: real time, and four times faster to skim a long session (issue 7 brief). */
const SPEEDS = [1, 4] as const;

/**
 * Play/pause, speed and a position slider for the replay cursor. Playing advances the position
 * by the frames' wall-clock time × speed: the UI shell is where wall-clock time may enter.
 */
export function ReplayControls({ positionS, totalS }: { positionS: Signal<number>; totalS: number }) {
  const playing = useSignal(false);
  const speed = useSignal<number>(1);
  useEffect(() => {
    if (!playing.value) return;
    let lastMs: number | null = null;
    return onFrame((nowMs) => {
      if (lastMs !== null) {
        const next = positionS.peek() + ((nowMs - lastMs) / 1000) * speed.peek();
        positionS.value = Math.min(totalS, next);
        if (next >= totalS) playing.value = false;
      }
      lastMs = nowMs;
    });
  }, [playing.value, totalS]);
  return (
    <div class="replay-controls">
      <button
        type="button"
        class="button button--primary"
        aria-pressed={playing.value}
        onClick={() => {
          if (!playing.value && positionS.peek() >= totalS) positionS.value = 0;
          playing.value = !playing.value;
        }}
      >
        {playing.value ? historyText.pause : historyText.play}
      </button>
      <label class="replay-field">
        {historyText.speedLabel}
        <select value={String(speed.value)} onChange={(event) => (speed.value = Number(event.currentTarget.value))}>
          {SPEEDS.map((times) => (
            <option key={times} value={String(times)}>
              {historyText.speedOption(times)}
            </option>
          ))}
        </select>
      </label>
      <label class="replay-field replay-position">
        {historyText.positionLabel}
        <input
          type="range"
          min="0"
          max={String(totalS)}
          step="0.1"
          value={String(positionS.value)}
          aria-valuetext={historyText.position(positionS.value, totalS)}
          onInput={(event) => (positionS.value = Number(event.currentTarget.value))}
        />
      </label>
      <span class="replay-time" aria-hidden="true">
        {historyText.position(positionS.value, totalS)}
      </span>
    </div>
  );
}
