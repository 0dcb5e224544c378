import { describe, expect, it } from 'vitest';
import type { BoardEvent, BoardEventBody } from '../protocol';
import type { BoardIndicator, Card, Measurement } from '../schemas';
import { boardBefore } from './board-at';

const AT = '2026-11-01T08:00:00.000Z';
const card = (id: string, o: Partial<Card> = {}): Card => ({
  id, boardId: 'b', columnId: 'c1', orderKey: 'a0', type: 'action', title: id, description: '', ownerName: '',
  dueDate: null, archived: false, createdAt: AT, updatedAt: AT, ...o,
});
const m = (periodStart: string, value: number): Measurement => ({
  indicatorId: 'i', unitId: 'u', periodStart, value, numerator: null, denominator: null, respondents: null, note: '',
  recordedAt: AT, recordedBy: 'x',
});
let seq = 0;
const ev = (body: BoardEventBody): BoardEvent => ({ boardId: 'b', seq: ++seq, opId: `op${seq}`, actor: 'x', at: AT, body });

describe('boardBefore (board as it was, rebuilt from the log)', () => {
  it('undoes creations, edits, moves, archives, restores, renames and measurements, newest first', () => {
    const indicator: BoardIndicator = {
      id: 'i', unitId: 'u', name: 'I', unitLabel: '%', direction: 'lower', frequency: 'monthly', kind: 'hard', decimals: 0,
      minRespondents: null, orderKey: 'a0', target: null, recent: [m('2026-09-01', 1), m('2026-10-01', 7), m('2026-11-01', 3)],
    };
    const later = [
      ev({ type: 'card.created', card: card('new') }),
      ev({ type: 'card.updated', card: card('edited', { title: 'Ny titel' }), before: { title: 'Gammel titel' } }),
      ev({ type: 'card.moved', card: card('moved', { columnId: 'c2', orderKey: 'a5' }), from: { columnId: 'c1', orderKey: 'a1' } }),
      ev({ type: 'card.moved', card: card('moved', { columnId: 'c3', orderKey: 'a9' }), from: { columnId: 'c2', orderKey: 'a5' } }),
      ev({ type: 'card.archived', card: card('gone', { archived: true }) }),
      ev({ type: 'card.archived', card: card('back', { archived: true }) }),
      ev({ type: 'card.restored', card: card('back') }),
      ev({ type: 'column.renamed', column: { id: 'c1', boardId: 'b', name: 'Nyt', orderKey: 'a0' }, before: { name: 'Gammelt' } }),
      ev({ type: 'measurement.recorded', measurement: m('2026-10-01', 7), previous: m('2026-10-01', 5) }),
      ev({ type: 'measurement.recorded', measurement: m('2026-11-01', 3), previous: null }),
    ];
    const current = {
      columns: [{ id: 'c1', boardId: 'b', name: 'Nyt', orderKey: 'a0' }],
      cards: [card('new'), card('edited', { title: 'Ny titel' }), card('moved', { columnId: 'c3', orderKey: 'a9' }),
        card('gone', { archived: true }), card('back'), card('untouched')],
      indicators: [indicator],
    };
    const before = boardBefore(current, [...later].reverse());
    const byId = Object.fromEntries(before.cards.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['back', 'edited', 'gone', 'moved', 'untouched']);
    expect(byId.edited!.title).toBe('Gammel titel');
    expect([byId.moved!.columnId, byId.moved!.orderKey]).toEqual(['c1', 'a1']);
    expect(byId.gone!.archived).toBe(false);
    expect(byId.back!.archived).toBe(false);
    expect(before.columns[0]!.name).toBe('Gammelt');
    expect(before.indicators[0]!.recent.map((x) => [x.periodStart, x.value])).toEqual([['2026-09-01', 1], ['2026-10-01', 5]]);
  });

  it('puts moved columns back in the order of that time; a column move logged without its old key keeps today\'s', () => {
    const col = (id: string, orderKey: string) => ({ id, boardId: 'b', name: id, orderKey });
    const later = [
      ev({ type: 'column.moved', column: col('c3', 'Zz'), before: { orderKey: 'a2' } }),
      ev({ type: 'column.moved', column: col('c1', 'a3'), before: { orderKey: 'a0' } }),
      ev({ type: 'column.moved', column: col('c2', 'a4') }),
    ];
    const current = { columns: [col('c2', 'a4'), col('c1', 'a3'), col('c3', 'Zz')], cards: [], indicators: [] };
    const order = boardBefore(current, later).columns.sort((a, b) => (a.orderKey < b.orderKey ? -1 : 1)).map((c) => c.id);
    expect(order).toEqual(['c1', 'c3', 'c2']);
  });

  it('with no later events it is the current board', () => {
    const current = { columns: [], cards: [card('a')], indicators: [] };
    expect(boardBefore(current, [])).toEqual(current);
  });
});
