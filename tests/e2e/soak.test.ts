// Issue 8's soak, the slice that runs under `npm test`: 2 minutes of sample time of two EMG
// channels at 2 kHz through the real Web Bluetooth stack (DevTools emulation), with the full run's
// fault rates (5 % loss, 1 % duplicates, reordering within three frames, 1 % corrupt), four
// disconnects of 0.2–3 s and one reload. The full 30 minutes with 50 disconnects: `npm run soak`.
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './harness/shared-browser';
import { cleanGuards } from './harness/guarded-page';
import { buildSoakPlan } from './soak/soak-plan';
import { runSoak } from './soak/soak-run';
import { soakFailures } from './soak/soak-verdict';
import { summaryTable } from './soak/summary-table';

const baseUrl = inject('baseUrl');
const chromium = useChromium();

describe('soak slice', () => {
  it('keeps every valid frame through loss, duplicates, reordering, corruption, four disconnects and a reload', { timeout: 180_000 }, async () => {
    // Seed 8: the seed the README's reliability figures quote.
    const plan = buildSoakPlan({ seed: 8, sampleSeconds: 120, disconnects: 4 });
    const result = await runSoak(chromium.browser, baseUrl, plan);
    console.log(summaryTable(result));
    // Heap growth is judged from minute 5 on: the full run's business, not this slice's.
    expect(soakFailures(result, { heapLimitBytes: null })).toEqual([]);
    expect(result.guards).toEqual(cleanGuards);
  });
});
