// When to try again after a sensor drops unexpectedly. The schedule is the product requirement
// (issue "Connection manager"): attempts after 0.25, 0.5 and 1 s, then every 2 s for two minutes,
// then every 10 s until the user presses Cancel. Fast first tries catch the common case (a brief
// radio fade, a sensor bumped out of range for a moment); the slow tail spares the battery of a
// phone whose sensor is switched off. web-bluetooth.md: "Reconnect with exponential backoff; a
// device that is off may never answer connect()".

/** The first three delays, ms (requirement: 0.25, 0.5, 1 s). */
const FAST_DELAYS_MS: readonly number[] = [250, 500, 1000];
/** Cadence after the fast tries, while the outage is younger than FAST_PHASE_MS (requirement). */
const STEADY_DELAY_MS = 2000;
/** "every 2 s for two minutes" (requirement). */
const STEADY_PHASE_MS = 120_000;
/** Cadence once the outage is two minutes old, until the user cancels (requirement). */
const SLOW_DELAY_MS = 10_000;

/**
 * Delay before reconnect attempt number `attemptIndex` (0 = the first attempt after the drop),
 * measured from the start of the previous attempt, or from the drop for the first one.
 * `elapsedSinceDropMs` is the time from the drop to the moment that delay starts (0 for the first
 * attempt, otherwise the previous attempt's start).
 *
 * With instantly failing attempts this gives attempts at 0.25, 0.75, 1.75, 3.75, 5.75 … 119.75,
 * 121.75 s, then 131.75, 141.75 … s after the drop.
 */
export function reconnectDelayMs(attemptIndex: number, elapsedSinceDropMs: number): number {
  const fast = FAST_DELAYS_MS[attemptIndex];
  if (fast !== undefined) return fast;
  return elapsedSinceDropMs < STEADY_PHASE_MS ? STEADY_DELAY_MS : SLOW_DELAY_MS;
}
