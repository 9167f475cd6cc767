// Test doubles for the cue player's browser dependencies (Storage, AudioContext,
// SpeechSynthesis), shared by the cue tests. They record calls; they do not make sound.
import type { CueWords } from './cue-types';

/** Plain words for tests, so state tests do not reach up into the UI layer's strings. */
export const testWords: CueWords = {
  lang: 'en-GB',
  banner: { squeeze: 'Squeeze', hold: (n) => (n === null ? 'Hold' : `Hold ${n}`), relax: 'Relax', done: 'Well done' },
  spoken: { squeeze: 'Squeeze', count: (n) => String(n), relax: 'Relax', done: 'Well done' },
  announce: {
    squeeze: (rep, reps) => `Rep ${rep} of ${reps}: squeeze`,
    hold: 'Hold',
    relax: 'Relax',
    rep: (rep, reps, achieved) => `Rep ${rep} of ${reps} ${achieved ? 'done' : 'missed'}`,
    set: (set, sets) => `Set ${set} of ${sets} done`,
    session: 'All done',
  },
};

export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

export type AudioCall = { node: string; method: string; args: readonly unknown[] };

/** Records every scheduling call as { node, method, args }, in order. */
export class FakeAudioContext {
  state: AudioContextState = 'running';
  currentTime = 0;
  readonly calls: AudioCall[] = [];
  readonly destination = { name: 'destination' };
  private nodes = 0;

  private param(node: string, name: string) {
    const record = (method: string) => (...args: unknown[]) => {
      this.calls.push({ node: `${node}.${name}`, method, args });
    };
    return {
      setValueAtTime: record('setValueAtTime'),
      linearRampToValueAtTime: record('linearRampToValueAtTime'),
      setTargetAtTime: record('setTargetAtTime'),
    };
  }

  private node(kind: string) {
    const name = `${kind}${++this.nodes}`;
    const calls = this.calls;
    return {
      name,
      type: '',
      onended: null as null | (() => void),
      connect: (target: unknown) => {
        calls.push({ node: name, method: 'connect', args: [target] });
        return target;
      },
      disconnect: () => calls.push({ node: name, method: 'disconnect', args: [] }),
      start: (when: number) => calls.push({ node: name, method: 'start', args: [when] }),
      stop: (when: number) => calls.push({ node: name, method: 'stop', args: [when] }),
    };
  }

  createOscillator() {
    const base = this.node('osc');
    return { ...base, frequency: this.param(base.name, 'frequency') };
  }

  createGain() {
    const base = this.node('gain');
    return { ...base, gain: this.param(base.name, 'gain') };
  }

  resume(): Promise<void> {
    this.calls.push({ node: 'context', method: 'resume', args: [] });
    this.state = 'running';
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }

  asAudioContext(): AudioContext {
    return this as unknown as AudioContext;
  }

  callsOf(method: string): AudioCall[] {
    return this.calls.filter((c) => c.method === method);
  }
}

export function fakeVoice(name: string, lang: string, localService: boolean, isDefault = false): SpeechSynthesisVoice {
  return { name, lang, localService, default: isDefault, voiceURI: name };
}

export interface FakeUtterance {
  text: string;
  voice: SpeechSynthesisVoice | null;
  lang: string;
}

/** A speech queue without audio: speak() queues, finishCurrent() ends the head, cancel() empties it. */
export class FakeSpeechSynthesis {
  voices: SpeechSynthesisVoice[] = [];
  readonly queue: FakeUtterance[] = [];
  readonly spokenLog: FakeUtterance[] = [];
  cancelCount = 0;

  get speaking(): boolean {
    return this.queue.length > 0;
  }
  get pending(): boolean {
    return this.queue.length > 1;
  }
  getVoices(): SpeechSynthesisVoice[] {
    return this.voices;
  }
  speak(u: FakeUtterance): void {
    this.queue.push(u);
    this.spokenLog.push(u);
  }
  cancel(): void {
    this.cancelCount++;
    this.queue.length = 0;
  }
  finishCurrent(): void {
    this.queue.shift();
  }
  asSynthesis(): SpeechSynthesis {
    return this as unknown as SpeechSynthesis;
  }
}

export const makeUtterance = (text: string): SpeechSynthesisUtterance => ({ text, voice: null, lang: '' }) as unknown as SpeechSynthesisUtterance;
