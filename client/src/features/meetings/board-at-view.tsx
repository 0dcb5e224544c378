import { useId } from 'react';
import { sortByKey } from '../../../../shared/domain/ordering';
import { latestStatus } from '../../../../shared/domain/agenda';
import type { BoardAtResponse } from '../../../../shared/meeting-rest';
import type { Card } from '../../../../shared/schemas';
import { StatusPill, statusWord } from '../../components/status-pill';
import { formatDate, formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';

/**
 * The board as it was when the meeting started or ended (rebuilt from the log), laid out as the board is: its
 * indicators, then its columns side by side in the order of that time, each with its cards in order. Read only.
 */
export function BoardAtView({ data }: { data: BoardAtResponse }) {
  const { lang, t } = useI18n();
  const m = t.meetings;
  const indicatorsHeading = useId();
  return (
    <div className="board-at__board">
      <section aria-labelledby={indicatorsHeading}>
        <h3 id={indicatorsHeading}>{m.indicatorsOnBoard}</h3>
        <ul className="board-at__indicators" role="list">
          {data.indicators.map((i) => {
            const { value, status } = latestStatus(i);
            return (
              <li key={i.id} className={`board-at__indicator board-at__indicator--${status}`}>
                <span className="board-at__indicator-name">{i.name}</span>
                <span className="board-at__indicator-value">{value === null ? t.noData : formatValue(value, i.decimals, i.unitLabel, lang)}</span>
                <StatusPill status={status} text={t.statusText(status)} short={statusWord(t.status[status])} />
              </li>
            );
          })}
        </ul>
      </section>
      <div className="columns board-at__columns">
        {sortByKey(data.columns).map((column) => {
          const cards = sortByKey(data.cards.filter((c) => c.columnId === column.id));
          return (
            <section key={column.id} className="column" aria-label={column.name}>
              <h3 className="column__title">{column.name} <span className="column__count">{cards.length}</span></h3>
              <ol className="column__cards" role="list">
                {cards.map((card) => <li key={card.id} aria-label={card.title}><PastCard card={card} /></li>)}
              </ol>
              {cards.length === 0 && <p className="muted">{t.emptyColumn}</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** A card as the board shows it, without its buttons (the past cannot be changed). */
function PastCard({ card }: { card: Card }) {
  const { lang, t } = useI18n();
  return (
    <div className={`card card--${card.type}`}>
      <div className="card__top"><span className="card__type">{t.cardTypes[card.type]}</span></div>
      <p className="card__title">{card.title}</p>
      {(card.ownerName || card.dueDate) && (
        <p className="card__meta">
          {card.ownerName && <span>{t.ownerText(card.ownerName)}</span>}
          {card.dueDate && <span>{t.dueText(formatDate(card.dueDate, lang))}</span>}
        </p>
      )}
    </div>
  );
}
