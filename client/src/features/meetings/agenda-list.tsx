import type { AgendaItem, Meeting } from '../../../../shared/schemas';
import { IconButton } from '../../components/button';
import { useI18n } from '../../lib/i18n-context';
import type { MeetingActions } from './use-meeting-actions';

/**
 * The agenda in order: take an item, skip it, move it; the current one is marked for everyone. Without `actions`
 * (someone who follows the meeting but may not run it) it is the list alone.
 */
export function AgendaList({ meeting, actions }: { meeting: Meeting; actions?: MeetingActions | undefined }) {
  const { t } = useI18n();
  const m = t.meetings;
  if (meeting.items.length === 0) return <p className="muted">{m.emptyAgenda}</p>;
  return (
    <ol className="agenda" aria-label={m.agenda}>
      {meeting.items.map((item, index) => (
        <li key={item.id} className={itemClass(item, meeting.currentItemId)} aria-current={item.id === meeting.currentItemId ? 'step' : undefined}>
          <div className="agenda__text">
            <span className="agenda__kind">{m.itemKinds[item.kind]}{item.detail && ` · ${m.itemDetails[item.detail] ?? item.detail}`}</span>
            <span className="agenda__title">{item.title}</span>
            {item.skipped && <span className="muted"> ({m.skipped})</span>}
          </div>
          {actions && <div className="agenda__buttons no-print">
            {/* Visible words; the accessible name adds the item's title (and starts with the same words). */}
            <button type="button" className="button button--small" aria-label={m.openItem(item.title)} onClick={() => actions.openItem(item.id)}
              disabled={item.id === meeting.currentItemId}>{t.flows.takeItem}</button>
            <button type="button" className="button button--small" aria-label={item.skipped ? m.unskipItem(item.title) : m.skipItem(item.title)}
              onClick={() => actions.skip(item.id, !item.skipped)}>{item.skipped ? t.flows.include : t.flows.skip}</button>
            <IconButton className="button--small" label={m.moveUp(item.title)} icon="↑" disabled={index === 0}
              onClick={() => actions.move(item.id, index - 1)} />
            <IconButton className="button--small" label={m.moveDown(item.title)} icon="↓" disabled={index === meeting.items.length - 1}
              onClick={() => actions.move(item.id, index + 1)} />
          </div>}
        </li>
      ))}
    </ol>
  );
}

const itemClass = (item: AgendaItem, currentId: string | null) =>
  ['agenda__item', item.id === currentId && 'agenda__item--current', item.skipped && 'agenda__item--skipped', item.endedAt && 'agenda__item--done']
    .filter(Boolean)
    .join(' ');
