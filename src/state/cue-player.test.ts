import { describe, expect, it } from 'vitest';
import { ManualClock } from '../devices/clock';
import { PITCH_GAIN, pitchForLevel, PITCH_HIGH_HZ, PITCH_LOW_HZ, TONE_ATTACK_S, TONES } from './cue-audio';
import { VIBRATION_PATTERNS_MS } from './cue-mapping';
import { ANNOUNCER_KEEP, createCuePlayer, type AudioStartMark, type CuePlayerOptions } from './cue-player';
import { createCueSettings } from './cue-settings';
import { FakeAudioContext, FakeSpeechSynthesis, fakeVoice, makeUtterance, MemoryStorage, testWords } from './cue-test-doubles';

function setup(extra: Partial<CuePlayerOptions> = {}) {
  const audio = new FakeAudioContext();
  audio.currentTime = 12.5;
  const clock = new ManualClock(1000);
  const settings = createCueSettings(new MemoryStorage());
  const vibrations: (readonly number[])[] = [];
  const marks: AudioStartMark[] = [];
  const synth = new FakeSpeechSynthesis();
  synth.voices = [fakeVoice('Device', 'en-GB', true)];
  const player = createCuePlayer({
    settings,
    words: testWords,
    audio: () => audio.asAudioContext(),
    vibrate: (pattern) => {
      vibrations.push(pattern);
      return true;
    },
    speech: synth.asSynthesis(),
    utterance: makeUtterance,
    clock,
    onAudioStart: (mark) => marks.push(mark),
    ...extra,
  });
  return { audio, clock, settings, vibrations, marks, synth, player };
}

describe('cue player: sound', () => {
  it('schedules the band tone at currentTime, and the audio-start hook fires before play() returns', () => {
    const { audio, marks, player } = setup();
    player.unlock();
    player.play({ kind: 'enter-band' });
    const starts = audio.callsOf('start');
    expect(starts).toHaveLength(1);
    expect(starts[0]!.args).toEqual([12.5]);
    expect(marks).toEqual([{ tone: 'enter-band', atMs: 1000, contextTimeS: 12.5 }]);
    const frequency = audio.calls.find((c) => c.node.endsWith('.frequency'))!;
    expect(frequency.args).toEqual([TONES['enter-band'].frequencyHz, 12.5]);
    // Gentle envelope: from silence, ramped up over the attack, back to silence at the end.
    const gain = audio.calls.filter((c) => c.node.endsWith('.gain'));
    expect(gain[0]).toMatchObject({ method: 'setValueAtTime', args: [0, 12.5] });
    expect(gain[1]).toMatchObject({ method: 'linearRampToValueAtTime', args: [TONES['enter-band'].peakGain, 12.5 + TONE_ATTACK_S] });
    expect(gain.at(-1)).toMatchObject({ method: 'linearRampToValueAtTime', args: [0, 12.5 + TONES['enter-band'].durationS] });
  });

  it('plays a higher tone for a completed hold than for entering the band', () => {
    const { audio, marks, player } = setup();
    player.unlock();
    player.play({ kind: 'hold-complete' });
    expect(marks.map((m) => m.tone)).toEqual(['hold-complete']);
    expect(audio.calls.find((c) => c.node.endsWith('.frequency'))!.args[0]).toBe(TONES['hold-complete'].frequencyHz);
    expect(TONES['hold-complete'].frequencyHz).toBeGreaterThan(TONES['enter-band'].frequencyHz);
  });

  it('stays silent before unlock(), with sound switched off, and while the context is suspended', () => {
    const { audio, marks, player, settings } = setup();
    player.play({ kind: 'enter-band' }); // no user gesture yet: no context
    player.unlock();
    settings.sound.value = false;
    player.play({ kind: 'enter-band' });
    settings.sound.value = true;
    audio.state = 'suspended';
    player.play({ kind: 'enter-band' }); // would play late once resumed: dropped, resume asked
    expect(audio.callsOf('start')).toEqual([]);
    expect(marks).toEqual([]);
    expect(audio.callsOf('resume')).toHaveLength(1);
  });

  it('follows activation with a one-octave pitch while continuous pitch is on', () => {
    const { audio, player, settings } = setup();
    player.unlock();
    player.setLevel(0.5);
    expect(audio.callsOf('start')).toEqual([]); // off by default
    settings.continuousPitch.value = true;
    player.setLevel(1);
    player.setLevel(null);
    expect(audio.callsOf('start')).toHaveLength(1);
    const targets = audio.callsOf('setTargetAtTime').map((c) => [c.node.split('.')[1], c.args[0]]);
    expect(targets).toEqual([
      ['frequency', PITCH_HIGH_HZ],
      ['gain', PITCH_GAIN],
      ['gain', 0], // no level: fades out
    ]);
    settings.continuousPitch.value = false; // switching off stops the oscillator
    expect(audio.callsOf('stop')).toHaveLength(1);
    expect(pitchForLevel(0)).toBe(PITCH_LOW_HZ);
    expect(pitchForLevel(0.5)).toBeCloseTo(Math.sqrt(PITCH_LOW_HZ * PITCH_HIGH_HZ), 9);
    expect(pitchForLevel(7)).toBe(PITCH_HIGH_HZ);
  });
});

describe('cue player: vibration', () => {
  it('vibrates with the event’s pattern when enabled, and not when disabled', () => {
    const { vibrations, player, settings } = setup();
    player.play({ kind: 'squeeze', repNumber: 1, repsTotal: 5 });
    player.play({ kind: 'hold-countdown', count: 3 }); // no pattern for counts
    expect(vibrations).toEqual([VIBRATION_PATTERNS_MS.squeeze]);
    settings.vibration.value = false;
    player.play({ kind: 'relax' });
    expect(vibrations).toHaveLength(1);
  });
});

describe('cue player: speech', () => {
  it('counts aloud with the local voice only when spoken counting is on, dropping stale counts', () => {
    const { synth, player, settings } = setup();
    player.play({ kind: 'hold-countdown', count: 3 });
    expect(synth.spokenLog).toEqual([]);
    settings.spokenCounting.value = true;
    player.play({ kind: 'hold-countdown', count: 2 });
    player.play({ kind: 'hold-countdown', count: 1 });
    expect(synth.spokenLog.map((u) => u.text)).toEqual(['2', '1']);
    expect(synth.queue.map((u) => u.text)).toEqual(['1']);
    expect(player.canSpeak()).toBe(true);
  });

  it('skips speech silently when the only voices are network voices, or there is no speechSynthesis', () => {
    const { synth, player, settings } = setup();
    synth.voices = [fakeVoice('Cloud', 'en-GB', false, true)];
    settings.spokenCounting.value = true;
    expect(() => player.play({ kind: 'relax' })).not.toThrow();
    expect(synth.spokenLog).toEqual([]);
    expect(player.canSpeak()).toBe(false);
    const bare = setup({ speech: null });
    bare.settings.spokenCounting.value = true;
    expect(() => bare.player.play({ kind: 'relax' })).not.toThrow();
    expect(bare.player.canSpeak()).toBe(false);
  });
});

describe('cue player: banner and live region', () => {
  it('shows the banner only with colour and words on', () => {
    const { player, settings } = setup();
    player.play({ kind: 'hold-countdown', count: 2 });
    expect(player.visual.value).toEqual({ tone: 'hold', shape: 'circle', words: 'Hold 2' });
    settings.colourWords.value = false;
    expect(player.visual.value).toBeNull();
  });

  it('keeps both messages of one instant (rep done, then relax) as separate additions, capped', () => {
    const { player } = setup();
    player.play({ kind: 'hold-complete' });
    player.play({ kind: 'rep-complete', repNumber: 4, repsTotal: 5, achieved: true });
    player.play({ kind: 'relax' });
    expect(player.announcements.value.map((a) => a.text)).toEqual(['Rep 4 of 5 done', 'Relax']);
    for (let i = 0; i < 5; i++) player.play({ kind: 'relax' });
    const ids = player.announcements.value.map((a) => a.id);
    expect(ids).toHaveLength(ANNOUNCER_KEEP);
    expect(new Set(ids).size).toBe(ANNOUNCER_KEEP); // a repeated text is a new message
  });

  it('reset clears the banner, the live region and queued speech', () => {
    const { synth, player, settings } = setup();
    settings.spokenCounting.value = true;
    player.play({ kind: 'relax' });
    player.reset();
    expect(player.visual.value).toBeNull();
    expect(player.announcements.value).toEqual([]);
    expect(synth.queue).toEqual([]);
  });

  it('dispose closes the audio context it opened', () => {
    const { audio, player } = setup();
    player.unlock();
    player.dispose();
    expect(audio.state).toBe('closed');
  });
});
