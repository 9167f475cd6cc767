// The active patient's current program (what the therapist prescribed). The programs store holds
// it per patient; stored-state.ts loads it right after start and on a patient change, and saves
// every change. Until then (or without a database) it lives in memory for the visit.
import { signal, type Signal } from '@preact/signals';
import type { Program } from '../exercise/program';
import { startStoredState } from './stored-state-start';

export const currentProgram: Signal<Program | null> = signal<Program | null>(null);
// Whichever screen first needs the program starts the load (once).
startStoredState();
