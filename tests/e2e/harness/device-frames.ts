// Notifications built from each device's documented format (../shared/reference/devices.md),
// written independently of the app's decoders so a browser test checks them against the docs.

/** Tindeq Progressor weight data: tag 1, payload length, then records of float32 kg + uint32 µs, LE. */
export function tindeqWeightNotification(records: { kg: number; timeUs: number }[]): Uint8Array {
  const bytes = new Uint8Array(2 + 8 * records.length);
  const view = new DataView(bytes.buffer);
  bytes[0] = 1;
  bytes[1] = 8 * records.length;
  records.forEach(({ kg, timeUs }, i) => {
    view.setFloat32(2 + 8 * i, kg, true);
    view.setUint32(6 + 8 * i, timeUs >>> 0, true);
  });
  return bytes;
}

/**
 * Tindeq frames for `seconds` of a smooth pull at `rateHz`, `perNotification` records each:
 * a 0→`peakKg` rise and fall, device time in µs from `startUs`.
 */
export function tindeqSession(seconds: number, rateHz: number, perNotification: number, peakKg: number, startUs = 0): Uint8Array[] {
  const periodUs = 1e6 / rateHz;
  const total = Math.round(seconds * rateHz);
  const frames: Uint8Array[] = [];
  for (let first = 0; first < total; first += perNotification) {
    const records = [];
    for (let i = first; i < Math.min(total, first + perNotification); i++) {
      records.push({ kg: peakKg * Math.sin((Math.PI * i) / total) ** 2, timeUs: startUs + i * periodUs });
    }
    frames.push(tindeqWeightNotification(records));
  }
  return frames;
}

/** Writes `value` as a `width`-bit field, most significant bit first, starting at bit `bitOffset`. */
function putBitsMsbFirst(bytes: Uint8Array, bitOffset: number, width: number, value: number): void {
  for (let bit = 0; bit < width; bit++) {
    const set = (value >> (width - 1 - bit)) & 1;
    const at = bitOffset + bit;
    if (set) bytes[at >> 3]! |= 0x80 >> (at & 7);
  }
}

/**
 * OpenBCI Ganglion firmware 3 data packet (ids 0–99): 20 bytes, id then eight 18-bit
 * two's-complement fields (channels 1–4 of sample A, then of sample B), MSB first.
 */
export function ganglionFw3Packet(id: number, counts: number[]): Uint8Array {
  const bytes = new Uint8Array(20);
  bytes[0] = id;
  counts.forEach((count, i) => putBitsMsbFirst(bytes, 8 + 18 * i, 18, count < 0 ? count + 2 ** 18 : count));
  return bytes;
}

/** `packets` firmware 3 packets with ids cycling 0–99, each carrying two 4-channel sample sets. */
export function ganglionFw3Session(packets: number): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let p = 0; p < packets; p++) {
    const counts = Array.from({ length: 8 }, (_, i) => Math.round(1000 * Math.sin((2 * p + (i >> 2)) / 7 + i)));
    frames.push(ganglionFw3Packet(p % 100, counts));
  }
  return frames;
}
