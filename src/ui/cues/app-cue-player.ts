// The app's one cue player, on the browser's real audio, vibration, speech and clock. The
// state layer cannot import words from ui/, so the player is assembled here.
import { signal } from '@preact/signals';
import { systemClock } from '../../devices/clock';
import { createCuePlayer } from '../../state/cue-player';
import { createCueSettings } from '../../state/cue-settings';
import { appSettings } from '../../state/setting-registry';
import { cueWords } from '../strings';

/** User Timing mark set right after each cue tone's oscillator.start(): the end point of the cue-latency bench. */
export const CUE_AUDIO_START_MARK = 'quadcue:cue-audio-start';

const synthesis = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;

export const canVibrate: boolean = typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function';

export const cueSettings = createCueSettings();
appSettings.bind(cueSettings.binding);

export const cuePlayer = createCuePlayer({
  settings: cueSettings,
  words: cueWords,
  audio: () => (typeof AudioContext === 'undefined' ? null : new AudioContext({ latencyHint: 'interactive' })),
  vibrate: (pattern) => canVibrate && navigator.vibrate([...pattern]),
  speech: synthesis,
  clock: systemClock,
  onAudioStart: (mark) => performance.mark(CUE_AUDIO_START_MARK, { detail: mark }),
});

/** Whether an on-device voice can speak the cues; voices load asynchronously, so it can turn true later. */
export const canSpeak = signal(cuePlayer.canSpeak());
synthesis?.addEventListener('voiceschanged', () => {
  canSpeak.value = cuePlayer.canSpeak();
});
