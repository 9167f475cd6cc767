import { describe, expect, it } from 'vitest';
import { parseCsvRecording, type CsvParseResult, type CsvRecording } from './csv-format';

function recording(result: CsvParseResult): CsvRecording {
  if (!result.ok) throw new Error(`${result.error.code} at line ${result.error.line}: ${result.error.detail}`);
  return result.recording;
}

describe('CSV recordings', () => {
  it('reads a time column, converts every unit and keeps counts as counts', () => {
    const text = 'time_s,VMO[uV],VL[mV],raw,EMG[V],knee[N],grip[kg]\n0.000,1,0.002,2048,0.000003,10,1\n0.001,-1,0.5,2050,-0.000001,11.5,2\n';
    const r = recording(parseCsvRecording(text));
    expect(r.sampleRateHz).toBeCloseTo(1000, 9);
    expect(r.rateSource).toBe('time-column');
    expect(r.channels.map((c) => [c.label, c.kind, c.unit, c.headerUnit])).toEqual([
      ['VMO', 'emg', 'uV', 'uV'],
      ['VL', 'emg', 'uV', 'mV'],
      ['raw', 'emg', 'counts', null],
      ['EMG', 'emg', 'uV', 'V'],
      ['knee', 'force', 'N', 'N'],
      ['grip', 'force', 'N', 'kg'],
    ]);
    expect(Array.from(r.channels[1]!.values)).toEqual([2, 500]); // mV × 1000
    expect(r.channels[3]!.values[0]).toBeCloseTo(3, 9); // V × 1e6
    expect(Array.from(r.channels[2]!.values)).toEqual([2048, 2050]);
    // 1 kg × standard gravity 9.80665 m/s² (ISO 80000-3)
    expect(r.channels[5]!.values[1]).toBeCloseTo(2 * 9.80665, 12);
    expect(r.gaps).toEqual([]);
  });

  it('takes the rate from --rate when there is no time column, and asks for it otherwise', () => {
    const text = 'a[uV],b\r\n1,2\r\n3,4\r\n\r\n';
    const r = recording(parseCsvRecording(text, { rateHz: 2000 }));
    expect(r).toMatchObject({ sampleRateHz: 2000, rateSource: 'option' });
    expect(Array.from(r.channels[1]!.values)).toEqual([2, 4]);
    const missing = parseCsvRecording(text);
    expect(missing).toMatchObject({ ok: false, error: { code: 'no-rate', line: 0 } });
  });

  it('accepts a byte-order mark, quoted names and the micro sign', () => {
    const r = recording(parseCsvRecording('\ufeff"time_s","VMO [µV]"\n0,1\n0.0005,2\n'));
    expect(r.channels[0]).toMatchObject({ label: 'VMO', unit: 'uV', headerUnit: 'µV' });
    expect(r.sampleRateHz).toBeCloseTo(2000, 9);
  });

  it('counts holes in the time column as lost samples and measures the rate across them', () => {
    // 1 kHz with samples at 3, 4 and 5 ms missing.
    const times = [0, 0.001, 0.002, 0.006, 0.007];
    const r = recording(parseCsvRecording(`time_s,f[N]\n${times.map((t) => `${t},0`).join('\n')}\n`));
    expect(r.gaps).toEqual([{ atIndex: 3, lengthSamples: 3 }]);
    expect(r.sampleRateHz).toBeCloseTo(1000, 9);
  });

  const broken: [string, string, string, number][] = [
    ['an empty file', '\n\n', 'empty', 0],
    ['a header without rows', 'a[uV]\n', 'empty', 0],
    ['an unknown unit', 'time_s,a[furlong]\n0,1\n', 'unknown-unit', 1],
    ['an empty name', 'time_s,[uV]\n0,1\n', 'bad-header', 1],
    ['time_s not first', 'a[uV],time_s\n1,0\n', 'bad-header', 1],
    ['only a time column', 'time_s\n0\n', 'bad-header', 1],
    ['two columns of one name', 'a[uV],a[N]\n1,2\n', 'duplicate-column', 1],
    ['a short row', 'a[uV],b[uV]\n1,2\n3\n', 'bad-row', 3],
    ['text in a number', 'a[uV]\n1\nlots\n', 'bad-number', 3],
    ['an empty cell', 'a[uV],b[uV]\n1,\n', 'bad-number', 2],
    ['infinity', 'a[uV]\nInfinity\n', 'bad-number', 2],
    ['time going backwards', 'time_s,a[uV]\n0,1\n0.002,1\n0.001,1\n', 'bad-time', 4],
    ['a single timed row', 'time_s,a[uV]\n0,1\n', 'bad-time', 0],
  ];
  it.each(broken)('rejects %s with a code and the line to look at', (_name, text, code, line) => {
    const result = parseCsvRecording(text, { rateHz: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code, line } });
    if (!result.ok) expect(result.error.detail.length).toBeGreaterThan(10);
  });
});
