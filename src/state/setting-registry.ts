// The settings the app keeps in the database's settings store, as synchronous signals: render
// code reads them at once, while the database loads them asynchronously right after start. Each
// setting names its key, a default and a reader that validates the stored value — a damaged or
// missing value falls back to the default, never a crash. Until the database has answered (or
// when it cannot open, e.g. site data blocked), the values live in memory for the visit.
import { batch, effect, signal, type Signal } from '@preact/signals';
import { startStoredState } from './stored-state-start';

export interface SettingBinding {
  key: string;
  /** The value to store; reading signals here makes changes to them trigger a write. */
  current(): unknown;
  /** Takes the stored value (undefined when there is none) into the signals, validating it. */
  apply(stored: unknown): void;
}

/** Where settings are kept: the settings store in the app, a Map in tests. */
export interface SettingsBackend {
  readAll(): Promise<Map<string, unknown>>;
  write(key: string, value: unknown): Promise<void>;
}

export function createSettingRegistry() {
  const bindings: SettingBinding[] = [];
  /** The JSON each key last had in the backend: a value equal to it needs no write. */
  const known = new Map<string, string>();
  const stops: (() => void)[] = [];
  let backend: SettingsBackend | null = null;
  /** What the backend held at the last read: a setting bound later (a lazy chunk) starts from it. */
  let lastStored = new Map<string, unknown>();

  function watch(binding: SettingBinding): void {
    stops.push(
      effect(() => {
        const json = JSON.stringify(binding.current());
        if (!backend || known.get(binding.key) === json) return;
        known.set(binding.key, json);
        // A failed write (quota, database closed by a newer tab) keeps the value for this visit.
        backend.write(binding.key, JSON.parse(json)).catch(() => undefined);
      }),
    );
  }

  function applyOne(binding: SettingBinding): void {
    const value = lastStored.get(binding.key);
    if (value !== undefined) known.set(binding.key, JSON.stringify(value));
    else known.delete(binding.key);
    binding.apply(value);
  }

  function applyAll(stored: Map<string, unknown>): void {
    lastStored = stored;
    batch(() => {
      for (const binding of bindings) applyOne(binding);
    });
  }

  return {
    bind(binding: SettingBinding): void {
      bindings.push(binding);
      if (!backend) return;
      applyOne(binding);
      watch(binding);
    },
    /** A setting held in one signal, read back through `read` (null: not valid, use the default). */
    signal<T>(key: string, fallback: () => T, read: (stored: unknown) => T | null): Signal<T> {
      const value = signal<T>(fallback());
      this.bind({
        key,
        current: () => value.value,
        apply: (stored) => {
          value.value = (stored === undefined ? null : read(stored)) ?? fallback();
        },
      });
      return value;
    },
    /**
     * Loads the stored values and from then on writes every change. Resolves false when the
     * backend cannot be read: the settings then stay in memory for this visit.
     */
    async start(next: SettingsBackend): Promise<boolean> {
      let stored: Map<string, unknown>;
      try {
        stored = await next.readAll();
      } catch {
        return false;
      }
      applyAll(stored);
      if (!backend) {
        backend = next;
        for (const binding of bindings) watch(binding);
      }
      return true;
    },
    /** Reads every value again (after a restore or "delete everything"). */
    async reload(): Promise<void> {
      if (!backend) return;
      applyAll(await backend.readAll());
    },
    /** Stops writing (tests). */
    stop(): void {
      for (const stop of stops.splice(0)) stop();
      backend = null;
    },
  };
}

export type SettingRegistry = ReturnType<typeof createSettingRegistry>;

/** The app's settings; the database fills them right after start. */
export const appSettings = createSettingRegistry();
startStoredState();
