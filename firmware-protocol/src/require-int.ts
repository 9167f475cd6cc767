// Encoder input check. Encoders throw on values the wire cannot carry: that is a caller bug (app or
// simulator), unlike hostile bytes, which decoders answer with a typed error.

export function requireInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}…${max}, got ${value}`);
  }
}
