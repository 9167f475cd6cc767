import { expect, inject, it } from 'vitest';
import { useChromium } from './harness/shared-browser';
import { formatSizes, measureSizes } from '../../scripts/measure-size';

// Budget from the foundation issue: the app's initial JavaScript stays within 50 KB gzipped.
const initialJsBudgetBytes = 50 * 1024;

const chromium = useChromium();

it('keeps the initial JavaScript within budget, measured beside a bare Preact page', async () => {
  const sizes = await measureSizes(chromium.browser, inject('baseUrl'));
  console.log(formatSizes(sizes));
  expect(sizes.peerBytes).toBeGreaterThan(0);
  expect(sizes.appBytes).toBeGreaterThan(sizes.peerBytes);
  expect(sizes.appBytes).toBeLessThanOrEqual(initialJsBudgetBytes);
});
