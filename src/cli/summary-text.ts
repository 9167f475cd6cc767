// The readable summary the CLI prints without --json: the same report, for a person at a terminal.
// Units are spelt for reading here (µV), unlike the JSON.
import type { AnalysisReport, ChannelReport } from './analysis-report';

const readableUnit: Record<ChannelReport['unit'], string> = { uV: 'µV', N: 'N', counts: 'counts' };
/** Onsets listed per channel before "… and n more": a screenful, not a log. */
const MAX_LISTED_ONSETS = 6;

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function rfdText(channel: ChannelReport): string | null {
  if (!channel.rfd) return null;
  const parts = (['0-50', '0-100', '0-200'] as const).map((key) => {
    const value = channel.rfd![key];
    return `${key} ms ${value === null ? '—' : fixed(value, 0)}`;
  });
  return `RFD (N/s): ${parts.join(', ')}`;
}

function channelLines(channel: ChannelReport): string[] {
  const unit = readableUnit[channel.unit];
  const lost = channel.lostSamples > 0 ? `, ${channel.lostSamples} lost (${fixed((100 * channel.lostSamples) / (channel.samples + channel.lostSamples), 2)} %)` : ', none lost';
  const lines = [
    `${channel.label} (${channel.kind}, ${unit}) — ${fixed(channel.sampleRateHz, 3)} Hz from ${channel.rateSource}, ${channel.samples} samples${lost}`,
  ];
  if (channel.envelopePeak !== undefined) lines.push(`  envelope peak ${fixed(channel.envelopePeak, 1)} ${unit}`);
  if (channel.onsets) {
    const listed = channel.onsets.slice(0, MAX_LISTED_ONSETS).map((o) => `${fixed(o.startS, 3)}–${fixed(o.endS, 3)} s`);
    const more = channel.onsets.length > MAX_LISTED_ONSETS ? ` … and ${channel.onsets.length - MAX_LISTED_ONSETS} more` : '';
    lines.push(`  onsets: ${channel.onsets.length}${listed.length > 0 ? `: ${listed.join(', ')}${more}` : ''}`);
  }
  if (channel.medianFrequencyHz !== undefined) lines.push(`  median frequency ${fixed(channel.medianFrequencyHz, 1)} Hz`);
  if (channel.peak !== undefined) {
    const toPeak = channel.timeToPeakMs !== undefined ? `, time to peak ${fixed(channel.timeToPeakMs, 0)} ms` : '';
    lines.push(`  peak ${fixed(channel.peak, 1)} ${unit}${toPeak}`);
  }
  const rfd = rfdText(channel);
  if (rfd) lines.push(`  ${rfd}`);
  return lines;
}

export function formatSummary(report: AnalysisReport, fileName: string): string {
  const source = report.device === null ? report.profile : `${report.profile} capture of "${report.device}"`;
  const lines = [`${fileName}: ${source}, ${fixed(report.durationS, 3)} s, ${report.channels.length} channel(s)`];
  const { emg, force } = report.settings;
  if (emg) {
    lines.push(
      `EMG: band ${emg.bandHz[0]}–${fixed(emg.bandHz[1], 0)} Hz, notch ${emg.mainsHz} Hz (${emg.mainsSource}), envelope ${emg.envelope}, onset baseline + ${emg.onsetK} SD for ≥ ${emg.onsetMinDurationMs} ms`,
    );
  }
  if (force) {
    lines.push(`Force: low-pass ${force.lowPassHz} Hz, RFD onset at ${force.onsetFraction * 100} % of baseline-to-peak${force.tare ? ', tared at the start' : ', not tared'}`);
  }
  for (const channel of report.channels) lines.push(...channelLines(channel));
  for (const warning of report.warnings) lines.push(`Note: ${warning}`);
  return lines.join('\n') + '\n';
}
