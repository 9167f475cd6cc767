// The History screen's trends: per-session figures (history-trends.ts) computed once per session
// and kept in memory, keyed by session id, for the life of the page. Why memory and not the
// session record: the figures are cheap to keep but their formulas will change, and a stored copy
// would need versioning and would be dropped by backups anyway; reading each recording once per
// visit is the cost. A session still recording is read again every time (its figures would be
// partial). A long session's chunks are read with a cursor between awaits, so the page
// stays responsive; only sessions not seen before are read when the list changes. The side tag
// is taken from the current record every time, so editing it needs no recomputation.
//
// History and the report share the model, and each asks for its own list: the latest request
// wins. An older load still running stops at its next step and leaves `trends` alone, so a list
// read before a delete cannot bring the deleted session back.
import { batch, computed, signal } from '@preact/signals';
import { deviceUtcOffsetMin, type UtcOffsetMin } from '../exercise/schedule';
import type { QuadcueDatabase } from '../store/db/open-db';
import { readSessionSamples, type RecordedSamples } from '../store/db/read-session';
import { updateSessionSide, type SessionSide } from '../store/db/session-side';
import type { CalibrationRecord, LegSide, SessionRecord } from '../store/db/schema';
import { sessionTrend, trendTable, type SessionTrend } from './history-trends';
import { mvcAtSession } from './trend-calibration';
import { appDb } from './app-db';
import { sessionEvents } from './history-list';
import { affectedLeg } from './active-leg';

export interface TrendModelOptions {
  db: () => Promise<QuadcueDatabase>;
  /** The injured leg of the patient this device is set up for, for sessions that name no patient. */
  activeAffectedSide: () => LegSide | null;
  /** The local time zone, for pairing sessions of one day; the browser's unless a test sets it. */
  utcOffsetMin?: UtcOffsetMin;
}

export function createTrendModel({ db, activeAffectedSide, utcOffsetMin = deviceUtcOffsetMin }: TrendModelOptions) {
  const cache = new Map<string, SessionTrend>();
  /**
   * The injured leg of each listed session that names a patient (null: that patient's injured leg
   * is not known, or the patient was removed). Sessions without a patient are not in it.
   */
  const affectedSideOf = new Map<string, LegSide | null>();
  const trends = signal<readonly SessionTrend[] | null>(null);
  const includeSimulated = signal(false);
  const loading = signal(false);
  /** The latest load failed (storage unreadable): the screen says so instead of "reading…". */
  const failed = signal(false);
  /** Counts loads: only the latest one may set `trends`, `loading` and `failed`. */
  let generation = 0;
  /** The person asked to see the charts (kept while a session is opened and closed again). */
  const shown = signal(false);

  /**
   * The injured leg for a session: its own patient's when it names one (even when unknown: another
   * person's leg would compare the wrong legs), else the active patient's.
   */
  function affectedSide(trend: SessionTrend): LegSide | null {
    return affectedSideOf.has(trend.sessionId) ? affectedSideOf.get(trend.sessionId)! : activeAffectedSide();
  }

  const table = computed(() => (trends.value ? trendTable(trends.value, includeSimulated.value, affectedSide, utcOffsetMin) : null));

  async function compute(handle: QuadcueDatabase, session: SessionRecord, calibrations: readonly CalibrationRecord[]): Promise<SessionTrend> {
    const streams: RecordedSamples[] = [];
    for (const stream of session.streams) {
      const samples = await readSessionSamples(handle, session.id, stream.sensorId);
      if (samples) streams.push(samples);
    }
    return sessionTrend(session, streams, await sessionEvents(handle, session.id), mvcAtSession(calibrations, session.patientId, session.startedAt));
  }

  /**
   * Figures for these sessions: cached ones at once, the rest read and computed one by one. Resolves
   * without effect when a newer load started meanwhile; rejects when storage cannot be read.
   */
  async function load(sessions: readonly SessionRecord[]): Promise<void> {
    const own = ++generation;
    const current = () => own === generation;
    batch(() => {
      loading.value = true;
      failed.value = false;
    });
    try {
      const handle = await db();
      const calibrations = sessions.some((s) => !cache.has(s.id)) ? await handle.getAll('calibrations') : [];
      const patients = await handle.getAll('patients');
      const list: SessionTrend[] = [];
      const sides = new Map<string, LegSide | null>();
      for (const session of sessions) {
        if (!current()) return;
        let trend = cache.get(session.id);
        if (!trend) {
          trend = await compute(handle, session, calibrations);
          if (session.status !== 'recording') cache.set(session.id, trend);
        }
        if (session.patientId !== null) sides.set(session.id, patients.find((p) => p.id === session.patientId)?.affectedSide ?? null);
        list.push({ ...trend, side: session.side });
      }
      if (!current()) return;
      batch(() => {
        affectedSideOf.clear();
        for (const [id, side] of sides) affectedSideOf.set(id, side);
        trends.value = list;
      });
    } catch (error) {
      if (current()) failed.value = true;
      throw error;
    } finally {
      if (current()) loading.value = false;
    }
  }

  /** Tags a stored session with its leg (History's session view); false when it could not be saved. */
  async function setSide(sessionId: string, side: SessionSide): Promise<boolean> {
    try {
      if (!(await updateSessionSide(await db(), sessionId, side))) return false;
    } catch {
      return false; // storage unavailable or blocked
    }
    const list = trends.peek();
    if (list) trends.value = list.map((t) => (t.sessionId === sessionId ? { ...t, side } : t));
    return true;
  }

  return { trends, includeSimulated, loading, failed, shown, table, load, setSide };
}

export type TrendModel = ReturnType<typeof createTrendModel>;

/** The app's one trend model. */
export const trendModel = createTrendModel({
  db: appDb,
  activeAffectedSide: () => affectedLeg.value,
});
