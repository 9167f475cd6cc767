// The numbers an EDF writer must choose: how long a data record lasts, so that every channel has
// a whole number of samples in it, and each channel's physical range, written in 8 characters.

/** Kemp 1992: "the size of one data record should not exceed 61440 bytes". */
const MAX_RECORD_BYTES = 61440;
/**
 * Data-record durations tried, in order of preference: 1 s first (every integer rate fits, and
 * 1 s is what EDF viewers page by), shorter ones when a second of data is over the size limit,
 * longer ones for fractional rates such as 12.5 Hz (2 s). All fit the 8-character field.
 */
const RECORD_DURATIONS_S = [1, 0.5, 0.25, 0.2, 0.125, 0.1, 0.05, 0.04, 0.025, 0.02, 0.01, ...Array.from({ length: 59 }, (_, i) => i + 2)];
/** Rate × duration within this relative distance of an integer counts as an integer (float noise). */
const INTEGER_TOLERANCE = 1e-9;
/** EDF number fields are 8 ASCII characters (Kemp 1992). */
const NUMBER_FIELD_WIDTH = 8;
/**
 * Headroom around the data in the physical range, as a share of the span: it keeps real samples
 * off the digital extremes, which readers may take for amplifier saturation, for 0.1 % of the
 * resolution.
 */
const RANGE_MARGIN = 1e-3;
/** A constant channel has no span: give it ±1 unit (or ±0.1 % of a large level) around the level. */
const CONSTANT_HALF_SPAN = 1;

export interface RecordPlan {
  readonly recordDurationS: number;
  /** Per channel, in channel order. */
  readonly samplesPerRecord: readonly number[];
}

/** The first preferred duration that gives whole sample counts and fits the size limit; null when none gives whole counts. */
export function chooseRecordPlan(ratesHz: readonly number[]): RecordPlan | null {
  let fallback: RecordPlan | null = null;
  for (const recordDurationS of RECORD_DURATIONS_S) {
    const samplesPerRecord = ratesHz.map((rateHz) => rateHz * recordDurationS);
    const whole = samplesPerRecord.every((n) => n >= 1 && Math.abs(n - Math.round(n)) <= INTEGER_TOLERANCE * n);
    if (!whole) continue;
    const plan = { recordDurationS, samplesPerRecord: samplesPerRecord.map(Math.round) };
    const bytes = plan.samplesPerRecord.reduce((sum, n) => sum + 2 * n, 0);
    if (bytes <= MAX_RECORD_BYTES) return plan;
    fallback ??= plan;
  }
  return fallback;
}

/**
 * `value` rounded outward (down for a minimum, up for a maximum) to the most decimals that fit
 * an 8-character field; null when even the integer part does not fit.
 */
function formatNumberField(value: number, direction: 'down' | 'up'): string | null {
  // toFixed switches to exponent notation from 1e21; eight characters end far below that anyway.
  if (!(Math.abs(value) < 10 ** NUMBER_FIELD_WIDTH)) return null;
  for (let decimals = NUMBER_FIELD_WIDTH - 1; decimals >= 0; decimals--) {
    const scale = 10 ** decimals;
    const scaled = value * scale;
    let units = direction === 'down' ? Math.floor(scaled) : Math.ceil(scaled);
    // Division can land one ulp on the wrong side of `value`: step one unit further out.
    if (direction === 'down' ? units / scale > value : units / scale < value) units += direction === 'down' ? -1 : 1;
    let text = (units / scale).toFixed(decimals);
    if (decimals > 0) text = text.replace(/\.?0+$/, '');
    if (text === '-0') text = '0';
    if (text.length <= NUMBER_FIELD_WIDTH) return text;
  }
  return null;
}

export interface PhysicalRange {
  readonly min: number;
  readonly max: number;
  readonly minText: string;
  readonly maxText: string;
}

/** The range of the finite samples with a margin, as written in the header; null when it cannot be written. */
export function physicalRangeOf(samples: Float32Array): PhysicalRange | null {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i]!;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (low > high) {
    // No finite sample at all: the channel is one long gap, written as zeros.
    low = 0;
    high = 0;
  }
  const span = high - low;
  const margin = span > 0 ? span * RANGE_MARGIN : Math.max(CONSTANT_HALF_SPAN, Math.abs(low) * RANGE_MARGIN);
  const minText = formatNumberField(low - margin, 'down');
  const maxText = formatNumberField(high + margin, 'up');
  if (minText === null || maxText === null) return null;
  return { min: Number(minText), max: Number(maxText), minText, maxText };
}
