import { useSignal } from '@preact/signals';
import type { HistoryModel } from '../../state/history-model';
import { twoLegMuscles } from '../../state/leg-side';
import { trendModel } from '../../state/trend-model';
import type { SessionRecord } from '../../store/db/schema';
import type { SessionSide as Side } from '../../store/db/session-side';
import { historyText } from '../strings';
import { LegChoice } from './LegChoice';

/** The session's leg, shown and changed in place (saved at once; the list and trends follow). */
export function SessionSide({ session, model }: { session: SessionRecord; model: HistoryModel }) {
  const side = useSignal<Side | null>(session.side);
  const outcome = useSignal<'saved' | 'failed' | null>(null);
  async function choose(next: Side): Promise<void> {
    side.value = next;
    const saved = await trendModel.setSide(session.id, next);
    outcome.value = saved ? 'saved' : 'failed';
    if (saved) await model.refresh();
  }
  return (
    <div class="history-side">
      {twoLegMuscles(session.legs ?? []).length > 0 && <p class="muted">{historyText.twoLegs}</p>}
      <LegChoice name={`side-${session.id}`} value={side.value} onChoose={(next) => void choose(next)} />
      <p role="status" class={outcome.value === 'failed' ? 'history-message history-message--error' : 'history-message'}>
        {outcome.value === 'saved' ? historyText.sideSaved : outcome.value === 'failed' ? historyText.sideFailed : ''}
      </p>
    </div>
  );
}
