import { describe, expect, it } from 'vitest';
import { NOTE_MAX_CHARS, noteText } from './note-text';

describe('note text', () => {
  it.each([
    ['Stimulus on', 'Stimulus on'],
    ['  two\tcolumns\r\nand a line  ', 'two columns and a line'],
    ['bell\u0007 and escape\u001b[31m', 'bell and escape[31m'],
    ['C1 control\u0085 gone', 'C1 control gone'],
    ['abc\u202Efdp.exe', 'abcfdp.exe'],
    ['isolate \u2066x\u2069 mark \u200e', 'isolate x mark'],
    ['Knie über 90°, Schmerz 🙂', 'Knie über 90°, Schmerz 🙂'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['\u0000\t\n', ''],
  ])('cleans %j to %j', (raw, clean) => {
    expect(noteText(raw)).toBe(clean);
  });

  it(`keeps at most ${NOTE_MAX_CHARS} characters, cutting between code points, and cleaning twice changes nothing`, () => {
    const long = `${'a'.repeat(NOTE_MAX_CHARS - 2)}🙂🙂🙂 tail`;
    const clean = noteText(long);
    expect([...clean]).toHaveLength(NOTE_MAX_CHARS);
    expect(clean.endsWith('🙂…')).toBe(true);
    expect(noteText(clean)).toBe(clean);
    expect(noteText(`${'word '.repeat(100)}`)).toBe(noteText(noteText(`${'word '.repeat(100)}`)));
  });
});
