// The History screen's model (issue 7): the sessions stored on this device, the one opened for
// replay and export, import of recording files, and deleting (trends: trend-model.ts). Signals,
// computed values and actions in one place; the work itself is in the pure history-*.ts modules.
import { batch, signal } from '@preact/signals';
import type { QuadcueDatabase } from '../store/db/open-db';
import { appDb } from './app-db';
import { readSessionSamples, type RecordedSamples } from '../store/db/read-session';
import type { SessionEvent } from '../store/db/schema';
import { discardSession } from '../store/db/sessions';
import { exportSession, type ExportFormat, type ExportResult } from './history-export';
import { parseImport, writeImportedSession, type ImportError } from './history-import';
import { activePatientFilter, deleteAllSessions, listHistory, sessionEvents, type HistoryEntry, type HistoryFilter } from './history-list';

export interface OpenedSession {
  readonly entry: HistoryEntry;
  /** One per stream (sensor), in the session's stream order. */
  readonly streams: readonly RecordedSamples[];
  readonly events: readonly SessionEvent[];
}

export type ImportOutcome = { ok: true; sessionId: string; fileName: string } | { ok: false; fileName: string; error: ImportError };

/** `activePatient` gives the patient History shows when the filter names none (read at each use). */
export function createHistoryModel(openDb: () => Promise<QuadcueDatabase> = appDb, activePatient: () => HistoryFilter = () => activePatientFilter()) {
  let database: Promise<QuadcueDatabase> | null = null;
  const db = () => (database ??= openDb());

  /** An explicit choice of patient; without one, the active patient's sessions, like the home's. */
  const filter = signal<HistoryFilter>({});
  const patientId = (): string | null => {
    const chosen = filter.peek().patientId;
    return chosen !== undefined ? chosen : (activePatient().patientId ?? null);
  };
  const entries = signal<readonly HistoryEntry[]>([]);
  const loaded = signal(false);
  /** Storage could not be read (private mode, blocked): the screen says so instead of "no sessions". */
  const unavailable = signal(false);
  const opened = signal<OpenedSession | null>(null);
  const importOutcome = signal<ImportOutcome | null>(null);
  const busy = signal(false);
  /** The last deletion, for a status line; cleared by the next import or deletion. */
  const lastDeletion = signal<'one' | 'all' | null>(null);

  async function refresh(): Promise<void> {
    try {
      const list = await listHistory(await db(), { patientId: patientId() });
      batch(() => {
        entries.value = list;
        loaded.value = true;
        unavailable.value = false;
      });
    } catch {
      batch(() => {
        loaded.value = true;
        unavailable.value = true;
      });
    }
  }

  async function readAll(entry: HistoryEntry): Promise<OpenedSession> {
    const handle = await db();
    const streams: RecordedSamples[] = [];
    for (const stream of entry.session.streams) {
      const samples = await readSessionSamples(handle, entry.session.id, stream.sensorId);
      if (samples) streams.push(samples);
    }
    return { entry, streams, events: await sessionEvents(handle, entry.session.id) };
  }

  async function open(sessionId: string): Promise<void> {
    const entry = entries.peek().find((e) => e.session.id === sessionId);
    if (!entry) return;
    busy.value = true;
    try {
      opened.value = await readAll(entry);
    } finally {
      busy.value = false;
    }
  }

  function close(): void {
    opened.value = null;
  }

  function exportOpened(format: ExportFormat): ExportResult | null {
    const session = opened.peek();
    return session ? exportSession(format, session.entry.session, session.streams, session.events) : null;
  }

  async function remove(sessionId: string): Promise<void> {
    await discardSession(await db(), sessionId);
    batch(() => {
      if (opened.peek()?.entry.session.id === sessionId) opened.value = null;
      lastDeletion.value = 'one';
      importOutcome.value = null;
    });
    await refresh();
  }

  async function removeAll(): Promise<void> {
    await deleteAllSessions(await db());
    batch(() => {
      opened.value = null;
      lastDeletion.value = 'all';
      importOutcome.value = null;
    });
    await refresh();
  }

  async function importFile(fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
    busy.value = true;
    let outcome: ImportOutcome;
    try {
      const parsed = parseImport(fileName, bytes);
      if (!parsed.ok) {
        outcome = { ok: false, fileName, error: parsed.error };
      } else {
        const target = { sessionId: crypto.randomUUID(), fallbackStartedAt: new Date().toISOString(), patientId: patientId() };
        const written = await writeImportedSession(await db(), parsed.recording, target);
        outcome = written.ok ? { ok: true, fileName, sessionId: written.session.id } : { ok: false, fileName, error: written.error };
      }
    } catch (error) {
      outcome = { ok: false, fileName, error: { code: 'write-failed', detail: String(error) } };
    } finally {
      busy.value = false;
    }
    batch(() => {
      importOutcome.value = outcome;
      lastDeletion.value = null;
    });
    if (outcome.ok) await refresh();
    return outcome;
  }

  function setFilter(next: HistoryFilter): Promise<void> {
    batch(() => {
      filter.value = next;
      opened.value = null;
    });
    return refresh();
  }

  return {
    filter,
    entries,
    loaded,
    unavailable,
    opened,
    importOutcome,
    busy,
    lastDeletion,
    refresh,
    open,
    close,
    exportOpened,
    remove,
    removeAll,
    importFile,
    setFilter,
  };
}

export type HistoryModel = ReturnType<typeof createHistoryModel>;
export const historyModel = createHistoryModel();
