import { loadCalibration } from '../../state/calibration-store';
import type { SensorEntry } from '../../state/sensor-entry';
import { liveMetrics } from '../strings';

/** The VMO:VL ratio is averaged over the last 500 ms (clinical.md, "VMO:VL and onset timing"). */
const RATIO_WINDOW_MS = 500;
/** Onsets further apart than this belong to different contractions, not one onset pair. */
const ONSET_PAIR_MAX_MS = 500;

function meanOf(values: Float32Array, n: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(values[i]!)) {
      sum += values[i]!;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

/** VMO:VL (each normalised to its own MVC) and the latest onset difference, when a sensor has both. */
export function LiveMetrics({ entry }: { entry: SensorEntry }) {
  const channels = entry.channels.value;
  const assignment = entry.assignment.value;
  const vmo = assignment.findIndex((a, i) => a.muscle === 'vmo' && channels[i]?.kind === 'emg');
  const vl = assignment.findIndex((a, i) => a.muscle === 'vl' && channels[i]?.kind === 'emg');
  if (vmo < 0 || vl < 0) return null;
  entry.snapshot.value; // re-render with each snapshot (~30 Hz)
  const rateHz = channels[vmo]!.nominalRateHz;
  const vmoMvc = loadCalibration('vmo', assignment[vmo]!.side);
  const vlMvc = loadCalibration('vl', assignment[vl]!.side);
  let ratio: number | null = null;
  if (vmoMvc && vlMvc && entry.rings) {
    const n = Math.round((RATIO_WINDOW_MS * rateHz) / 1000);
    const scratch = new Float32Array(n);
    const vmoMean = meanOf(scratch, entry.rings.level.readLatest(vmo, n, scratch)) / vmoMvc.mvc;
    const vlMean = meanOf(scratch, entry.rings.level.readLatest(vl, n, scratch)) / vlMvc.mvc;
    ratio = vlMean > 0 && Number.isFinite(vmoMean) ? vmoMean / vlMean : null;
  }
  const onsets = entry.lastOnsets.value;
  const vmoOnset = onsets[vmo];
  const vlOnset = onsets[vl];
  const differenceMs = vmoOnset !== undefined && vlOnset !== undefined ? ((vmoOnset - vlOnset) * 1000) / rateHz : null;
  const paired = differenceMs !== null && Math.abs(differenceMs) <= ONSET_PAIR_MAX_MS;
  const rest = entry.restMarked.value;
  return (
    <div class="live-metrics">
      <div class="metric">
        <span class="metric-label">{liveMetrics.ratioHeading}</span>
        {ratio !== null ? (
          <>
            <span class="metric-value">{liveMetrics.ratioValue(ratio)}</span>
            <span class="hint">{liveMetrics.ratioNote}</span>
          </>
        ) : (
          <span class="hint">{liveMetrics.ratioNeedsCalibration}</span>
        )}
      </div>
      <div class="metric">
        <span class="metric-label">{liveMetrics.onsetHeading}</span>
        {rest && paired ? (
          <>
            <span class="metric-value">{liveMetrics.onsetValue(differenceMs!)}</span>
            <span class="hint">{liveMetrics.onsetNote}</span>
          </>
        ) : rest ? (
          <span class="hint">{liveMetrics.onsetWaiting}</span>
        ) : null}
        <button type="button" class="button" onClick={() => entry.markRest(3)}>
          {liveMetrics.markRest}
        </button>
        {rest === true && <span class="hint" role="status">{liveMetrics.restMarked}</span>}
        {rest === false && (
          <span class="hint" role="status">
            {liveMetrics.restFailed}
          </span>
        )}
      </div>
    </div>
  );
}
