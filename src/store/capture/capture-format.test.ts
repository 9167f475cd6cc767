import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from './capture-line.schema.json' with { type: 'json' };
import { formatCaptureEvent, formatCaptureHeader, parseCapture, type CaptureEvent } from './capture-format';
import { bytesToHex, hexToBytes } from './hex';

const dataChar = '5b090002-3804-4a5c-ae72-9dec7c60a1b4';
const softwareRevision = '00002a28-0000-1000-8000-00805f9b34fb';
const header = {
  device: { name: 'Ganglion-1a2b', services: ['0000fe84-0000-1000-8000-00805f9b34fb'], info: { [softwareRevision]: '3.1.2' } },
  startedAt: '2026-11-27T10:00:00.000Z',
};
const events: CaptureEvent[] = [
  { tMs: 0, op: 'connect' },
  { tMs: 1.5, op: 'write', characteristic: dataChar, bytes: Uint8Array.of(0x62) },
  { tMs: 12.25, op: 'notify', characteristic: dataChar, bytes: Uint8Array.of(0x00, 0xff, 0x10) },
  { tMs: 12.25, op: 'read', characteristic: dataChar, bytes: new Uint8Array(0) },
  { tMs: 900, op: 'disconnect' },
];
const file = [formatCaptureHeader(header), ...events.map(formatCaptureEvent)].join('\n') + '\n';

const validateLine = new Ajv2020({ strict: true, validateFormats: false }).compile(schema);

describe('capture format', () => {
  it('writes the documented line shapes', () => {
    const lines = file.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ capture: 'quadcue-ble', version: 1, ...header });
    expect(lines[3]).toBe(`{"t":12.25,"op":"notify","char":"${dataChar}","hex":"00ff10"}`);
    expect(lines[5]).toBe('{"t":900,"op":"disconnect"}');
  });

  it('reads back exactly what it wrote', () => {
    const parsed = parseCapture(file);
    expect(parsed).toEqual({ ok: true, capture: { header, events } });
  });

  it('writes only lines its published JSON Schema accepts', () => {
    for (const line of file.trim().split('\n')) expect(validateLine(JSON.parse(line)), line).toBe(true);
  });

  const broken: [string, string, string][] = [
    ['empty file', '', 'empty'],
    ['not JSON', 'hello\n', 'not-a-capture'],
    ['another format', '{"capture":"other","version":1}\n', 'not-a-capture'],
    ['a future version', '{"capture":"quadcue-ble","version":2}\n', 'unsupported-version'],
    ['short UUID in services', formatCaptureHeader({ ...header, device: { ...header.device, services: ['fe84'] } }), 'bad-header'],
    ['bad start date', formatCaptureHeader({ ...header, startedAt: 'yesterday' }), 'bad-header'],
    ['broken event JSON', `${formatCaptureHeader(header)}\n{"t":1,`, 'bad-json'],
    ['unknown op', `${formatCaptureHeader(header)}\n{"t":1,"op":"scan"}`, 'bad-event'],
    ['bytes on a disconnect', `${formatCaptureHeader(header)}\n{"t":1,"op":"disconnect","hex":"00"}`, 'bad-event'],
    ['negative time', `${formatCaptureHeader(header)}\n{"t":-1,"op":"connect"}`, 'bad-event'],
    ['upper-case hex', `${formatCaptureHeader(header)}\n{"t":1,"op":"notify","char":"${dataChar}","hex":"FF"}`, 'bad-event'],
    ['odd hex', `${formatCaptureHeader(header)}\n{"t":1,"op":"notify","char":"${dataChar}","hex":"abc"}`, 'bad-event'],
    ['upper-case UUID', `${formatCaptureHeader(header)}\n{"t":1,"op":"notify","char":"${dataChar.toUpperCase()}","hex":"00"}`, 'bad-event'],
    ['value too long', `${formatCaptureHeader(header)}\n{"t":1,"op":"notify","char":"${dataChar}","hex":"${'00'.repeat(513)}"}`, 'bad-event'],
    ['time going backwards', `${formatCaptureHeader(header)}\n{"t":5,"op":"connect"}\n{"t":4,"op":"disconnect"}`, 'time-goes-backwards'],
  ];
  it.each(broken)('rejects %s with a typed error and its line', (_name, text, code) => {
    const parsed = parseCapture(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.detail.length).toBeGreaterThan(0);
    }
  });

  it('agrees with the JSON Schema on every rejected event line', () => {
    for (const [, text, code] of broken) {
      if (code !== 'bad-event') continue;
      const lastLine = text.trim().split('\n').at(-1)!;
      expect(validateLine(JSON.parse(lastLine)), lastLine).toBe(false);
    }
  });
});

describe('hex', () => {
  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(hexToBytes(bytesToHex(all))).toEqual(all);
  });
  it('refuses separators and odd lengths', () => {
    expect(hexToBytes('0a 0b')).toBeNull();
    expect(hexToBytes('0')).toBeNull();
    expect(hexToBytes('0g')).toBeNull();
  });
});

describe('capture fast path', () => {
  it('reads the common notify line exactly as the general path does, and rejects the same bad ones', () => {
    const head = formatCaptureHeader(header);
    const good = `{"t":12.5,"op":"notify","char":"${dataChar}","hex":"00ff"}`;
    const spaced = `{"t": 12.5, "op": "notify", "char": "${dataChar}", "hex": "00ff"}`; // general path
    const a = parseCapture(`${head}\n${good}\n`);
    const b = parseCapture(`${head}\n${spaced}\n`);
    expect(a).toEqual(b);
    expect(a.ok && a.capture.events[0]).toEqual({ tMs: 12.5, op: 'notify', characteristic: dataChar, bytes: Uint8Array.of(0, 255) });
    for (const bad of [
      `{"t":1,"op":"notify","char":"${dataChar}","hex":"0G"}`,
      `{"t":1,"op":"notify","char":"${dataChar.toUpperCase()}","hex":"00"}`,
      `{"t":-1,"op":"notify","char":"${dataChar}","hex":"00"}`,
    ]) {
      const parsed = parseCapture(`${head}\n${bad}\n`);
      expect(parsed.ok).toBe(false);
    }
  });
});
