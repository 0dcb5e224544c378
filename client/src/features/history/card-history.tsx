import { Dialog } from '../../components/dialog';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { useI18n } from '../../lib/i18n-context';
import { fetchHistory } from './history-api';
import { useHistory } from './use-history';
import { formatDateTime } from '../../lib/format';
import { describeEvent } from './history-lines';

interface CardHistoryProps {
  boardId: string;
  cardId: string;
  title: string;
  onClose: () => void;
  /** Injected in tests. */
  load?: typeof fetchHistory;
}

/** A card's readable history (who did what, when), newest first, with undo of one's own last change. */
export function CardHistory({ boardId, cardId, title, onClose, load = fetchHistory }: CardHistoryProps) {
  const { lang, t } = useI18n();
  const store = useAppStoreApi();
  const issue = useAppStore((s) => s.issue);
  const history = useHistory(boardId, cardId, load);
  const columnName = (id: string) => store.getState().view?.columns[id]?.name ?? id;
  return (
    <Dialog title={t.meetings.historyOf(title)} onClose={onClose}>
      {history === null ? <p>{t.loading}</p> : history.events.length === 0 ? <p className="muted">{t.meetings.noHistory}</p> : (
        <ol className="history" aria-label={t.meetings.history}>
          {history.events.map((e) => (
            <li key={`${e.seq}`}>
              <strong>{history.actors[e.actor] ?? e.actor}</strong> {describeEvent(e, t.meetings, columnName)}
              <span className="muted"> · <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time></span>
            </li>
          ))}
        </ol>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={() => issue('card:undo', { cardId })}>{t.meetings.undo}</button>
        <button type="button" className="button button--primary" onClick={onClose}>{t.close}</button>
      </div>
    </Dialog>
  );
}
