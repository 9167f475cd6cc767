// The therapist PIN: checked against a salted PBKDF2 hash kept in the settings store, never the
// PIN itself. The PIN keeps a patient out of therapist screens on a shared tablet; it encrypts
// nothing — the data stay readable to anyone with the device's browser profile.
import type { QuadcueDatabase } from '../store/db/open-db';

/** 4–8 digits (issue 7, design notes). */
export const PIN_PATTERN = /^\d{4,8}$/;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

/**
 * OWASP Password Storage Cheat Sheet ("PBKDF2"): 600,000 iterations of PBKDF2-HMAC-SHA-256.
 * Measured with Node 20's WebCrypto on the dev machine: about 0.2 s per hash; a tablet takes
 * longer, once per unlock.
 */
export const PBKDF2_ITERATIONS = 600_000;
/** NIST SP 800-132 §5.1: a salt of at least 128 bits from an approved random source. */
export const SALT_BYTES = 16;
const HASH_BITS = 256;

/** The stored form. Iterations are kept with the hash, so a later release can raise them. */
export interface PinHash {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  saltB64: string;
  hashB64: string;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

/** `salt` is drawn from crypto.getRandomValues unless a test passes one. */
export async function hashPin(pin: string, iterations = PBKDF2_ITERATIONS, salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(SALT_BYTES))): Promise<PinHash> {
  return { algorithm: 'PBKDF2-SHA-256', iterations, saltB64: toBase64(salt), hashB64: toBase64(await derive(pin, salt, iterations)) };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = fromBase64(stored.hashB64);
  const actual = await derive(pin, fromBase64(stored.saltB64), stored.iterations);
  // Compare every byte (no early exit), so timing says nothing about how much matched.
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (actual[i] ?? 0) ^ expected[i]!;
  return difference === 0;
}

function isPinHash(x: unknown): x is PinHash {
  const h = x as Partial<PinHash> | null;
  return typeof h === 'object' && h !== null && h.algorithm === 'PBKDF2-SHA-256' && Number.isInteger(h.iterations) && (h.iterations ?? 0) > 0 && typeof h.saltB64 === 'string' && typeof h.hashB64 === 'string';
}

/** Where the hash lives: the settings store in the app, a variable in tests. */
export interface PinStore {
  load(): Promise<PinHash | null>;
  save(hash: PinHash): Promise<void>;
  clear(): Promise<void>;
}

/** The settings-store key of the PIN hash: "therapist settings" that "Forgot PIN?" wipes. */
export const PIN_SETTING_KEY = 'therapist-pin';

export function settingsPinStore(db: () => Promise<QuadcueDatabase>): PinStore {
  return {
    async load() {
      const record = await (await db()).get('settings', PIN_SETTING_KEY);
      // A damaged record counts as no PIN: the therapist sets a new one (patient data untouched).
      return isPinHash(record?.value) ? record.value : null;
    },
    async save(hash) {
      await (await db()).put('settings', { key: PIN_SETTING_KEY, value: hash });
    },
    async clear() {
      await (await db()).delete('settings', PIN_SETTING_KEY);
    },
  };
}
