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

const byDue = (a: Escalation, b: Escalation) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0);
const newestFirst = (a: Escalation, b: Escalation) => (a.updatedAt < b.updatedAt ? 1 : -1);

/** This board sent it up: it raised it, or passed it on. */
const sentBy = (e: Escalation, boardId: string) =>
  e.originBoardId === boardId || e.steps.some((s) => s.kind === 'forwarded' && s.boardId === boardId);

/**
 * The zone's three groups. Received: open ones this board holds (to answer). Answered: what came back to the board
 * that raised it, until it acknowledges it ("Kvittér"). Sent up: open ones this board sent on, held above. A board
 * that answered an escalation has done its part: it leaves its zone (the trail stays in the card's history).
 */
export function groupEscalations(escalations: readonly Escalation[], boardId: string) {
  const received = escalations.filter((e) => e.status === 'open' && e.holderBoardId === boardId).sort(byDue);
  const answered = escalations
    .filter((e) => e.status !== 'open' && e.originBoardId === boardId && !e.acknowledgedAt)
    .sort(newestFirst);
  const sent = escalations.filter((e) => e.status === 'open' && e.holderBoardId !== boardId && sentBy(e, boardId)).sort(byDue);
  return { received, answered, sent };
}
