// Web Audio for the cues: short tones scheduled at the context's current time (no timer before
// them: the cue's latency budget is the BLE interval's, clinical.md "Latency of feedback"), and a
// continuous pitch that follows activation.
import type { ToneKind } from './cue-mapping';

export interface ToneSpec {
  readonly frequencyHz: number;
  readonly durationS: number;
  readonly peakGain: number;
}

/**
 * Both tones sit below 1 kHz: age-related hearing loss takes high frequencies first (ISO 7029),
 * and many rehab patients are older. Both sit above ~500 Hz, where a phone's small speaker still
 * plays at useful level. The hold-complete tone is a fifth above the band tone (C5 → G5): a
 * rising step reads as "achieved", and the two are easy to tell apart.
 */
export const TONES: Readonly<Record<ToneKind, ToneSpec>> = {
  'enter-band': { frequencyHz: 523.25, durationS: 0.15, peakGain: 0.25 },
  'hold-complete': { frequencyHz: 783.99, durationS: 0.3, peakGain: 0.25 },
};

/**
 * Gentle edges: switching a sine on or off abruptly spreads energy over all frequencies, heard
 * as a click; ramps of 5–10 ms or more remove it (Moore, An Introduction to the Psychology of
 * Hearing, 6th ed., ch. 1 on gating transients). The release is longer so the end sounds soft.
 */
export const TONE_ATTACK_S = 0.01;
export const TONE_RELEASE_S = 0.05;

/**
 * Continuous pitch: one octave, mapped exponentially because pitch is heard on a log scale. At
 * these frequencies listeners tell apart changes of about 0.2–0.5 % (Wier, Jesteadt & Green 1977,
 * JASA 61:178), so an octave resolves the band's scale far finer than the meter can show.
 */
export const PITCH_LOW_HZ = 330;
export const PITCH_HIGH_HZ = 660;
/** About 10 dB under the cue tones (own choice) so a tone cue stays audible over the pitch. */
export const PITCH_GAIN = 0.08;
/**
 * Glide time constant: snapshots arrive at ~30 Hz (architecture.md); a 20 ms glide joins them
 * without the stepped "zipper" sound of jumps, and without audible lag.
 */
export const PITCH_GLIDE_S = 0.02;

/** Starts one tone at ctx.currentTime and returns that time. The nodes disconnect themselves when it ends. */
export function startTone(ctx: AudioContext, spec: ToneSpec): number {
  const t0 = ctx.currentTime;
  const oscillator = ctx.createOscillator();
  const envelope = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(spec.frequencyHz, t0);
  const gain = envelope.gain;
  gain.setValueAtTime(0, t0);
  gain.linearRampToValueAtTime(spec.peakGain, t0 + TONE_ATTACK_S);
  gain.setValueAtTime(spec.peakGain, t0 + spec.durationS - TONE_RELEASE_S);
  gain.linearRampToValueAtTime(0, t0 + spec.durationS);
  oscillator.connect(envelope).connect(ctx.destination);
  oscillator.onended = () => {
    oscillator.disconnect();
    envelope.disconnect();
  };
  oscillator.start(t0);
  oscillator.stop(t0 + spec.durationS);
  return t0;
}

/** Level (0–1 of the band scale; clamped) → frequency on the one-octave scale. */
export function pitchForLevel(level: number): number {
  const fraction = Math.min(1, Math.max(0, level));
  return PITCH_LOW_HZ * Math.pow(PITCH_HIGH_HZ / PITCH_LOW_HZ, fraction);
}

/** A sine that runs while continuous pitch is on, gliding to each new level; silent without one. */
export class PitchFollower {
  private readonly oscillator: OscillatorNode;
  private readonly envelope: GainNode;
  private readonly ctx: AudioContext;

  constructor(ctx: AudioContext) {
    this.ctx = ctx;
    const t0 = ctx.currentTime;
    this.oscillator = ctx.createOscillator();
    this.envelope = ctx.createGain();
    this.oscillator.type = 'sine';
    this.oscillator.frequency.setValueAtTime(PITCH_LOW_HZ, t0);
    this.envelope.gain.setValueAtTime(0, t0);
    this.oscillator.connect(this.envelope).connect(ctx.destination);
    this.oscillator.start(t0);
  }

  /** A level in 0–1, or null/NaN when there is none (a gap): then the pitch fades out. */
  set(level: number | null): void {
    const t = this.ctx.currentTime;
    if (level === null || !Number.isFinite(level)) {
      this.envelope.gain.setTargetAtTime(0, t, PITCH_GLIDE_S);
      return;
    }
    this.oscillator.frequency.setTargetAtTime(pitchForLevel(level), t, PITCH_GLIDE_S);
    this.envelope.gain.setTargetAtTime(PITCH_GAIN, t, PITCH_GLIDE_S);
  }

  /** Fades out and stops; five time constants bring the gain within 1 % of zero. */
  stop(): void {
    const t = this.ctx.currentTime;
    this.envelope.gain.setTargetAtTime(0, t, PITCH_GLIDE_S);
    this.oscillator.onended = () => {
      this.oscillator.disconnect();
      this.envelope.disconnect();
    };
    this.oscillator.stop(t + 5 * PITCH_GLIDE_S);
  }
}
