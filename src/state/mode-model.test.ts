import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../devices/clock';
import { openQuadcueDb } from '../store/db/open-db';
import { IDLE_LOCK_MS, MAX_WRONG_PINS, WRONG_PIN_PAUSE_MS, createModeModel, watchActivity } from './mode-model';
import { PBKDF2_ITERATIONS, PIN_SETTING_KEY, hashPin, isValidPin, pinMatches, settingsPinStore, type PinHash, type PinStore } from './mode-pin';

/** Few iterations keep the unit tests fast; the iteration count itself is tested below. */
const FAST = 1000;

function memoryPins(): PinStore & { stored: PinHash | null } {
  const pins = {
    stored: null as PinHash | null,
    load: async () => pins.stored,
    save: async (hash: PinHash) => void (pins.stored = hash),
    clear: async () => void (pins.stored = null),
  };
  return pins;
}

function setup() {
  const clock = new ManualClock(1_000);
  const pins = memoryPins();
  const model = createModeModel({ clock, pins, iterations: FAST });
  return { clock, pins, model };
}

describe('PIN hashing', () => {
  it('accepts 4–8 digits only', () => {
    expect(['1234', '12345678'].map(isValidPin)).toEqual([true, true]);
    expect(['123', '123456789', '12a4', ' 1234', ''].map(isValidPin)).toEqual([false, false, false, false, false]);
  });

  it('stores a salted PBKDF2-SHA-256 hash with at least the OWASP iteration count, never the PIN', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    const salt = new Uint8Array(16).fill(7);
    const hash = await hashPin('2468', PBKDF2_ITERATIONS, salt);
    expect(hash).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 600_000, saltB64: 'BwcHBwcHBwcHBwcHBwcHBw==' });
    expect(JSON.stringify(hash)).not.toContain('2468');
    expect(await pinMatches('2468', hash)).toBe(true);
    expect(await pinMatches('2469', hash)).toBe(false);
    // Same PIN, different salt: a different hash.
    expect((await hashPin('2468', FAST, new Uint8Array(16).fill(1))).hashB64).not.toBe((await hashPin('2468', FAST, new Uint8Array(16).fill(2))).hashB64);
  });

  it('keeps the hash in the settings store, and treats a damaged record as no PIN', async () => {
    const db = await openQuadcueDb({ name: 'mode-pin-0' });
    const pins = settingsPinStore(async () => db);
    expect(await pins.load()).toBeNull();
    const hash = await hashPin('1357', FAST);
    await pins.save(hash);
    expect(await pins.load()).toEqual(hash);
    await db.put('settings', { key: PIN_SETTING_KEY, value: { algorithm: 'MD5' } });
    expect(await pins.load()).toBeNull();
    await pins.clear();
    expect(await db.get('settings', PIN_SETTING_KEY)).toBeUndefined();
  });
});

describe('modes', () => {
  it('sets the PIN on first use and opens therapist mode; later the PIN unlocks it', async () => {
    const { model, pins } = setup();
    await model.load();
    expect([model.mode.value, model.pinState.value]).toEqual(['patient', 'unset']);
    expect(await model.setFirstPin('12')).toBe('invalid');
    expect(await model.setFirstPin('4321')).toBe('ok');
    expect([model.mode.value, model.pinState.value]).toEqual(['therapist', 'set']);
    // A second "first" PIN cannot overwrite the one set.
    expect(await model.setFirstPin('9999')).toBe('wrong');
    model.lock();
    expect(model.mode.value).toBe('patient');
    expect(await model.unlock('0000')).toBe('wrong');
    expect(model.mode.value).toBe('patient');
    expect(await model.unlock('4321')).toBe('ok');
    expect(model.mode.value).toBe('therapist');
    expect(pins.stored).not.toBeNull();
  });

  it('locks after 5 minutes idle, and activity starts the 5 minutes again', async () => {
    const { model, clock } = setup();
    await model.setFirstPin('4321');
    clock.advanceBy(IDLE_LOCK_MS - 1);
    expect(model.mode.value).toBe('therapist');
    model.activity();
    clock.advanceBy(IDLE_LOCK_MS - 1);
    expect(model.mode.value).toBe('therapist');
    clock.advanceBy(1);
    expect(model.mode.value).toBe('patient');
    expect(clock.pendingTimerCount).toBe(0);
    // Activity in patient mode starts no timer.
    model.activity();
    expect(clock.pendingTimerCount).toBe(0);
  });

  it('counts pointer and key events on the window as activity, until stopped', async () => {
    const { model, clock } = setup();
    await model.setFirstPin('4321');
    const target = new EventTarget();
    const stop = watchActivity(target, model);
    clock.advanceBy(IDLE_LOCK_MS - 10);
    target.dispatchEvent(new Event('pointerdown'));
    clock.advanceBy(IDLE_LOCK_MS - 10);
    target.dispatchEvent(new Event('keydown'));
    clock.advanceBy(IDLE_LOCK_MS - 10);
    expect(model.mode.value).toBe('therapist');
    stop();
    target.dispatchEvent(new Event('keydown'));
    clock.advanceBy(10);
    expect(model.mode.value).toBe('patient');
  });

  it('pauses unlocking after too many wrong PINs', async () => {
    const { model, clock } = setup();
    await model.setFirstPin('4321');
    model.lock();
    const results = [];
    for (let i = 0; i < MAX_WRONG_PINS; i++) results.push(await model.unlock('1111'));
    expect(results).toEqual([...Array<string>(MAX_WRONG_PINS - 1).fill('wrong'), 'paused']);
    expect(await model.unlock('4321')).toBe('paused');
    clock.advanceBy(WRONG_PIN_PAUSE_MS);
    expect(await model.unlock('4321')).toBe('ok');
  });

  it('changes the PIN only with the current one', async () => {
    const { model } = setup();
    await model.setFirstPin('4321');
    expect(await model.changePin('0000', '5555')).toBe('wrong');
    expect(await model.changePin('4321', '55')).toBe('invalid');
    expect(await model.changePin('4321', '55555')).toBe('ok');
    model.lock();
    expect(await model.unlock('4321')).toBe('wrong');
    expect(await model.unlock('55555')).toBe('ok');
  });

  it('"Forgot PIN?" wipes the PIN only and returns to patient mode', async () => {
    const { model, pins } = setup();
    await model.setFirstPin('4321');
    await model.resetPin();
    expect([model.mode.value, model.pinState.value, pins.stored]).toEqual(['patient', 'unset', null]);
    expect(await model.unlock('4321')).toBe('no-pin');
    expect(await model.setFirstPin('8642')).toBe('ok');
  });
});
