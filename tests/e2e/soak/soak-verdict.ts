// What issue 8 requires of a soak run, as a list of failures in words (empty: passed). Shared by
// the npm test slice (vitest) and `npm run soak` (plain tsx), so both judge by the same rules.
import { headerStatus, linkErrors, linkStates, offline, recordingText, sensorCard, shell } from '../../../src/ui/strings';
import type { SoakResult } from './soak-run';
import { heapGrowthBytes, median } from './summary-table';

/** Issue 8: streaming resumes within a median of 2 s and at most 4 s after each outage ends. */
const RESUME_MEDIAN_MS = 2000;
const RESUME_MAX_MS = 4000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const attempt = escape(sensorCard.reconnectAttempt(1)).replace('1', '\\d+');

/**
 * The expected, friendly messages: link states (with the reconnect attempt), the header's sensor
 * status, recording progress, the offline note — and, while the sensor is out of reach during an
 * outage, the link error for a connection attempt that failed ('gatt-failed': what the emulated
 * sensor answers, HCI "Connection Failed to be Established").
 */
const allowedMessages: RegExp[] = [
  ...Object.values(linkStates).map((text) => new RegExp(`^${escape(text)}$`)),
  new RegExp(`^${escape(linkStates.reconnecting)}( · )?${attempt}$`),
  new RegExp(`^${escape(linkErrors['gatt-failed'])}$`),
  new RegExp(`^${escape(shell.noSensor)}$`),
  new RegExp(`^${attempt}$`),
  new RegExp(`^${escape(headerStatus.streaming(1))}$`),
  new RegExp(`^${escape(headerStatus.reconnecting)}$`),
  new RegExp(`^${escape(headerStatus.connecting)}$`),
  new RegExp(`^${escape(recordingText.recording(0)).replace('0:00', '\\d+:\\d\\d')}$`),
  new RegExp(`^${escape(recordingText.stopped['user']!)}$`),
  new RegExp(`^${escape(offline.ready)}( ?${escape(offline.dismiss)})?$`),
];

export function soakFailures(result: SoakResult, options: { heapLimitBytes: number | null }): string[] {
  const failures: string[] = [];
  if (result.emulatorErrors.length > 0) failures.push(`emulator errors: ${result.emulatorErrors.join('; ')}`);
  const unexpected = [...new Set(result.messages.filter((m) => !allowedMessages.some((re) => re.test(m.text))).map((m) => `${m.role}: ${m.text}`))];
  if (unexpected.length > 0) failures.push(`unexpected messages to the user: ${unexpected.join(' | ')}`);

  const wantSessions = [
    { status: 'complete', stoppedBy: 'recovered' },
    { status: 'complete', stoppedBy: 'user' },
  ];
  if (result.epochs.length !== 2) failures.push(`${result.epochs.length} page lives, expected 2 (one reload)`);
  result.epochs.forEach((epoch, i) => {
    const { counters: c, expected: x } = epoch;
    const where = epoch.label;
    if (c.received !== x.received) failures.push(`${where}: ${c.received} packets received, ${x.received} distinct valid frames were delivered`);
    if (c.rejected !== x.rejected) failures.push(`${where}: ${c.rejected} packets rejected, ${x.rejected} damaged ones were delivered`);
    if (c.duplicates !== x.duplicates) failures.push(`${where}: ${c.duplicates} duplicates ignored, ${x.duplicates} were delivered`);
    if (c.outages !== x.outages) failures.push(`${where}: ${c.outages} connection drops shown, ${x.outages} happened`);
    for (const problem of epoch.recording.problems) failures.push(`${where}: recording: ${problem}`);
    const want = wantSessions[i];
    if (want && (epoch.session.status !== want.status || epoch.session.stoppedBy !== want.stoppedBy)) {
      failures.push(`${where}: session ${epoch.session.status}/${epoch.session.stoppedBy}, expected ${want.status}/${want.stoppedBy}`);
    }
  });

  const resume = result.resumeMs;
  if (resume.length !== result.plan.disconnects.length) failures.push(`${resume.length} reconnections measured for ${result.plan.disconnects.length} disconnects`);
  if (median(resume) > RESUME_MEDIAN_MS) failures.push(`median time to resume ${median(resume)} ms > ${RESUME_MEDIAN_MS} ms`);
  if (Math.max(...resume) > RESUME_MAX_MS) failures.push(`slowest resume ${Math.max(...resume)} ms > ${RESUME_MAX_MS} ms`);

  if (options.heapLimitBytes !== null) {
    const growth = heapGrowthBytes(result);
    if (!(growth < options.heapLimitBytes)) failures.push(`heap grew ${(growth / 1e6).toFixed(1)} MB from minute 5 (limit ${options.heapLimitBytes / 1e6} MB)`);
  }
  return failures;
}
