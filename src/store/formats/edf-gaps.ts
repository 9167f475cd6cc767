// Lost samples in EDF+: EDF+C has no holes, so a gap is written as filled samples plus an
// annotation that says which samples are fill, and a channel shorter than the last data record
// is padded and marked where its data ends. The reader turns both back into NaN and length.
//
//   "gap"            duration d at onset t: every channel's samples in [t, t + d) are fill
//   "gap in VMO"     the same for one channel (channels lose data at different times)
//   "end of force"   at t: the channel's samples from t on are padding
import type { RecordingAnnotation, RecordingChannel } from './recording-model';

const GAP_TEXT = 'gap';
const GAP_IN_PREFIX = 'gap in ';
const END_OF_PREFIX = 'end of ';

/** True for texts the reader would take as gap or end marks of these channels: the writer refuses them from callers. */
export function isReservedText(text: string, labels: readonly string[]): boolean {
  if (text === GAP_TEXT) return true;
  const label = text.startsWith(GAP_IN_PREFIX) ? text.slice(GAP_IN_PREFIX.length) : text.startsWith(END_OF_PREFIX) ? text.slice(END_OF_PREFIX.length) : null;
  return label !== null && labels.includes(label);
}

/**
 * The gap and end annotations of these channels, each padded to `paddedLengths` samples. A hole
 * with the same start and duration in every channel (one sensor's channels lose the same packets)
 * is one "gap"; others name their channel.
 */
export function gapAnnotations(channels: readonly RecordingChannel[], paddedLengths: readonly number[]): RecordingAnnotation[] {
  const holes = new Map<string, { onsetS: number; durationS: number; labels: string[] }>();
  for (const channel of channels) {
    const { samples, sampleRateHz, label } = channel;
    let i = 0;
    while (i < samples.length) {
      if (!Number.isNaN(samples[i]!)) {
        i++;
        continue;
      }
      const start = i;
      while (i < samples.length && Number.isNaN(samples[i]!)) i++;
      const onsetS = start / sampleRateHz;
      const durationS = (i - start) / sampleRateHz;
      const key = `${onsetS}/${durationS}`;
      const hole = holes.get(key) ?? { onsetS, durationS, labels: [] };
      hole.labels.push(label);
      holes.set(key, hole);
    }
  }
  const annotations: RecordingAnnotation[] = [];
  for (const { onsetS, durationS, labels } of holes.values()) {
    if (labels.length === channels.length) annotations.push({ onsetS, durationS, text: GAP_TEXT });
    else for (const label of labels) annotations.push({ onsetS, durationS, text: `${GAP_IN_PREFIX}${label}` });
  }
  channels.forEach((channel, c) => {
    if (channel.samples.length < paddedLengths[c]!) annotations.push({ onsetS: channel.samples.length / channel.sampleRateHz, text: `${END_OF_PREFIX}${channel.label}` });
  });
  return annotations.sort((a, b) => a.onsetS - b.onsetS);
}

/**
 * What fills a leading gap: the first value after it (0 for a channel of nothing but gap). Later
 * gaps repeat the value before them, so the fill never leaves the channel's range.
 */
export function leadingFillValue(samples: Float32Array): number {
  for (let i = 0; i < samples.length; i++) if (!Number.isNaN(samples[i]!)) return samples[i]!;
  return 0;
}

function sampleIndex(seconds: number, rateHz: number, length: number): number {
  return Math.min(length, Math.max(0, Math.round(seconds * rateHz)));
}

/**
 * Applies the gap and end marks to channels read from a file (NaN in, samples cut off) and
 * returns the other annotations. Marks that name no channel stay annotations.
 */
export function applyGapAnnotations(channels: RecordingChannel[], annotations: readonly RecordingAnnotation[]): RecordingAnnotation[] {
  const rest: RecordingAnnotation[] = [];
  const ends = new Map<number, number>();
  for (const annotation of annotations) {
    const { text, onsetS, durationS } = annotation;
    const gapLabel = text.startsWith(GAP_IN_PREFIX) ? text.slice(GAP_IN_PREFIX.length) : null;
    const endLabel = text.startsWith(END_OF_PREFIX) ? text.slice(END_OF_PREFIX.length) : null;
    const gapChannels = text === GAP_TEXT ? channels : channels.filter((c) => c.label === gapLabel);
    const endChannel = channels.findIndex((c) => c.label === endLabel);
    if (gapChannels.length > 0 && durationS !== undefined) {
      for (const { samples, sampleRateHz } of gapChannels) {
        samples.fill(NaN, sampleIndex(onsetS, sampleRateHz, samples.length), sampleIndex(onsetS + durationS, sampleRateHz, samples.length));
      }
    } else if (endChannel >= 0) {
      const { samples, sampleRateHz } = channels[endChannel]!;
      ends.set(endChannel, Math.min(ends.get(endChannel) ?? Infinity, sampleIndex(onsetS, sampleRateHz, samples.length)));
    } else {
      rest.push(annotation);
    }
  }
  for (const [c, length] of ends) channels[c] = { ...channels[c]!, samples: channels[c]!.samples.slice(0, length) };
  return rest;
}
