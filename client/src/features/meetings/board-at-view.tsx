import { sortByKey } from '../../../../shared/domain/ordering';
import { latestStatus } from '../../../../shared/domain/agenda';
import type { BoardAtResponse } from '../../../../shared/meeting-rest';
import { formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';

/** The board's columns, cards and indicators as they were when the meeting ended (rebuilt from the log). */
export function BoardAtView({ data }: { data: BoardAtResponse }) {
  const { lang, t } = useI18n();
  return (
    <section className="board-at" aria-label={t.meetings.boardAsItWas}>
      <h2>{t.meetings.boardAsItWas}</h2>
      <ul className="board-at__indicators">
        {data.indicators.map((i) => {
          const { value, status } = latestStatus(i);
          return <li key={i.id}>{i.name}: {value === null ? t.noData : formatValue(value, i.decimals, i.unitLabel, lang)} – {t.statusText(status)}</li>;
        })}
      </ul>
      <div className="board-at__columns">
        {sortByKey(data.columns).map((column) => (
          <section key={column.id} className="board-at__column" aria-label={column.name}>
            <h3>{column.name}</h3>
            <ul>
              {sortByKey(data.cards.filter((c) => c.columnId === column.id)).map((card) => (
                <li key={card.id}>{card.title}{card.ownerName && ` · ${card.ownerName}`}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
