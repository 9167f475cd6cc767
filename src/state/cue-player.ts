// The cue player: turns cue events into a banner, live-region text, a tone, a vibration and
// spoken words, each channel switched by its own remembered setting. Everything happens inside
// play(): the tone starts at the audio context's current time before play() returns — no timer,
// no promise in between — so the cue adds no latency of its own (clinical.md, "Latency of
// feedback"; the lead's bench measures envelope crossing → onAudioStart).
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Clock } from '../devices/clock';
import { PitchFollower, startTone, TONES } from './cue-audio';
import { announcementFor, spokenFor, toneFor, VIBRATION_PATTERNS_MS, visualFor, type ToneKind } from './cue-mapping';
import type { CueSettings } from './cue-settings';
import { createSpeaker } from './cue-speech';
import type { Announcement, CueEvent, CueVisual, CueWords } from './cue-types';

/**
 * Messages kept in the live region. rep-complete and relax arrive in the same instant; as two
 * separate additions both are read, where replacing one text with the next would lose the
 * first. Three covers the busiest instant (rep, set, session) with room to spare.
 */
export const ANNOUNCER_KEEP = 3;

export interface AudioStartMark {
  readonly tone: ToneKind;
  /** clock.nowMs() right after oscillator.start(): the end of the cue-latency measurement. */
  readonly atMs: number;
  /** AudioContext time the tone was scheduled at (its currentTime: no added delay). */
  readonly contextTimeS: number;
}

export interface CuePlayerOptions {
  readonly settings: CueSettings;
  readonly words: CueWords;
  /** Makes the AudioContext; called once, from unlock() (a user gesture). Null: no audio here. */
  readonly audio?: () => AudioContext | null;
  /** navigator.vibrate where supported. */
  readonly vibrate?: (pattern: readonly number[]) => boolean;
  readonly speech?: SpeechSynthesis | null;
  /** Builds an utterance (injected: Node has no SpeechSynthesisUtterance). */
  readonly utterance?: (text: string) => SpeechSynthesisUtterance;
  readonly clock: Pick<Clock, 'nowMs'>;
  /** Called synchronously right after a tone's oscillator.start(). */
  readonly onAudioStart?: (mark: AudioStartMark) => void;
}

export interface CuePlayer {
  /** The banner to show; null before the first cue, after reset, or with colour-and-words off. */
  readonly visual: ReadonlySignal<CueVisual | null>;
  /** The live region's recent messages, oldest first. */
  readonly announcements: ReadonlySignal<readonly Announcement[]>;
  /** Creates or resumes audio. Call from a user gesture (the Start button): browsers block audio otherwise. */
  unlock(): void;
  play(event: CueEvent): void;
  /** Activation for the continuous pitch, 0–1 of the band scale; null when there is none. */
  setLevel(level: number | null): void;
  /** True when an on-device voice can speak the cue words. */
  canSpeak(): boolean;
  /** Ends a session: pitch off, speech cancelled, banner and live region cleared. */
  reset(): void;
  dispose(): void;
}

export function createCuePlayer(options: CuePlayerOptions): CuePlayer {
  const { settings, words, clock } = options;
  const current = signal<CueVisual | null>(null);
  const visual = computed(() => (settings.colourWords.value ? current.value : null));
  const announcements = signal<readonly Announcement[]>([]);
  const speaker = options.speech ? createSpeaker(options.speech, options.utterance ?? ((text) => new SpeechSynthesisUtterance(text)), words.lang) : null;
  let nextId = 1;
  let context: AudioContext | null = null;
  let pitch: PitchFollower | null = null;

  /** The context if it is running; a suspended one is asked to resume and this cue stays silent (it would play late). */
  function runningContext(): AudioContext | null {
    if (context === null) return null;
    if (context.state !== 'running') {
      context.resume().catch(() => undefined); // refused without a gesture: the next unlock() retries
      return null;
    }
    return context;
  }

  function playTone(tone: ToneKind): void {
    const ctx = runningContext();
    if (ctx === null) return;
    const contextTimeS = startTone(ctx, TONES[tone]);
    options.onAudioStart?.({ tone, atMs: clock.nowMs(), contextTimeS });
  }

  function stopPitch(): void {
    pitch?.stop();
    pitch = null;
  }

  const stopPitchWhenOff = effect(() => {
    if (!settings.continuousPitch.value) stopPitch();
  });

  function reset(): void {
    stopPitch();
    speaker?.silence();
    batch(() => {
      current.value = null;
      announcements.value = [];
    });
  }

  return {
    visual,
    announcements,
    unlock() {
      if (context === null) context = options.audio?.() ?? null;
      if (context !== null && context.state !== 'running') context.resume().catch(() => undefined);
    },
    play(event) {
      // Sound first: it is the channel with a latency target.
      const tone = toneFor(event);
      if (tone !== null && settings.sound.peek()) playTone(tone);
      const pattern = VIBRATION_PATTERNS_MS[event.kind];
      if (pattern !== undefined && settings.vibration.peek()) options.vibrate?.(pattern);
      batch(() => {
        current.value = visualFor(event, current.peek(), words);
        const text = announcementFor(event, words);
        if (text !== null) announcements.value = [...announcements.peek(), { id: nextId++, text }].slice(-ANNOUNCER_KEEP);
      });
      const spoken = settings.spokenCounting.peek() ? spokenFor(event, words) : null;
      if (spoken !== null) speaker?.say(spoken);
    },
    setLevel(level) {
      if (!settings.continuousPitch.peek()) return;
      if (pitch === null) {
        const ctx = runningContext();
        if (ctx === null) return;
        pitch = new PitchFollower(ctx);
      }
      pitch.set(level);
    },
    canSpeak() {
      return speaker?.canSpeak() ?? false;
    },
    reset,
    dispose() {
      reset();
      stopPitchWhenOff();
      context?.close().catch(() => undefined);
      context = null;
    },
  };
}
