import type { BoardEvent } from '../protocol';
import type { BoardIndicator, Card, Column } from '../schemas';

/** A board's cards (archived ones included), columns and indicators. */
export interface BoardState {
  columns: Column[];
  cards: Card[];
  indicators: BoardIndicator[];
}

/**
 * The board as it was before `later` happened: the current state with those events undone, newest first. Every
 * event carries what it replaced (`before`, `from`, `previous`), so the log alone rebuilds any past moment, also
 * for boards seeded without events. (Column moves logged before they recorded their old key keep today's order.)
 */
export function boardBefore(current: BoardState, later: readonly BoardEvent[]): BoardState {
  const cards = new Map(current.cards.map((c) => [c.id, c]));
  const columns = new Map(current.columns.map((c) => [c.id, c]));
  const indicators = new Map(current.indicators.map((i) => [i.id, i]));
  for (const event of [...later].sort((a, b) => b.seq - a.seq)) {
    const body = event.body;
    switch (body.type) {
      case 'card.created':
        cards.delete(body.card.id);
        break;
      case 'card.updated': {
        const card = cards.get(body.card.id) ?? body.card;
        cards.set(card.id, { ...card, ...body.before });
        break;
      }
      case 'card.moved': {
        const card = cards.get(body.card.id);
        if (card) cards.set(card.id, { ...card, columnId: body.from.columnId, orderKey: body.from.orderKey });
        break;
      }
      case 'card.archived':
      case 'card.restored': {
        const card = cards.get(body.card.id) ?? body.card;
        cards.set(card.id, { ...card, archived: body.type === 'card.restored' });
        break;
      }
      case 'column.created':
        columns.delete(body.column.id);
        break;
      case 'column.renamed': {
        const column = columns.get(body.column.id) ?? body.column;
        columns.set(column.id, { ...column, name: body.before.name });
        break;
      }
      case 'column.moved': {
        const column = columns.get(body.column.id);
        if (column && body.before) columns.set(column.id, { ...column, orderKey: body.before.orderKey });
        break;
      }
      case 'measurement.recorded': {
        const indicator = indicators.get(body.measurement.indicatorId);
        if (!indicator) break;
        const others = indicator.recent.filter((m) => m.periodStart !== body.measurement.periodStart);
        const recent = body.previous
          ? [...others, body.previous].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1))
          : others;
        indicators.set(indicator.id, { ...indicator, recent });
        break;
      }
      default:
        break;
    }
  }
  return { columns: [...columns.values()], cards: [...cards.values()], indicators: [...indicators.values()] };
}
