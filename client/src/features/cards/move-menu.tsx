import { useMemo } from 'react';
import { Menu, type MenuItem } from '../../components/menu';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import { cardsInColumn } from '../board';
import { focusCardGrip } from './focus-card';
import { useColumns } from './use-cards';

/**
 * "Flyt til …": the drag-free way to move a card, grouped by column (its own first): top or bottom of each. Focus
 * goes to the moved card's grip afterwards, so a keyboard user carries on from the card.
 */
export function MoveMenu({ cardId, columnId }: { cardId: string; columnId: string }) {
  const t = useT();
  const columns = useColumns();
  const moveCard = useAppStore((s) => s.moveCard);
  const store = useAppStoreApi();

  const items = useMemo<MenuItem[]>(() => {
    const move = (toColumnId: string, where: 'top' | 'bottom') => () => {
      const view = store.getState().view;
      const end = view ? cardsInColumn(view, toColumnId, cardId).length : 0;
      moveCard(cardId, toColumnId, where === 'top' ? 0 : end);
      focusCardGrip(cardId);
    };
    const own = columns.find((c) => c.id === columnId);
    const ownItems: MenuItem[] = own
      ? [
          { id: 'top', label: t.moveToTop, group: t.flows.moveWithin, onSelect: move(columnId, 'top') },
          { id: 'bottom', label: t.moveToBottom, group: t.flows.moveWithin, onSelect: move(columnId, 'bottom') },
        ]
      : [];
    const others = columns
      .filter((c) => c.id !== columnId)
      .flatMap((c) => [
        { id: `${c.id}-top`, label: t.flows.moveToTopOf(c.name), group: c.name, onSelect: move(c.id, 'top') },
        { id: `${c.id}-bottom`, label: t.flows.moveToBottomOf(c.name), group: c.name, onSelect: move(c.id, 'bottom') },
      ]);
    return [...ownItems, ...others];
  }, [columns, columnId, cardId, moveCard, store, t]);

  return <Menu label={t.moveTo} items={items} className="card__move" />;
}
