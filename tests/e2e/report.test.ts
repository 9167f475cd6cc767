import { writeFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exerciseFromLibrary } from '../../src/exercise/library';
import { forceRamp, forceStream, leg } from '../../src/state/trend-test-sessions';
import { exerciseText } from '../../src/exercise/library-text';
import type { Program } from '../../src/exercise/program';
import type { ExerciseSummary, RepSummary, SessionSummary } from '../../src/exercise/summary';
import type { ExerciseId } from '../../src/exercise/exercise-ids';
import type { PatientRecord, SessionRecord, StreamRecord } from '../../src/store/db/schema';
import { encodeProgramLink } from '../../src/store/program-link/program-link';
import { about, emptyStates, historyText, programText, reportText, screens, offline } from '../../src/ui/strings';
import { seriousAxeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
const suite = browserSuite();

/** One rep as the engine scores it: mean and peak %MVC, time in band %, hold reached or not. */
function rep(set: number, repNo: number, [mean, peak, timeInBandPct, held]: [number, number, number, boolean]): RepSummary {
  return { set, rep: repNo, unit: '%MVC', holdAchieved: held, heldS: held ? 10 : 4, timeInBandPct, peak, mean, contractionStartIndex: 0, holdStartIndex: 200, holdEndIndex: 1200, vmoToVl: null, vmoMinusVlOnsetMs: null };
}

function exercise(libraryId: ExerciseId, sets: [number, number, number, boolean][][]): ExerciseSummary {
  const scored = sets.map((reps, s) => reps.map((r, i) => rep(s + 1, i + 1, r)));
  const all = scored.flat();
  return {
    libraryId,
    target: { unit: '%MVC', low: 20, high: 40 },
    sets: scored.map((reps, s) => ({ set: s + 1, reps, repsAchieved: reps.filter((r) => r.holdAchieved).length, timeInBandPct: 0, peak: 0, mean: 0, meanTrendPerRep: null, peakTrendPerRep: null })),
    repsAchieved: all.filter((r) => r.holdAchieved).length,
    repsTotal: all.length,
    meanTrendPerRep: null,
    peakTrendPerRep: null,
    vmoToVlMean: null,
    vmoMinusVlOnsetMeanMs: null,
  };
}

const firstSummary: SessionSummary = {
  // Averages 24 %, peak 40 %, time in band 76.7 %, 4 of 6 holds.
  exercises: [
    exercise('quad-set', [
      [[25, 35, 80, true], [27, 38, 90, true], [20, 30, 60, false]],
      [[24, 36, 70, true], [22, 33, 60, false], [26, 40, 100, true]],
    ]),
  ],
  pain: 3,
  effort: 6,
  wentWell: { id: 'some-holds', achieved: 4, total: 6 },
};
const secondSummary: SessionSummary = {
  exercises: [
    // Averages 30 %, peak 45 %, time in band 95 %, 6 of 6 holds.
    exercise('quad-set', [
      [[30, 41, 100, true], [32, 44, 100, true], [28, 39, 90, true]],
      [[30, 42, 100, true], [29, 40, 95, true], [31, 45, 85, true]],
    ]),
    // Averages 20 %, peak 28 %, time in band 60 %, 1 of 2 holds.
    exercise('straight-leg-raise', [[[18, 25, 50, false], [22, 28, 70, true]]]),
  ],
  pain: 2,
  effort: 5,
  wentWell: { id: 'in-band', percent: 86 },
};

const patients: PatientRecord[] = [
  { id: 'p1', displayName: 'AB-01', affectedSide: 'left', bodyMassKg: 72.5, notes: '' },
  { id: 'p2', displayName: 'CD-02', affectedSide: 'right', bodyMassKg: null, notes: '' },
];

/** The demo sensor's one VMO channel, which every seeded session recorded. */
const demoStream: StreamRecord = { sensorId: 'demo', profileId: 'quadcue', channels: [{ label: 'VMO', kind: 'emg', unit: 'uV', nominalRateHz: 1000 }], rateHz: 1000, firstIndex: 0 };

function session(id: string, patientId: string, startedAt: string, extra: Partial<SessionRecord>): SessionRecord {
  return {
    id,
    patientId,
    side: 'involved',
    simulated: false,
    exerciseId: 'quad-set',
    startedAt,
    status: 'complete',
    stoppedBy: 'user',
    streams: [demoStream],
    ...extra,
  };
}

/** Force gauges under both legs in AB-01's first session: left (injured) 340 N, right 400 N. */
const gaugeRateHz = 80;
const gaugePeaksN = { tl: 340, tr: 400 } as const;
const gauges = [forceStream('tl', gaugeRateHz), forceStream('tr', gaugeRateHz)];

const sessions: SessionRecord[] = [
  session('s1', 'p1', '2026-11-20T09:00:00.000Z', {
    summary: firstSummary,
    streams: [demoStream, ...gauges],
    legs: [leg('tl', 0, 'other', 'left'), leg('tr', 0, 'other', 'right')],
  }),
  session('s2', 'p1', '2026-11-24T09:00:00.000Z', { summary: secondSummary }),
  session('demo', 'p1', '2026-11-22T09:00:00.000Z', { simulated: true, side: null, exerciseId: null }),
  session('other', 'p2', '2026-11-23T09:00:00.000Z', { summary: secondSummary }),
];

function program(): Program {
  const quadSet = exerciseFromLibrary('quad-set');
  if (!quadSet.ok) throw new Error('the library quad set must be valid');
  return { exercises: [quadSet.value], schedule: { daysPerWeek: 5, sessionsPerDay: 2 } };
}

/**
 * Puts the patients and sessions (three seconds of rising level each, for the trends) into the
 * app's real database, makes AB-01 the active patient, adds the program through a shared link, and
 * opens the report from History.
 */
async function openReport(page: Page): Promise<void> {
  const forces = Object.entries(gaugePeaksN).map(([sensorId, peakN]) => ({ sensorId, level: [...forceRamp(gaugeRateHz, 1000, peakN)] }));
  // History opens the database, so its stores exist before the seeding writes to them.
  await gotoReady(page, `${baseUrl}#/history`, offline.ready, offline.dismiss);
  await page.getByRole('heading', { name: emptyStates.history.heading }).waitFor();
  await page.evaluate(
    async ({ patients, sessions, forces }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('quadcue');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['patients', 'sessions', 'chunks'], 'readwrite');
      for (const patient of patients) tx.objectStore('patients').put(patient);
      sessions.forEach((session, n) => {
        tx.objectStore('sessions').put(session);
        for (let seq = 0; seq < 3; seq++) {
          const level = Float32Array.from({ length: 1000 }, (_, i) => 40 + 10 * n + (seq * 1000 + i) / 100);
          tx.objectStore('chunks').put({ sessionId: session.id, sensorId: 'demo', seq, startIndex: seq * 1000, sampleCount: 1000, gapBefore: 0, channels: 1, raw: level.map((v, i) => (i % 2 ? v : -v)), level });
        }
      });
      for (const { sensorId, level } of forces) {
        const samples = Float32Array.from(level);
        tx.objectStore('chunks').put({ sessionId: 's1', sensorId, seq: 0, startIndex: 0, sampleCount: samples.length, gapBefore: 0, channels: 1, raw: samples, level: samples });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      // The active patient's key (src/state/patients-model.ts).
      localStorage.setItem('quadcue.active-patient', 'p1');
    },
    { patients, sessions, forces },
  );
  // The app read the (then empty) active patient at start: start it again on the seeded data.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: screens.history.title }).waitFor();

  await page.goto(`${baseUrl}${await encodeProgramLink(program())}`);
  await page.getByRole('button', { name: programText.importAdd }).click();
  await page.getByRole('button', { name: programText.startNow('Quad set') }).waitFor();

  await page.getByRole('link', { name: screens.history.nav }).click();
  await page.getByRole('link', { name: reportText.open }).click();
  await page.getByRole('heading', { level: 1, name: reportText.title }).waitFor();
  await page.locator('.report-trends canvas').first().waitFor();
}

const sessionRows = (page: Page) => page.getByRole('region', { name: reportText.sessionsScrollLabel }).locator('tbody tr');

/** Each row's cells after the date (the date is in the reader's locale), as shown. */
async function rowCells(page: Page): Promise<string[][]> {
  const rows = await sessionRows(page).all();
  return Promise.all(rows.map(async (row) => (await row.locator('td').allInnerTexts()).map((text) => text.trim())));
}

const injuredLeft = reportText.leg('involved', 'left');
const quadSet = exerciseText['quad-set'].name;
const expectedRows = [
  [quadSet, injuredLeft, '2', reportText.holds(4, 6), '24 %', '40 %', '77 %', '3/10', '6/10'],
  [quadSet, injuredLeft, '2', reportText.holds(6, 6), '30 %', '45 %', '95 %', '2/10', '5/10'],
  [exerciseText['straight-leg-raise'].name, injuredLeft, '1', reportText.holds(1, 2), '20 %', '28 %', '60 %', '2/10', '5/10'],
];

describe('printable report', () => {
  it('shows the patient, program, per-session results and trends, and prints to a PDF', async () => {
    const { page } = await suite.open(baseUrl, viewports.desktop);
    await openReport(page);

    const details = page.getByRole('definition');
    expect(await details.allInnerTexts()).toEqual(expect.arrayContaining(['AB-01', reportText.side.left, reportText.bodyMassValue(72.5)]));
    const quadSetProgram = program().exercises[0]!;
    const programRow = page.getByRole('row', { name: new RegExp(`^${quadSet}`) }).first();
    expect(await programRow.locator('td').allInnerTexts()).toEqual([
      reportText.target(quadSetProgram.target.low, quadSetProgram.target.high, quadSetProgram.target.unit, quadSetProgram.signal),
      reportText.holdS(quadSetProgram.holdS),
      reportText.repsBySets(quadSetProgram.reps, quadSetProgram.sets),
    ]);
    await page.getByText(programText.schedule(5, 2)).waitFor();

    // AB-01's two sessions, oldest first; CD-02's session and the demo session are left out.
    expect(await rowCells(page)).toEqual(expectedRows);
    await page.getByText(about.medical).waitFor();

    await page.getByLabel(reportText.includeSimulated).check();
    await expect.poll(() => sessionRows(page).count()).toBe(4);
    const withDemo = await rowCells(page);
    expect(withDemo[1]).toEqual([historyText.noExercise, reportText.noValue, reportText.recordingOnly(historyText.duration(3))]);
    expect(await sessionRows(page).nth(1).getByRole('rowheader').innerText()).toContain(reportText.demo);
    await page.getByLabel(reportText.includeSimulated).uncheck();
    await expect.poll(() => sessionRows(page).count()).toBe(3);
    await page.locator('.report-trends canvas').first().waitFor();

    // Limb symmetry, as History shows it: the two-leg session's force, injured (left) ÷ other.
    const symmetry = page.getByRole('table', { name: historyText.symmetryTitle }).locator('tbody tr');
    expect(await symmetry.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((cell) => cell.textContent)))).toEqual([['85', '340 N', '400 N']]);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'report-desktop');
    // In a dark theme the sheet stays paper-white, as it will print.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.locator('.report-sheet').evaluate((sheet) => getComputedStyle(sheet).backgroundColor)).toBe('rgb(255, 255, 255)');
    await saveScreenshot(page, 'report-dark-desktop');
    await page.emulateMedia({ colorScheme: 'light' });

    // The Print button hands over to the browser's print window (stubbed: headless has none).
    await page.evaluate(() => {
      const counter = window as unknown as { printCalls: number };
      counter.printCalls = 0;
      window.print = () => void counter.printCalls++;
    });
    await page.getByRole('button', { name: reportText.print }).click();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: reportText.print }).isVisible()).toBe(false);
    await saveScreenshot(page, 'report-print-desktop');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile('/tmp/quadcue-report.pdf', pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    // The seeded report fills three A4 pages (details and results, then the trend charts);
    // more would mean something overflowed or a chart broke across pages.
    expect(pages.length).toBe(3);
  });

  it('fits a phone, the table scrolling sideways', async () => {
    const { page } = await suite.open(baseUrl, viewports.phone);
    await openReport(page);
    expect(await rowCells(page)).toEqual(expectedRows);
    expect(await page.getByRole('link', { name: screens.history.nav, exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'report-phone');

    await page.getByRole('link', { name: reportText.back }).click();
    await page.getByRole('link', { name: reportText.open }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/history');
    await saveScreenshot(page, 'report-link-phone');
  });
});
