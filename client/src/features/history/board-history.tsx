import type { BoardEvent } from '../../../../shared/protocol';
import { Dialog } from '../../components/dialog';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { useI18n } from '../../lib/i18n-context';
import { fetchHistory } from './history-api';
import { useHistory } from './use-history';
import { formatDateTime } from '../../lib/format';
import { describeEvent, subjectOf } from './history-lines';

/** The board's readable history from the event log, newest first; an archived card can be brought back here. */
export function BoardHistory({ boardId, onClose, load = fetchHistory }: { boardId: string; onClose: () => void; load?: typeof fetchHistory }) {
  const { lang, t } = useI18n();
  const m = t.meetings;
  const store = useAppStoreApi();
  const issue = useAppStore((s) => s.issue);
  const history = useHistory(boardId, undefined, load);
  const view = store.getState().view;
  const columnName = (id: string) => view?.columns[id]?.name ?? id;
  const indicatorName = (e: BoardEvent) => (e.body.type === 'measurement.recorded' ? view?.indicators[e.body.measurement.indicatorId]?.name : undefined);
  return (
    <Dialog title={m.boardHistory} onClose={onClose}>
      {history === null ? <p>{t.loading}</p> : history.events.length === 0 ? <p className="muted">{m.noHistory}</p> : (
        <ol className="history" aria-label={m.boardHistory}>
          {history.events.map((e) => {
            const subject = subjectOf(e);
            const line = e.body.type === 'measurement.recorded' ? m.historyLine.measurement(indicatorName(e) ?? e.body.measurement.indicatorId) : describeEvent(e, m, columnName);
            return (
              <li key={e.seq}>
                <strong>{history.actors[e.actor] ?? e.actor}</strong> {line}{subject && <>: <em>{subject}</em></>}
                <span className="muted"> · <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time></span>
                {e.body.type === 'card.archived' && !view?.cards[e.body.card.id] && (
                  <button type="button" className="button button--small" aria-label={m.undoArchive(e.body.card.title)}
                    onClick={() => e.body.type === 'card.archived' && issue('card:undo', { cardId: e.body.card.id })}>{t.meetings.undo}</button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onClose}>{t.close}</button>
      </div>
    </Dialog>
  );
}
