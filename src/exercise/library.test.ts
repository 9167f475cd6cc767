import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from './exercise-ids.ts';
import { exerciseFromLibrary, LIBRARY, libraryEntry } from './library.ts';
import { electrodePlacement, exerciseText, safetyLine } from './library-text.ts';
import { validateExercise } from './program.ts';

describe('exercise library', () => {
  it('holds every exercise the issue names, in order', () => {
    expect(LIBRARY.map((e) => e.id)).toEqual([...EXERCISE_IDS]);
  });

  it.each(LIBRARY.map((e) => [e.id, e] as const))('%s: defaults are a valid exercise', (_id, entry) => {
    expect(validateExercise(entry.defaults)).toEqual({ ok: true, value: entry.defaults });
  });

  it.each(EXERCISE_IDS.map((id) => [id]))('%s: has a name and two or three instruction lines', (id) => {
    const text = exerciseText[id];
    expect(text.name.length).toBeGreaterThan(0);
    expect(text.instructions.length).toBeGreaterThanOrEqual(2);
    expect(text.instructions.length).toBeLessThanOrEqual(3);
  });

  it('carries the safety line and both electrode sites', () => {
    expect(safetyLine).toBe('Stop if pain increases, and tell your therapist.');
    expect(electrodePlacement.VMO).toMatch(/inner/i);
    expect(electrodePlacement.VL).toMatch(/outer/i);
  });

  it('uses the clinical.md timings for quad sets and straight-leg raises', () => {
    expect(libraryEntry('quad-set').defaults).toMatchObject({ holdS: 10, relaxS: 10 });
    expect(libraryEntry('straight-leg-raise').defaults).toMatchObject({ holdS: 5, relaxS: 5, reps: 15 });
  });

  it('marks only the step-down as reporting onset timing, with its measurement note', () => {
    expect(LIBRARY.filter((e) => e.reportsOnsetTiming).map((e) => e.id)).toEqual(['step-down']);
    expect(exerciseText['step-down'].measurementNote).toMatch(/not a diagnosis/);
  });

  it('drives the dynamometer exercise from force', () => {
    expect(libraryEntry('isometric-knee-extension')).toMatchObject({ device: 'dynamometer', defaults: { signal: 'force' } });
  });

  it('applies a therapist edit on top of the defaults, keeping unedited band edges', () => {
    const r = exerciseFromLibrary('quad-set', { reps: 12, target: { unit: '%MVC', low: 40, high: 65 } });
    expect(r).toEqual({ ok: true, value: { ...libraryEntry('quad-set').defaults, reps: 12, target: { unit: '%MVC', low: 40, high: 65 } } });
    const partial = exerciseFromLibrary('quad-set', { holdS: 8 });
    expect(partial.ok && partial.value.target).toEqual({ unit: '%MVC', low: 55, high: 65 });
  });

  it('rejects a bad edit with a typed error', () => {
    const r = exerciseFromLibrary('wall-sit', { holdS: -3 });
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['out-of-range']);
  });

  it('does not let an edit change the library entry', () => {
    const r = exerciseFromLibrary('quad-set', { libraryId: 'wall-sit' });
    expect(r.ok && r.value.libraryId).toBe('quad-set');
    expect(libraryEntry('quad-set').defaults.reps).toBe(10);
  });
});
