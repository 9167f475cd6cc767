import { describe, expect, it } from 'vitest';
import { createSpeaker, pickLocalVoice } from './cue-speech';
import { FakeSpeechSynthesis, fakeVoice, makeUtterance } from './cue-test-doubles';

describe('voice choice', () => {
  it('never picks a network voice, even when it is the default and matches the language', () => {
    const network = fakeVoice('Cloud English', 'en-GB', false, true);
    const local = fakeVoice('Device English', 'en-US', true);
    expect(pickLocalVoice([network, local], 'en-GB')).toBe(local);
    expect(pickLocalVoice([network], 'en-GB')).toBeNull();
  });

  it('prefers the exact language tag, then the default, and refuses other languages', () => {
    const us = fakeVoice('US', 'en-US', true, true);
    const gb = fakeVoice('GB', 'en_GB', true);
    const de = fakeVoice('DE', 'de-DE', true);
    expect(pickLocalVoice([us, gb, de], 'en-US')).toBe(us);
    expect(pickLocalVoice([de, gb, us], 'en-AU')).toBe(us);
    expect(pickLocalVoice([de], 'en-GB')).toBeNull();
  });
});

describe('speaker', () => {
  it('speaks with the local voice and cancels a stale count before the next', () => {
    const synth = new FakeSpeechSynthesis();
    const local = fakeVoice('Device', 'en-GB', true);
    synth.voices = [fakeVoice('Cloud', 'en-GB', false, true), local];
    const speaker = createSpeaker(synth.asSynthesis(), makeUtterance, 'en-GB');
    expect(speaker.say('3')).toBe(true);
    expect(synth.cancelCount).toBe(0);
    expect(speaker.say('2')).toBe(true); // "3" still speaking: it is dropped
    expect(synth.cancelCount).toBe(1);
    expect(synth.queue.map((u) => u.text)).toEqual(['2']);
    expect(synth.spokenLog.every((u) => u.voice === local && u.lang === 'en-GB')).toBe(true);
    synth.finishCurrent();
    expect(speaker.say('1')).toBe(true); // nothing left to cancel
    expect(synth.cancelCount).toBe(1);
  });

  it('is silent — no error, nothing queued — without a local voice', () => {
    const synth = new FakeSpeechSynthesis();
    synth.voices = [fakeVoice('Cloud', 'en-GB', false, true)];
    const speaker = createSpeaker(synth.asSynthesis(), makeUtterance, 'en-GB');
    expect(speaker.canSpeak()).toBe(false);
    expect(speaker.say('Squeeze')).toBe(false);
    expect(synth.spokenLog).toEqual([]);
  });
});
