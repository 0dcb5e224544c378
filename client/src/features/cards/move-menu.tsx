import { useMemo } from 'react';
import { MenuButton, type MenuItem } from '../../components/menu-button';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import { cardsInColumn } from '../board';
import { useColumns } from './use-cards';

/** Puts focus back on a card after it moved (it is a new element in its new column). */
function focusCard(cardId: string) {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"] .card__title`)?.focus();
  });
}

/** "Flyt til …": the drag-free way to move a card, to the bottom of another column or within its own. */
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
      focusCard(cardId);
    };
    const others = columns
      .filter((c) => c.id !== columnId)
      .map((c) => ({ id: c.id, label: c.name, onSelect: move(c.id, 'bottom') }));
    return [
      ...others,
      { id: 'top', label: t.moveToTop, onSelect: move(columnId, 'top') },
      { id: 'bottom', label: t.moveToBottom, onSelect: move(columnId, 'bottom') },
    ];
  }, [columns, columnId, cardId, moveCard, store, t]);

  return <MenuButton label={t.moveTo} items={items} className="card__move" />;
}
