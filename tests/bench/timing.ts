// Wall-clock timing for the benchmark (a shell: the pure core never reads a clock).

/** Seconds per call of `run`, repeated for at least `minMs`. */
function secondsPerCall(run: () => void, minMs: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsedMs = 0;
  do {
    run();
    calls++;
    elapsedMs = performance.now() - start;
  } while (elapsedMs < minMs);
  return elapsedMs / 1000 / calls;
}

/**
 * Best seconds per call of each contender over `rounds` rounds, the contenders taking turns
 * within each round: on a shared machine a burst of load then hits both, not one, and the best
 * round of each is the least disturbed.
 */
export function bestSecondsPerCallEach(runs: readonly (() => void)[], rounds = 7, minMs = 200): number[] {
  for (const run of runs) run(); // warm-up: let the JIT compile before anything is timed
  const best = runs.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    runs.forEach((run, i) => {
      best[i] = Math.min(best[i]!, secondsPerCall(run, minMs));
    });
  }
  return best;
}

export function bestSecondsPerCall(run: () => void): number {
  return bestSecondsPerCallEach([run])[0]!;
}

/** Prints rows as a plain table, columns padded to their widest cell. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** 12.3 M/s style. */
export function perSecond(count: number, seconds: number): string {
  const rate = count / seconds;
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(1)} M/s` : `${(rate / 1e3).toFixed(1)} k/s`;
}
