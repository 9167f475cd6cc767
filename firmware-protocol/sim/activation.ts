// Piecewise activation profile in sample time: rest, ramp and hold segments giving a level in
// [0, 1] (fraction of maximal effort) for every sample index. EMG ramps are smooth (raised cosine:
// no slope step that would look like a second onset); force ramps are linear so that the rate of
// force development is one exact number.

export type SegmentKind = 'rest' | 'ramp' | 'hold';
export type RampShape = 'cosine' | 'linear';

/** One segment of a profile in seconds. A ramp goes from the previous level to `level`. */
export interface ProfileSegment {
  kind: SegmentKind;
  durationS: number;
  /** Level at the end of the segment (ignored for hold: it keeps the previous level; rest is 0). */
  level: number;
}

/** A compiled segment: boundaries as fractional sample positions so ramp slopes are exact. */
export interface CompiledSegment {
  kind: SegmentKind;
  startPos: number;
  endPos: number;
  fromLevel: number;
  toLevel: number;
}

function compileSegments(segments: readonly ProfileSegment[], sampleRateHz: number, delayS: number): CompiledSegment[] {
  const out: CompiledSegment[] = [];
  let tS = delayS;
  let level = 0;
  for (const seg of segments) {
    if (!(seg.durationS >= 0)) throw new RangeError(`segment duration must be ≥ 0 s, got ${seg.durationS}`);
    const toLevel = seg.kind === 'rest' ? 0 : seg.kind === 'hold' ? level : seg.level;
    if (!(toLevel >= 0 && toLevel <= 1)) throw new RangeError(`activation level must be within 0…1, got ${toLevel}`);
    const fromLevel = seg.kind === 'rest' ? 0 : level;
    out.push({ kind: seg.kind, startPos: tS * sampleRateHz, endPos: (tS + seg.durationS) * sampleRateHz, fromLevel, toLevel });
    tS += seg.durationS;
    level = toLevel;
  }
  return out;
}

/**
 * Evaluates a profile sample by sample. Queries normally move forward, so a cursor makes each
 * call O(1) without allocation; a backward jump (loop restart) rewinds the cursor.
 */
export class ActivationProfile {
  readonly segments: readonly CompiledSegment[];
  readonly shape: RampShape;
  /** Kind of the segment that held the last sample asked for (before the first segment: rest). */
  kind: SegmentKind = 'rest';
  private cursor = 0;

  constructor(segments: readonly ProfileSegment[], sampleRateHz: number, shape: RampShape, delayS = 0) {
    this.segments = compileSegments(segments, sampleRateHz, delayS);
    this.shape = shape;
  }

  /** Activation level (0…1) at sample index n. */
  levelAt(n: number): number {
    const segs = this.segments;
    if (segs.length === 0) {
      this.kind = 'rest';
      return 0;
    }
    if (this.cursor >= segs.length || n < segs[this.cursor]!.startPos) this.cursor = 0;
    while (this.cursor < segs.length && n >= segs[this.cursor]!.endPos) this.cursor++;
    const seg = segs[this.cursor];
    if (seg === undefined) {
      this.kind = 'rest';
      return segs[segs.length - 1]!.toLevel;
    }
    if (n < seg.startPos) {
      this.kind = 'rest';
      return 0;
    }
    this.kind = seg.kind;
    if (seg.kind !== 'ramp') return seg.toLevel;
    const u = (n - seg.startPos) / (seg.endPos - seg.startPos);
    const shaped = this.shape === 'linear' ? u : 0.5 - 0.5 * Math.cos(Math.PI * u);
    return seg.fromLevel + (seg.toLevel - seg.fromLevel) * shaped;
  }
}
