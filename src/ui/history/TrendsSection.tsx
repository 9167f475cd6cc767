import type { HistoryModel } from '../../state/history-model';
import { TrendsChart } from './TrendsChart';
import { historyText } from '../strings';

/** Progress across sessions, read on request (it reads every session's levels once). */
export function TrendsSection({ model }: { model: HistoryModel }) {
  const table = model.trendTable.value;
  return (
    <section class="history-panel" aria-labelledby="trends-heading">
      <h2 id="trends-heading" class="section-heading">
        {historyText.trendsHeading}
      </h2>
      <p class="muted">{historyText.trendsNote}</p>
      <label class="history-check">
        <input type="checkbox" checked={model.includeSimulated.value} onChange={(event) => (model.includeSimulated.value = event.currentTarget.checked)} />
        {historyText.includeSimulated}
      </label>
      {table === null ? (
        <button type="button" class="button" disabled={model.busy.value} onClick={() => void model.loadTrends()}>
          {historyText.trendsShow}
        </button>
      ) : table.xs.length === 0 ? (
        <p>{historyText.trendsEmpty}</p>
      ) : (
        <TrendsChart table={table} />
      )}
    </section>
  );
}
