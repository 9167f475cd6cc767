import { useEffect } from 'preact/hooks';
import { historyModel, type HistoryModel } from '../../state/history-model';
import { EmptyState } from '../common/EmptyState';
import { ScreenTitle } from '../common/ScreenTitle';
import { NavIcon } from '../shell/NavIcon';
import { emptyStates, historyText, screens } from '../strings';
import { DeleteAll } from './DeleteAll';
import { ImportControl } from './ImportControl';
import { PrintReportLink } from './PrintReportLink';
import { ScheduledSessions, SessionList } from './SessionList';
import { SessionView } from './SessionView';
import { TrendsSection } from './TrendsSection';

/** History (issue 7): the sessions kept on this device; one opened for replay, export and deleting. */
export function HistoryScreen({ model = historyModel }: { model?: HistoryModel }) {
  useEffect(() => {
    void model.refresh();
  }, [model]);
  const opened = model.opened.value;
  const deletion = model.lastDeletion.value;
  return (
    <>
      <ScreenTitle>{screens.history.title}</ScreenTitle>
      <p role="status" class="history-message">
        {deletion === 'one' ? historyText.deleted : deletion === 'all' ? historyText.allDeleted : ''}
      </p>
      {opened ? (
        <SessionView key={opened.entry.session.id} model={model} opened={opened} />
      ) : (
        <HistoryHome model={model} />
      )}
    </>
  );
}

function HistoryHome({ model }: { model: HistoryModel }) {
  const empty = model.loaded.value && model.entries.value.length === 0;
  return (
    <>
      {!model.loaded.value && <p class="muted">{historyText.loading}</p>}
      {model.unavailable.value && <p class="notice">{historyText.unavailable}</p>}
      {model.loaded.value && !model.unavailable.value && <ScheduledSessions model={model} />}
      {empty && !model.unavailable.value && <EmptyState {...emptyStates.history} art={<NavIcon screen="history" />} />}
      {!empty && model.loaded.value && <SessionList model={model} />}
      <ImportControl model={model} />
      {!empty && model.loaded.value && <TrendsSection model={model} />}
      {!empty && model.loaded.value && <PrintReportLink />}
      <DeleteAll model={model} />
    </>
  );
}
