// An EDF+ file from another program, imported into History: its annotations show as notes at
// their time in the recording, as plain text, and Quadcue's own marks (a rep) are not notes.
import { expect, inject, it } from 'vitest';
import { writeEdf } from '../../src/store/formats/edf-writer';
import { historyText, offline, screens } from '../../src/ui/strings';
import { seriousAxeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
const suite = browserSuite();

/** 5 s of VMO at 1 kHz with four annotations, as a lab program might write them. */
function labRecording(): Buffer {
  const written = writeEdf({
    startedAt: '2026-03-02T14:05:00.000Z',
    simulated: false,
    channels: [{ label: 'VMO', unit: 'uV', sampleRateHz: 1000, samples: Float32Array.from({ length: 5000 }, (_, i) => 40 * Math.sin(i * 0.9)) }],
    annotations: [
      { onsetS: 1.2, durationS: 2, text: 'Stimulus on' },
      { onsetS: 2.5, text: 'set 1 rep 1' },
      { onsetS: 3, text: '<b>Knee at 90°</b>' },
      { onsetS: 4.1, text: 'Lights\toff' },
    ],
  });
  if (!written.ok) throw new Error(written.error.detail);
  return Buffer.from(written.bytes);
}

const sizes = [
  ['phone', viewports.phone],
  ['desktop', viewports.desktop],
] as const;

it.each(sizes)('shows the notes of an imported EDF+ file as text, at their time (%s)', async (size, viewport) => {
  const { page } = await suite.open(baseUrl, viewport);
  await gotoReady(page, baseUrl, offline.ready, offline.dismiss);
  await page.getByRole('link', { name: screens.history.nav }).click();
  await page.getByLabel(historyText.importLabel).setInputFiles({ name: 'lab.edf', mimeType: 'application/octet-stream', buffer: labRecording() });
  await page.getByRole('status').filter({ hasText: historyText.imported('lab.edf') }).waitFor();
  await page.locator('.history-card').first().getByRole('button', { name: historyText.open }).click();

  const notes = page.getByRole('region', { name: historyText.notesHeading });
  await notes.waitFor();
  expect(await notes.getByRole('listitem').allTextContents()).toEqual(['0:01 Stimulus on', '0:03 <b>Knee at 90°</b>', '0:04 Lights off']);
  // Markup in a note is text, never an element.
  expect(await notes.locator('b').count()).toBe(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, `history-notes-${size}`);
});
