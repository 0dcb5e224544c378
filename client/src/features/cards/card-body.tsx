import { memo, type HTMLAttributes } from 'react';
import type { Card } from '../../../../shared/schemas';
import { GripIcon, WarningIcon } from '../../components/icons';
import { formatDate, todayIso } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { MoveMenu } from './move-menu';
import { useCanWrite } from '../board';
import { CardEscalation } from '../escalations';
import { CardIndicatorLink } from '../indicators';

interface CardBodyProps {
  card: Card;
  titleId?: string;
  /** The drag handle's ref and ARIA attributes from useSortable; absent in the drag overlay. */
  handleRef?: (element: HTMLElement | null) => void;
  handleAttributes?: HTMLAttributes<HTMLElement>;
  onOpen?: (cardId: string) => void;
}

/** What a card shows. Memoized on the card object, which only changes when the card does. */
export const CardBody = memo(function CardBody({ card, titleId, handleRef, handleAttributes, onOpen }: CardBodyProps) {
  const { lang, t } = useI18n();
  const interactive = Boolean(onOpen);
  const canWrite = useCanWrite();
  const overdue = card.dueDate !== null && card.dueDate < todayIso();
  return (
    <div className={`card card--${card.type}${overdue ? ' card--overdue' : ''}`}>
      <div className="card__top">
        <span className="card__type">{t.cardTypes[card.type]}</span>
        {interactive && canWrite && (
          <button ref={handleRef} type="button" className="card__handle" aria-label={t.dragCard} {...handleAttributes}>
            <GripIcon />
          </button>
        )}
      </div>
      {interactive ? (
        <button type="button" className="card__title" onClick={() => onOpen?.(card.id)}>
          <span id={titleId}>{card.title}</span>
        </button>
      ) : (
        <p className="card__title">{card.title}</p>
      )}
      {(card.ownerName || card.dueDate) && (
        <p className="card__meta">
          {card.ownerName && <span>{t.ownerText(card.ownerName)}</span>}
          {card.dueDate && (
            <span className={overdue ? 'card__due card__due--overdue' : 'card__due'}>
              {overdue && <WarningIcon />}
              {t.dueText(formatDate(card.dueDate, lang))}
              {overdue && ` (${t.overdue})`}
            </span>
          )}
        </p>
      )}
      {card.indicatorId && <CardIndicatorLink indicatorId={card.indicatorId} />}
      <CardEscalation cardId={card.id} />
      {interactive && canWrite && <MoveMenu cardId={card.id} columnId={card.columnId} />}
    </div>
  );
});
