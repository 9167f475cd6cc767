// The printable report's model (issue 7): the active patient's sessions as report rows, and the
// same trends History draws for them. The figures come from History's trend model, which keeps
// each session's once computed; the report's own choices (demo sessions in or out) stay here, so
// opening the report leaves the History screen as it was.
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { QuadcueDatabase } from '../store/db/open-db';
import type { PatientRecord, SessionRecord } from '../store/db/schema';
import { trendTable, type SessionTrend } from './history-trends';
import { listHistory, type HistoryEntry } from './history-list';
import type { PatientsModel } from './patients-model';
import { reportPeriod, reportRows, reportSessionCount } from './report-rows';

export interface ReportModelOptions {
  db: () => Promise<QuadcueDatabase>;
  patients: Pick<PatientsModel, 'activePatient' | 'refresh'>;
  /** Per-session trend figures: `load` computes them for the given sessions into `trends`. */
  trends: { load(sessions: readonly SessionRecord[]): Promise<void>; readonly trends: ReadonlySignal<readonly SessionTrend[] | null> };
}

export function createReportModel({ db, patients, trends }: ReportModelOptions) {
  /** The patient the shown rows belong to (null: none chosen, so the sessions recorded with none); set once they are read. */
  const patient = signal<PatientRecord | null>(null);
  const entries = signal<readonly HistoryEntry[]>([]);
  /** False until the first load has read the patient and the sessions. */
  const ready = signal(false);
  /** Storage could not be read: the report says so instead of "no sessions". */
  const unavailable = signal(false);
  /** False until the trend figures of the shown sessions are in. */
  const trendsReady = signal(false);
  /** One choice for the rows and the trends: demo sessions in both or in neither. */
  const includeSimulated = signal(false);

  const options = computed(() => ({ includeSimulated: includeSimulated.value, affectedSide: patient.value?.affectedSide ?? null }));
  const rows = computed(() => reportRows(entries.value, options.value));
  const period = computed(() => reportPeriod(rows.value));
  const sessionCount = computed(() => reportSessionCount(rows.value));
  const table = computed(() => {
    if (!trendsReady.value) return null;
    // The trend model is History's too: keep only the figures of the sessions shown here.
    const shown = new Set(entries.value.map((e) => e.session.id));
    const figures = (trends.trends.value ?? []).filter((t) => shown.has(t.sessionId));
    // Every session here is the one patient's, so their injured side is every session's.
    return trendTable(figures, includeSimulated.value, () => options.value.affectedSide);
  });

  async function read(): Promise<void> {
    // The patient list loads lazily with the modes code: read it now, so the report never shows
    // someone else's sessions while it arrives.
    await patients.refresh().catch(() => undefined);
    const active = patients.activePatient.peek();
    let list: HistoryEntry[];
    try {
      // The same sessions as History and the home screen (history-list.ts, activePatientFilter).
      list = await listHistory(await db(), { patientId: active?.id ?? null, includeUnassigned: true });
    } catch {
      batch(() => {
        unavailable.value = true;
        ready.value = true;
      });
      return;
    }
    batch(() => {
      patient.value = active;
      entries.value = list;
      unavailable.value = false;
      trendsReady.value = false;
      ready.value = true;
    });
    // Recordings that cannot be read leave the trends short, never the rows: those are in already.
    await trends.load(list.map((e) => e.session)).catch(() => undefined);
    trendsReady.value = true;
  }

  // Loads run one after another: a second one (the active patient changed) must not interleave
  // with the trends of the first.
  let queue: Promise<void> = Promise.resolve();
  /** Reads the active patient's sessions, then their trend figures. */
  function load(): Promise<void> {
    queue = queue.then(read, read);
    return queue;
  }

  return { patient, ready, unavailable, includeSimulated, rows, period, sessionCount, trendTable: table, load };
}

export type ReportModel = ReturnType<typeof createReportModel>;
