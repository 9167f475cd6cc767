// The soak's summary table (issue 8): frames sent, received, rejected, duplicates dropped, gaps,
// reconnect times, heap — one plain-text table for the terminal and the CI log.
import type { SoakResult } from './soak-run';

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Heap growth from the first sample (minute 5) to the last, bytes; NaN with fewer than two samples. */
export function heapGrowthBytes(result: SoakResult): number {
  const first = result.heap[0];
  const last = result.heap.at(-1);
  return first && last && last !== first ? last.usedBytes - first.usedBytes : NaN;
}

export function summaryTable(result: SoakResult): string {
  const rows: [string, string][] = [];
  const f = result.faults;
  const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : 'n/a');
  rows.push(['sample time / wall time', `${result.plan.sampleSeconds} s / ${result.wallSeconds.toFixed(0)} s (seed ${result.plan.seed})`]);
  rows.push(['frames sent by the sensor', String(f.framesSent)]);
  rows.push(['link faults', `${f.dropped} dropped, ${f.duplicated} duplicated, ${f.reordered} reordered, ${f.corrupted} corrupted, ${f.lostWithLink} lost with the link`]);
  for (const e of result.epochs) {
    const c = e.counters;
    const x = e.expected;
    rows.push([`${e.label}: received`, `${c.received} (expected ${x.received})`]);
    rows.push([`${e.label}: rejected / duplicates dropped`, `${c.rejected} (expected ${x.rejected}) / ${c.duplicates} (expected ${x.duplicates})`]);
    rows.push([`${e.label}: lost / drops`, `${c.lost} / ${c.outages} (expected ${x.outages})`]);
    const loss = e.recording.gaps.filter((g) => g.kind === 'loss');
    const outages = e.recording.gaps.filter((g) => g.kind === 'outage');
    const worst = Math.max(0, ...outages.map((g) => Math.abs(g.appSamples - g.truthSamples)));
    rows.push([`${e.label}: recording`, `${e.session.chunks} chunks, ${e.recording.samplesRecorded}/${e.recording.samplesExpected} sets, session ${e.session.status}/${e.session.stoppedBy}`]);
    rows.push([`${e.label}: gaps`, `${loss.length} loss (exact: ${loss.every((g) => g.appSamples === g.truthSamples)}), ${outages.length} outage (worst error ${worst} sets)`]);
    rows.push([`${e.label}: problems`, e.recording.problems.length === 0 ? 'none' : e.recording.problems.join(' | ')]);
  }
  const r = result.resumeMs;
  rows.push(['reconnect after outage', r.length === 0 ? 'n/a' : `median ${median(r).toFixed(0)} ms, max ${Math.max(...r).toFixed(0)} ms (${r.length} outages)`]);
  rows.push(['reload', `reconnected by ${result.reload.reconnectedBy} in ${result.reload.toConnectedMs} ms; gap ${result.reload.gapSamples} sets`]);
  rows.push(['heap (main thread, after GC)', result.heap.map((h) => `${(h.atS / 60).toFixed(0)} min ${mb(h.usedBytes)}`).join(', ') || 'n/a']);
  rows.push(['heap growth from minute 5', mb(heapGrowthBytes(result))]);
  rows.push(['quota', mb(result.quotaBytes)]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
