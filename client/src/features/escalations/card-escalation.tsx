import { useAppStore } from '../../app/store/store-context';
import { escalationOfCard } from './escalation-model';
import { EscalationBadge } from './escalation-summary';

/** On a card that was escalated from this board: "eskaleret til …", or the answer that came back. */
export function CardEscalation({ cardId }: { cardId: string }) {
  const escalation = useAppStore((s) => {
    const view = s.view;
    if (!view) return undefined;
    const e = escalationOfCard(view.escalations, cardId);
    return e && e.originBoardId === view.board.id ? e : undefined;
  });
  return escalation ? <EscalationBadge escalation={escalation} /> : null;
}
