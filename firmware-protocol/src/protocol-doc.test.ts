// The worked examples in PROTOCOL.md are computed by hand; this checks them against the codec so the
// document a firmware author relies on cannot drift from the code.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeControlRequest,
  decodeControlResponse,
  decodeDataFrame,
  decodeDeviceDescription,
  encodeRejectionReply,
  statusForRequestError,
} from './index';

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'PROTOCOL.md'), 'utf8');

/** The hex bytes of the first fenced block after `heading` (ignores the "(N bytes)" note). */
function exampleAfter(heading: string): Uint8Array {
  const section = doc.slice(doc.indexOf(heading));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const hex = block.replace(/\(\d+ bytes\)/g, '').match(/\b[0-9a-f]{2}\b/g) ?? [];
  return Uint8Array.from(hex, (h) => parseInt(h, 16));
}

const bytesOf = (spaced: string): Uint8Array => Uint8Array.from(spaced.split(' '), (h) => parseInt(h, 16));

describe('PROTOCOL.md worked examples', () => {
  it('§4.4 description decodes to VMO + VL at 1000 Hz, 0.25 µV per count', () => {
    const bytes = exampleAfter('### 4.4');
    expect(bytes.length).toBe(37);
    const result = decodeDeviceDescription(bytes);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.supportedRatesHz).toEqual([500, 1000, 2000]);
    expect(result.value.channels.map((c) => [c.label, c.unit, c.scale, c.sampleRateHz, c.format, c.resolutionBits])).toEqual([
      ['VMO', 'uV', 0.25, 1000, 'int16', 12],
      ['VL', 'uV', 0.25, 1000, 'int16', 12],
    ]);
  });

  it('§5.6 frame decodes to the values in its table', () => {
    const bytes = exampleAfter('### 5.6');
    expect(bytes.length).toBe(19);
    const result = decodeDataFrame(bytes);
    if (!result.ok) throw new Error(result.error.message);
    const { samples, ...header } = result.value;
    expect(header).toEqual({ flags: 1, sequence: 513, deviceTimeUs: 1_000_000, channelMask: 3, format: 'int16', samplesPerChannel: 2 });
    expect(Array.from(samples, (count) => count * 0.25)).toEqual([30, -11.25, 29.5, -8192]);
  });

  it('§5.6 int24 examples, §6.1 start, §6.2 status reply and §6.3 rejection', () => {
    for (const [spaced, value] of [['ff ff ff', -1], ['00 00 80', -8388608], ['ff ff 7f', 8388607], ['c0 1d fe', -123456]] as const) {
      const frame = decodeDataFrame(bytesOf(`10 00 00 00 00 00 00 00 01 01 01 ${spaced}`));
      expect(frame.ok && frame.value.samples[0]).toBe(value);
    }
    expect(doc).toContain('`01 01 e8 03`');
    expect(decodeControlRequest(bytesOf('01 01 e8 03'))).toEqual({ ok: true, value: { op: 'start', requestId: 1, rateHz: 1000 } });
    expect(doc).toContain('`06 07 00 57 0c 00 00 00 03 00 ff ff`');
    expect(decodeControlResponse(bytesOf('06 07 00 57 0c 00 00 00 03 00 ff ff'))).toEqual({
      ok: true,
      value: { requestId: 7, op: 'readStatus', status: 'ok', deviceStatus: { batteryPercent: 87, droppedSamples: 12, errorCounters: { adcFaults: 3, notifyFailures: 65535 } } },
    });
    const request = bytesOf('04 09 00 00');
    const decoded = decodeControlRequest(request);
    if (decoded.ok) throw new Error('setRate 0 Hz must be rejected');
    expect(Array.from(encodeRejectionReply(request, statusForRequestError(decoded.error.code)))).toEqual([0x04, 0x09, 0x02]);
    expect(doc).toContain('`04 09 00 00` (setRate 0 Hz) gets `04 09 02`');
  });
});
