import { exercisesText } from '../strings';

/** The target quantity as a large number and a horizontal bar with the band marked. */
export function TargetMeter({ level, low, high, unit, inBand }: { level: number; low: number; high: number; unit: '%' | 'N'; inBand: boolean }) {
  const fullScale = Math.max(high * 1.4, level * 1.05, 1);
  const pct = (x: number) => `${Math.min(100, Math.max(0, (x / fullScale) * 100))}%`;
  return (
    <div class={`target-meter${inBand ? ' is-in-band' : ''}`}>
      <div class="target-value">
        <span class="target-number">{Math.max(0, level).toFixed(0)}</span>
        <span class="target-unit">{unit === '%' ? exercisesText.percentMvc : 'N'}</span>
      </div>
      <div class="target-track" aria-hidden="true">
        <div class="target-band" style={{ left: pct(low), width: `calc(${pct(high)} - ${pct(low)})` }} />
        <div class="target-fill" style={{ width: pct(level) }} />
      </div>
    </div>
  );
}
