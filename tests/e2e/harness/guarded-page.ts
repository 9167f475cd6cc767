import type { Browser, BrowserContext, Page } from 'playwright-core';

// Service-worker traffic is invisible to Playwright's request events without this
// (../shared/reference/web-bluetooth.md, "Browser-test habits"). Must be set before launch.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/**
 * What every browser test checks on the way out: no console error, no uncaught exception,
 * no Content-Security-Policy violation, no request to any origin but the app's own.
 */
export interface PageGuards {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

export interface GuardedPage {
  context: BrowserContext;
  page: Page;
  guards: PageGuards;
}

export async function openGuardedPage(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 390, height: 844 },
): Promise<GuardedPage> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport, serviceWorkers: 'allow' });
  const guards: PageGuards = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) guards.foreignRequests.push(url);
  });
  await context.exposeBinding('__quadcueReportCsp', (_source, text: string) => {
    guards.cspViolations.push(text);
  });
  // An init script is injected by DevTools, not as an inline <script>, so our CSP (which the
  // test must never bypass) does not block it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __quadcueReportCsp(text: string): void }).__quadcueReportCsp;
      report(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  attachPageGuards(page, guards);
  return { context, page, guards };
}

export function attachPageGuards(page: Page, guards: PageGuards): void {
  page.on('console', (message) => {
    if (message.type() === 'error') guards.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => guards.pageErrors.push(String(error)));
}

/** What `guards` must equal at the end of every browser test. */
export const cleanGuards: PageGuards = Object.freeze({
  consoleErrors: [],
  pageErrors: [],
  cspViolations: [],
  foreignRequests: [],
});

/** Loads the app and waits for the service worker's "ready offline" note, then dismisses it. */
export async function gotoReady(page: Page, url: string, readyText: string, dismissText: string): Promise<void> {
  await page.goto(url);
  const toast = page.getByRole('status').filter({ hasText: readyText });
  await toast.waitFor();
  await toast.getByRole('button', { name: dismissText }).click();
}
