import type { Escalation } from '../../../../shared/schemas';

/** Open and past its due date: flagged on every board along the chain. */
export const isOverdue = (e: Escalation, today: string): boolean => e.status === 'open' && e.dueDate < today;

/** The newest escalation of a card (a card may be escalated again after a return). */
export function escalationOfCard(escalations: Readonly<Record<string, Escalation>>, cardId: string): Escalation | undefined {
  let latest: Escalation | undefined;
  for (const e of Object.values(escalations)) {
    if (e.cardId === cardId && (!latest || e.createdAt > latest.createdAt)) latest = e;
  }
  return latest;
}

/** Received: open ones this board holds. Others: everything else along chains through this board, newest first. */
export function splitEscalations(escalations: readonly Escalation[], boardId: string) {
  const received = escalations.filter((e) => e.holderBoardId === boardId && e.status === 'open').sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const others = escalations.filter((e) => !received.includes(e)).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  return { received, others };
}
