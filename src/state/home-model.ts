// The patient home's model (issue 7: "patient mode: big buttons, what is due today, progress"):
// the active patient's sessions stored on this device (history-list.ts activePatientFilter), the
// current program, and from them today's plan (exercise/schedule.ts) and the last session's
// result. "Now" comes from an injected function, read when the sessions are read, so a test sets
// the day.
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Program } from '../exercise/program';
import { deviceUtcOffsetMin, localDayNumber, planSchedule, type SchedulePlan, type UtcOffsetMin } from '../exercise/schedule';
import type { QuadcueDatabase } from '../store/db/open-db';
import type { SessionRecord } from '../store/db/schema';
import { appDb } from './app-db';
import { activePatientFilter, listSessions, type HistoryFilter } from './history-list';
import { currentProgram } from './program-model';

/** The plan the app shows: `planSchedule` in this device's time zone. */
export function planForDevice(program: Program | null, sessions: readonly SessionRecord[], now: Date): SchedulePlan | null {
  return planSchedule(program, sessions, now, deviceUtcOffsetMin);
}

export interface LastSession {
  exerciseId: string | null;
  startedAt: string;
  /** 0 today, 1 yesterday, … (local dates). */
  daysAgo: number;
  /** Holds reached and asked for across the session's exercises; null without a summary. */
  holdsDone: number | null;
  holdsTotal: number | null;
}

/** The newest finished session recorded from a person (demo and replays are not the patient's result). */
export function lastSessionOf(sessions: readonly SessionRecord[], now: Date, offsetMin: UtcOffsetMin): LastSession | null {
  const newest = sessions.filter((s) => !s.simulated && s.status === 'complete').reduce<SessionRecord | null>((a, s) => (a === null || s.startedAt > a.startedAt ? s : a), null);
  if (!newest) return null;
  const daysAgo = localDayNumber(now.getTime(), offsetMin) - localDayNumber(Date.parse(newest.startedAt), offsetMin);
  const exercises = newest.summary?.exercises ?? null;
  return {
    exerciseId: newest.exerciseId,
    startedAt: newest.startedAt,
    daysAgo,
    holdsDone: exercises ? exercises.reduce((n, e) => n + e.repsAchieved, 0) : null,
    holdsTotal: exercises ? exercises.reduce((n, e) => n + e.repsTotal, 0) : null,
  };
}

export interface HomeModelOptions {
  db?: () => Promise<QuadcueDatabase>;
  program?: ReadonlySignal<Program | null>;
  now?: () => Date;
  offsetMin?: UtcOffsetMin;
  /** Whose sessions count, read at each refresh: the active patient's in the app. */
  filter?: () => HistoryFilter;
}

export function createHomeModel({ db = appDb, program = currentProgram, now = () => new Date(), offsetMin = deviceUtcOffsetMin, filter = () => activePatientFilter() }: HomeModelOptions = {}) {
  const sessions = signal<readonly SessionRecord[]>([]);
  const loaded = signal(false);
  /** Storage could not be read: the home still shows the program, without progress. */
  const unavailable = signal(false);
  /** When the sessions were last read: the plan is for that day. */
  const readAt = signal<Date>(now());
  const plan = computed(() => planSchedule(program.value, sessions.value, readAt.value, offsetMin));
  const lastSession = computed(() => lastSessionOf(sessions.value, readAt.value, offsetMin));

  /** Reads the sessions again (on every visit to the home: a session may have ended since). */
  async function refresh(): Promise<void> {
    try {
      const list = await listSessions(await db(), filter());
      batch(() => {
        sessions.value = list;
        readAt.value = now();
        loaded.value = true;
        unavailable.value = false;
      });
    } catch {
      batch(() => {
        readAt.value = now();
        loaded.value = true;
        unavailable.value = true;
      });
    }
  }

  return { program, sessions, loaded, unavailable, plan, lastSession, refresh };
}

export type HomeModel = ReturnType<typeof createHomeModel>;
export const homeModel = createHomeModel();
