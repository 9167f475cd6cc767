import { describe, expect, it } from 'vitest';
import { readEvent } from './backup-records';
import { NOTE_MAX_CHARS } from './note-text';

describe('a backed-up note event', () => {
  const note = { id: 4, sessionId: 's1', sensorId: 'import:edf:1', sampleIndex: 1500, kind: 'note', text: 'Stimulus on' };

  it('comes back as it was saved', () => {
    expect(readEvent(note)).toEqual({ ok: true, value: note });
  });

  it.each([
    ['no text', { ...note, text: undefined }],
    ['empty text', { ...note, text: '' }],
    ['a control character', { ...note, text: 'bell\u0007' }],
    ['a line break', { ...note, text: 'two\nlines' }],
    ['a bidirectional override', { ...note, text: 'abc\u202efdp.exe' }],
    ['too long', { ...note, text: 'a'.repeat(NOTE_MAX_CHARS + 1) }],
  ])('is refused with %s', (_, record) => {
    expect(readEvent(record)).toMatchObject({ ok: false, reason: expect.stringContaining('text') });
  });
});
