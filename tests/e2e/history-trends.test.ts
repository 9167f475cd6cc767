import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChunkRecord, PatientRecord, SessionRecord } from '../../src/store/db/schema';
import { emgStream, fadingHold, forceRamp, forceStream, leg, rep, summaryOf, trendSession } from '../../src/state/trend-test-sessions';
import { ACTIVE_PATIENT_KEY } from '../../src/state/active-patient-id';
import { connect, historyText, legText, linkStates, offline, recordingText, screens } from '../../src/ui/strings';
import { seriousAxeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
const suite = browserSuite();

/** Chunk records as plain arrays (page.evaluate takes JSON); the page turns them into Float32Array. */
type PlainChunk = Omit<ChunkRecord, 'raw' | 'level'> & { raw: number[]; level: number[] };

/** One stream's channels (same length) cut into 1 s chunks, interleaved as the recorder stores them. */
function chunks(sessionId: string, sensorId: string, rateHz: number, raw: Float32Array[], level: Float32Array[]): PlainChunk[] {
  const out: PlainChunk[] = [];
  const length = raw[0]!.length;
  for (let start = 0, seq = 0; start < length; start += rateHz, seq++) {
    const count = Math.min(rateHz, length - start);
    const interleave = (channels: Float32Array[]) => Array.from({ length: count * channels.length }, (_, i) => channels[i % channels.length]![start + Math.floor(i / channels.length)]!);
    out.push({ sessionId, sensorId, seq, startIndex: start, sampleCount: count, gapBefore: 0, channels: raw.length, raw: interleave(raw), level: interleave(level) });
  }
  return out;
}

const patient: PatientRecord = { id: 'p-e2e', displayName: 'AB-01', affectedSide: 'left', bodyMassKg: 70, notes: '' };
const emg = emgStream('q', ['VMO', 'VL']);
/** The force gauge under the exercised leg: limb symmetry compares force only. */
const gauge = forceStream('t', 80);
const at = (day: number, hour: number) => `2026-11-0${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const untagged = at(5, 10);
const sessions: SessionRecord[] = [
  trendSession('s1', at(2, 9), { patientId: 'p-e2e', side: 'involved', streams: [emg, gauge], summary: summaryOf([rep(1, 35, 70, 0.9), rep(2, 40, 85, 1)], 3, 6) }),
  trendSession('s2', at(2, 10), { patientId: 'p-e2e', side: 'uninvolved', streams: [emg, gauge], summary: summaryOf([rep(1, 50, 90, 1.1), rep(2, 48, 95, 1.2)], 2, 5) }),
  trendSession('s3', at(5, 9), { patientId: 'p-e2e', side: 'involved', streams: [emg, gauge], summary: summaryOf([rep(1, 45, 80, 1), rep(2, 48, 90, 1.05)], 2, 6) }),
  trendSession('s4', untagged, { patientId: 'p-e2e', side: null, streams: [emg, gauge], summary: summaryOf([rep(1, 52, 95, 1.1), rep(2, 50, 100, 1.1)], 1, 4) }),
  trendSession('s5', at(8, 9), {
    patientId: 'p-e2e',
    exerciseId: 'isometric-knee-extension',
    streams: [forceStream('tl', 80), forceStream('tr', 80)],
    legs: [leg('tl', 0, 'other', 'left'), leg('tr', 0, 'other', 'right')],
  }),
  trendSession('demo', at(6, 9), { patientId: 'p-e2e', simulated: true, streams: [emg], summary: summaryOf([rep(1, 95, 100, 1)], 0, 2) }),
];
const fading = [fadingHold(120, -2, 10, 2), fadingHold(115, -1, 10, 2)] as const;
const seededChunks: PlainChunk[] = [
  ...chunks('s1', 'q', 1000, [fading[0].raw, fading[0].raw], [fading[0].level, fading[0].level]),
  ...chunks('s3', 'q', 1000, [fading[1].raw, fading[1].raw], [fading[1].level, fading[1].level]),
  ...[
    ['s1', 320],
    ['s2', 400],
    ['s3', 368],
    ['s4', 400],
  ].flatMap(([id, peakN]) => chunks(id as string, 't', 80, [forceRamp(80, 1000, peakN as number)], [forceRamp(80, 1000, peakN as number)])),
  ...chunks('s5', 'tl', 80, [forceRamp(80, 800, 340)], [forceRamp(80, 800, 340)]),
  ...chunks('s5', 'tr', 80, [forceRamp(80, 900, 400)], [forceRamp(80, 900, 400)]),
];

/** Makes AB-01 the active patient: History lists the active patient's sessions. */
const activate = (page: Page) => page.evaluate(([key, id]) => localStorage.setItem(key, id), [ACTIVE_PATIENT_KEY, patient.id] as const);

/** Writes the records into the app's own database (already opened and migrated by the app). */
async function seed(page: Page): Promise<void> {
  await activate(page);
  await page.evaluate(
    async ({ patient, sessions, chunks }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('quadcue');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['patients', 'sessions', 'chunks'], 'readwrite');
      tx.objectStore('patients').put(patient);
      for (const session of sessions) tx.objectStore('sessions').put(session);
      for (const chunk of chunks) tx.objectStore('chunks').put({ ...chunk, raw: Float32Array.from(chunk.raw), level: Float32Array.from(chunk.level) });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { patient, sessions, chunks: seededChunks },
  );
}

const localDate = (page: Page, iso: string) => page.evaluate((value) => new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }), iso);

/** The cells of a chart's text table (what a screen reader reads), row by row. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const rows = page.getByRole('table', { name: caption }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));
}

describe('history trends', () => {
  it('tags a session’s leg, then draws trends and limb symmetry from the stored sessions', async () => {
    const { page } = await suite.open(baseUrl, viewports.phone);
    await gotoReady(page, baseUrl, offline.ready, offline.dismiss);
    await page.getByRole('link', { name: screens.history.nav }).click();
    await page.getByRole('heading', { level: 1, name: screens.history.title }).waitFor();
    await seed(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: screens.history.title }).waitFor();

    // The untagged session: choose "Other leg" in its view; it is saved at once.
    await page.getByRole('button', { name: historyText.openLabel(await localDate(page, untagged)) }).click();
    const otherLeg = page.getByRole('radio', { name: legText.uninvolved });
    expect(await otherLeg.isChecked()).toBe(false);
    // The radio itself is visually hidden inside its label (a big target): click the label, as a person does.
    await page.getByRole('group', { name: legText.question }).getByText(legText.uninvolved).click();
    expect(await otherLeg.isChecked()).toBe(true);
    await page.getByRole('status').filter({ hasText: historyText.sideSaved }).waitFor();
    await saveScreenshot(page, 'history-session-side-phone');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: historyText.back }).click();

    await page.getByRole('button', { name: historyText.trendsShow }).click();
    const symmetry = page.getByRole('table', { name: historyText.symmetryTitle });
    await symmetry.waitFor({ state: 'attached' });
    // LSI = injured ÷ other force × 100: 320/400 N on 2 Nov, 368/400 N on 5 Nov (the session tagged
    // above), and the two-leg force session of 8 Nov with the left (injured) leg at 340 N, the
    // right at 400 N. The %MVC peaks (40/50, 48/52) are never used: each is scaled to its own leg.
    expect((await tableRows(page, historyText.symmetryTitle)).map((row) => row.slice(1))).toEqual([
      ['80', '320 N', '400 N'],
      ['92', '368 N', '400 N'],
      ['85', '340 N', '400 N'],
    ]);
    const charts = historyText.trendCharts;
    // Five real sessions; the demo one only when included.
    expect((await tableRows(page, charts.activation.title)).map((row) => row[1])).toEqual(['40', '50', '48', '52', '–']);
    expect((await tableRows(page, charts.ratings.title)).map((row) => row.slice(1))).toEqual([
      ['3', '6'],
      ['2', '5'],
      ['2', '6'],
      ['1', '4'],
      ['–', '–'],
    ]);
    // The seeded holds' median frequency falls at 2 and 1 Hz/s (a tone gliding down in pitch).
    const fatigue = (await tableRows(page, charts.fatigue.title)).map((row) => row[1]!);
    expect(fatigue.map((cell) => (cell === '–' ? null : Number.parseFloat(cell)))).toEqual([expect.closeTo(-2, 1), null, expect.closeTo(-1, 1), null, null]);
    expect((await tableRows(page, charts.force.title)).map((row) => row.slice(1))).toEqual([
      ['320', '1000'],
      ['400', '1000'],
      ['368', '1000'],
      ['400', '1000'],
      ['400', '900'],
    ]);
    // VMO:VL with its spread over the holds (sample SD of the two reps' ratios).
    expect((await tableRows(page, charts.vmoVl.title)).map((row) => row.slice(1))).toEqual([
      ['0.95', charts.vmoVl.spread(Math.sqrt(0.005))],
      ['1.15', charts.vmoVl.spread(Math.sqrt(0.005))],
      ['1.02', charts.vmoVl.spread(Math.sqrt(0.00125))],
      ['1.10', charts.vmoVl.spread(0)],
      ['–', historyText.trendNoValue],
    ]);
    expect(await page.locator('.trend-chart canvas').count()).toBe(7);

    await saveScreenshot(page, 'history-trends-phone');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('checkbox', { name: historyText.includeSimulated }).check();
    await expect.poll(async () => (await tableRows(page, charts.activation.title)).length).toBe(6);
    await page.getByRole('checkbox', { name: historyText.includeSimulated }).uncheck();

    await page.setViewportSize(viewports.desktop);
    await saveScreenshot(page, 'history-trends-desktop');
  });

  it('records a session tagged with the leg chosen before recording', async () => {
    const { page } = await suite.open(baseUrl, viewports.phone);
    await gotoReady(page, baseUrl, offline.ready, offline.dismiss);
    await page.getByRole('link', { name: screens.connect.nav }).click();
    await page.getByRole('button', { name: connect.useDemo }).click();
    await page.getByRole('article', { name: 'Quadcue demo sensor' }).getByRole('status').filter({ hasText: linkStates.streaming }).waitFor();
    await page.getByRole('link', { name: screens.live.nav }).click();
    const choice = page.getByRole('group', { name: legText.question });
    // No patient on this device: nothing to suggest, so nothing is chosen until someone does.
    expect(await choice.getByRole('radio', { name: legText.involved }).isChecked()).toBe(false);
    await choice.getByText(legText.involved).click();
    expect(await choice.getByRole('radio', { name: legText.involved }).isChecked()).toBe(true);
    await saveScreenshot(page, 'live-leg-choice-phone');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: recordingText.start }).click();
    // The demo streams in real time: two seconds give a couple of one-second chunks.
    await page.waitForTimeout(2000);
    await page.getByRole('button', { name: recordingText.stop }).click();
    await page.getByText(recordingText.saved).first().waitFor();

    await page.getByRole('link', { name: screens.history.nav }).click();
    await page.locator('.history-card').first().getByRole('button', { name: historyText.open }).click();
    await expect.poll(() => page.getByRole('group', { name: legText.question }).getByRole('radio', { name: legText.involved }).isChecked()).toBe(true);
  });

  it('says how to get limb symmetry when only one leg was recorded', async () => {
    const { page } = await suite.open(baseUrl, viewports.phone);
    await gotoReady(page, baseUrl, offline.ready, offline.dismiss);
    await page.getByRole('link', { name: screens.history.nav }).click();
    await page.getByRole('heading', { level: 1, name: screens.history.title }).waitFor();
    await page.evaluate(async (session) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('quadcue');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('sessions', 'readwrite');
      tx.objectStore('sessions').put(session);
      await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
      db.close();
    }, sessions[0]!);
    await activate(page);
    await page.reload();
    await page.getByRole('button', { name: historyText.trendsShow }).click();
    await page.getByText(historyText.symmetryEmpty).waitFor();
    expect(await tableRows(page, historyText.trendCharts.activation.title)).toHaveLength(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
