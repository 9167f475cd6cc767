// Patient mode and therapist mode (issue 7). Therapist mode opens with a PIN (set on first use),
// locks itself after 5 minutes without a touch or key on a shared tablet, and "Forgot PIN?"
// wipes the PIN only — never patient data. Time comes from an injected Clock, so the idle rule is
// tested in virtual time (architecture.md: "Anything with timeouts takes an injected clock").
import { batch, signal } from '@preact/signals';
import type { Clock, TimerHandle } from '../devices/clock';
import { PBKDF2_ITERATIONS, hashPin, isValidPin, pinMatches, type PinStore } from './mode-pin';

export type AppMode = 'patient' | 'therapist';
/** 'loading' until the settings store answered whether a PIN exists. */
export type PinState = 'loading' | 'unset' | 'set';

/** Issue 7: "therapist mode locks itself after 5 minutes idle on a shared tablet". */
export const IDLE_LOCK_MS = 5 * 60_000;
/**
 * Wrong PINs in a row before unlocking pauses, and for how long. A 4-digit PIN has only 10,000
 * values; the pause turns guessing at the screen into hours (OWASP Authentication Cheat Sheet,
 * "Login Throttling").
 */
export const MAX_WRONG_PINS = 5;
export const WRONG_PIN_PAUSE_MS = 30_000;

export type UnlockResult = 'ok' | 'wrong' | 'no-pin' | 'paused';
export type SetPinResult = 'ok' | 'invalid' | 'wrong';

export interface ModeModelOptions {
  clock: Clock;
  pins: PinStore;
  /** Tests lower this to keep the hash fast; the app keeps the OWASP figure. */
  iterations?: number;
}

export function createModeModel({ clock, pins, iterations = PBKDF2_ITERATIONS }: ModeModelOptions) {
  const mode = signal<AppMode>('patient');
  const pinState = signal<PinState>('loading');
  /** Set while unlocking is paused after too many wrong PINs: when it may be tried again (clock ms). */
  const pausedUntilMs = signal<number | null>(null);
  let wrongInARow = 0;
  let idleTimer: TimerHandle | null = null;

  function stopIdleTimer(): void {
    if (idleTimer !== null) clock.clearTimer(idleTimer);
    idleTimer = null;
  }

  function startIdleTimer(): void {
    stopIdleTimer();
    idleTimer = clock.setTimer(lock, IDLE_LOCK_MS);
  }

  function enterTherapist(): void {
    wrongInARow = 0;
    batch(() => {
      pausedUntilMs.value = null;
      mode.value = 'therapist';
    });
    startIdleTimer();
  }

  /** Back to patient mode (the Lock button, the idle timer, a PIN reset). */
  function lock(): void {
    stopIdleTimer();
    mode.value = 'patient';
  }

  async function load(): Promise<void> {
    pinState.value = (await pins.load()) ? 'set' : 'unset';
  }

  /** First use: the new PIN is saved and therapist mode opens. */
  async function setFirstPin(pin: string): Promise<SetPinResult> {
    if (!isValidPin(pin)) return 'invalid';
    if (await pins.load()) return 'wrong';
    await pins.save(await hashPin(pin, iterations));
    pinState.value = 'set';
    enterTherapist();
    return 'ok';
  }

  async function unlock(pin: string): Promise<UnlockResult> {
    const paused = pausedUntilMs.value;
    if (paused !== null && clock.nowMs() < paused) return 'paused';
    const stored = await pins.load();
    if (!stored) {
      pinState.value = 'unset';
      return 'no-pin';
    }
    if (await pinMatches(pin, stored)) {
      enterTherapist();
      return 'ok';
    }
    wrongInARow++;
    if (wrongInARow >= MAX_WRONG_PINS) {
      wrongInARow = 0;
      pausedUntilMs.value = clock.nowMs() + WRONG_PIN_PAUSE_MS;
      return 'paused';
    }
    return 'wrong';
  }

  /** In therapist mode: the current PIN confirms the change. */
  async function changePin(current: string, next: string): Promise<SetPinResult> {
    if (mode.value !== 'therapist') return 'wrong';
    if (!isValidPin(next)) return 'invalid';
    const stored = await pins.load();
    if (!stored || !(await pinMatches(current, stored))) return 'wrong';
    await pins.save(await hashPin(next, iterations));
    return 'ok';
  }

  /** "Forgot PIN?": wipes the PIN only (therapist settings), back to patient mode, PIN unset. */
  async function resetPin(): Promise<void> {
    lock();
    await pins.clear();
    wrongInARow = 0;
    batch(() => {
      pausedUntilMs.value = null;
      pinState.value = 'unset';
    });
  }

  /** A touch or key press: in therapist mode, the 5 minutes start again. */
  function activity(): void {
    if (mode.value === 'therapist') startIdleTimer();
  }

  return { mode, pinState, pausedUntilMs, load, setFirstPin, unlock, changePin, resetPin, lock, activity };
}

export type ModeModel = ReturnType<typeof createModeModel>;

/** What counts as activity on a shared tablet: a touch, click or key press. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown'] as const;

/** Feeds user activity on `target` (the window) to the model; returns the way to stop. */
export function watchActivity(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, model: Pick<ModeModel, 'activity'>): () => void {
  const onActivity = () => model.activity();
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { capture: true, passive: true });
  return () => {
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
  };
}
