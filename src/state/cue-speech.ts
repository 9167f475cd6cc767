// Spoken cues through speechSynthesis, with on-device voices only. A network voice would send
// every word to a speech server (privacy) and fail offline, so a voice with localService !== true
// is never used, and with no local voice for the words' language nothing is spoken at all
// (web-bluetooth.md, last bullet; headless Chromium has no voices).

/** Primary language subtag, lower case: 'en-GB' → 'en'. */
function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * An on-device voice that speaks `lang`: the exact tag first, then the platform's default among
 * those of the same language, then any of the same language; null if there is none.
 */
export function pickLocalVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  const want = primaryLanguage(lang);
  const candidates = voices.filter((v) => v.localService === true && primaryLanguage(v.lang) === want);
  return (
    candidates.find((v) => v.lang.toLowerCase() === lang.toLowerCase()) ??
    candidates.find((v) => v.default) ??
    candidates[0] ??
    null
  );
}

export interface Speaker {
  /** Speaks `text` now, dropping anything still queued or speaking; false when no local voice can. */
  say(text: string): boolean;
  /** True when an on-device voice for the language exists (voices may still be loading). */
  canSpeak(): boolean;
  /** Stops speech and empties the queue. */
  silence(): void;
}

/**
 * A count that arrives while the previous one is still queued or speaking makes the older one
 * stale: "3" spoken after "2" is wrong, so every new cue cancels what is left before speaking.
 */
export function createSpeaker(synthesis: SpeechSynthesis, utterance: (text: string) => SpeechSynthesisUtterance, lang: string): Speaker {
  return {
    say(text) {
      // Voices load asynchronously in some browsers: ask each time rather than caching an empty list.
      const voice = pickLocalVoice(synthesis.getVoices(), lang);
      if (voice === null) return false;
      if (synthesis.speaking || synthesis.pending) synthesis.cancel();
      const u = utterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      synthesis.speak(u);
      return true;
    },
    canSpeak() {
      return pickLocalVoice(synthesis.getVoices(), lang) !== null;
    },
    silence() {
      if (synthesis.speaking || synthesis.pending) synthesis.cancel();
    },
  };
}
