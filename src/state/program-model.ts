// The patient's current program (what the therapist prescribed), kept on this device. Saved in
// localStorage until the history database exists; validated on load like any imported program.
import { effect, signal } from '@preact/signals';
import { validateProgram, type Program } from '../exercise/program';

const storageKey = 'quadcue.program';

function load(): Program | null {
  try {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
    if (!stored) return null;
    const validated = validateProgram(JSON.parse(stored));
    return validated.ok ? validated.value : null;
  } catch {
    return null;
  }
}

export const currentProgram = signal<Program | null>(load());

effect(() => {
  try {
    const program = currentProgram.value;
    if (program) localStorage.setItem(storageKey, JSON.stringify(program));
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage full or off: the program holds for this visit.
  }
});
