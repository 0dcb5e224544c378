import { describe, expect, it } from 'vitest';
import type { Card, Column } from '../../../shared/schemas';
import { MAX_ORDER_KEY_LENGTH, sortByKey } from '../../../shared/domain/ordering';
import type { CommandContext } from '../decision';
import { decideCardArchive, decideCardCreate, decideCardMove, decideCardUpdate } from './card-commands';

const ctx: CommandContext = { actor: 'Test', now: '2026-11-28T10:00:00.000Z', today: '2026-11-28' };
const todo: Column = { id: 'todo', boardId: 'b1', name: 'Nye forslag', orderKey: 'a0' };
const doing: Column = { id: 'doing', boardId: 'b1', name: 'I gang', orderKey: 'a1' };
const card = (id: string, columnId: string, orderKey: string, extra: Partial<Card> = {}): Card => ({
  id,
  boardId: 'b1',
  columnId,
  orderKey,
  type: 'action',
  title: id,
  description: '',
  ownerName: '',
  dueDate: null,
  archived: false,
  createdAt: ctx.now,
  updatedAt: ctx.now,
  ...extra,
});
const op = { opId: 'op-00000001', boardId: 'b1' };

describe('decideCardCreate', () => {
  const input = { id: 'new', columnId: 'todo', type: 'idea', title: 'Sansestue', description: '', ownerName: '', dueDate: null } as const;

  it('creates the card at the asked position', () => {
    const siblings = [card('x', 'todo', 'a0'), card('y', 'todo', 'a1')];
    const d = decideCardCreate({ ...op, card: input, index: 1 }, { column: todo, siblings }, ctx);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const created = d.effects[0]!.body;
    expect(created.type).toBe('card.created');
    if (created.type !== 'card.created') return;
    expect(sortByKey([...siblings, created.card]).map((c) => c.id)).toEqual(['x', 'new', 'y']);
    expect(created.card).toMatchObject({ boardId: 'b1', archived: false, createdAt: ctx.now });
  });

  it('refuses a column of another board and a taken id', () => {
    const foreign = { ...todo, boardId: 'b2' };
    expect(decideCardCreate({ ...op, card: input }, { column: foreign, siblings: [] }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      decideCardCreate({ ...op, card: input }, { column: todo, existing: card('new', 'todo', 'a0'), siblings: [] }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('decideCardMove', () => {
  const a = card('a', 'todo', 'a0');
  const b = card('b', 'todo', 'a1');
  const c = card('c', 'doing', 'a0');

  it('moves across columns and records where from', () => {
    const d = decideCardMove({ ...op, cardId: 'a', toColumnId: 'doing', index: 1 }, { card: a, toColumn: doing, destination: [c] }, ctx);
    expect(d).toMatchObject({ ok: true, effects: [{ body: { type: 'card.moved', from: { columnId: 'todo', orderKey: 'a0' } } }] });
  });

  it('reorders within a column', () => {
    const d = decideCardMove({ ...op, cardId: 'a', toColumnId: 'todo', index: 1 }, { card: a, toColumn: todo, destination: [a, b] }, ctx);
    if (!d.ok || d.effects[0]?.body.type !== 'card.moved') throw new Error('expected a move');
    expect(sortByKey([b, d.effects[0].body.card]).map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('changes nothing when the card is already there', () => {
    const d = decideCardMove({ ...op, cardId: 'a', toColumnId: 'todo', index: 0 }, { card: a, toColumn: todo, destination: [a, b] }, ctx);
    expect(d).toEqual({ ok: true, effects: [] });
  });

  it('refuses an archived card, an unknown card and a foreign column', () => {
    const cmd = { ...op, cardId: 'a', toColumnId: 'doing', index: 0 };
    expect(decideCardMove(cmd, { card: { ...a, archived: true }, toColumn: doing, destination: [] }, ctx)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(decideCardMove(cmd, { toColumn: doing, destination: [] }, ctx)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(decideCardMove(cmd, { card: a, toColumn: { ...doing, boardId: 'b2' }, destination: [] }, ctx)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('decideCardUpdate and decideCardArchive', () => {
  const a = card('a', 'todo', 'a0', { title: 'Gammel' });

  it('keeps the previous values of what changed', () => {
    const d = decideCardUpdate({ ...op, cardId: 'a', changes: { title: 'Ny', ownerName: '' } }, a, ctx);
    expect(d).toMatchObject({ ok: true, effects: [{ body: { type: 'card.updated', card: { title: 'Ny' }, before: { title: 'Gammel' } } }] });
  });

  it('changes nothing when nothing differs', () => {
    expect(decideCardUpdate({ ...op, cardId: 'a', changes: { title: 'Gammel' } }, a, ctx)).toEqual({ ok: true, effects: [] });
  });

  it('archives once', () => {
    expect(decideCardArchive({ ...op, cardId: 'a' }, a, ctx)).toMatchObject({ effects: [{ body: { card: { archived: true } } }] });
    expect(decideCardArchive({ ...op, cardId: 'a' }, { ...a, archived: true }, ctx)).toEqual({ ok: true, effects: [] });
  });
});

describe('re-keying a column whose keys grew too long', () => {
  // Keys this long only come from hundreds of inserts at one spot; the next insert between them re-keys the column.
  const long = 'a0' + 'V'.repeat(MAX_ORDER_KEY_LENGTH);
  const x = card('x', 'todo', 'a0');
  const y = card('y', 'todo', `${long}1`);
  const z = card('z', 'todo', `${long}2`);
  const w = card('w', 'todo', 'a1');

  it('moves every sibling to a short key first, then places the card between them', () => {
    const d = decideCardMove({ ...op, cardId: 'w', toColumnId: 'todo', index: 2 }, { card: w, toColumn: todo, destination: [x, y, z, w] }, ctx);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const cards = d.effects.map((e) => (e.body as { card: Card }).card);
    expect(d.effects.every((e) => e.body.type === 'card.moved')).toBe(true);
    expect(cards.map((c) => c.id)).toEqual(['x', 'y', 'z', 'w']);
    // After 'a1' (w's key, still in use while the siblings are re-keyed), so no step breaks the unique index.
    expect(cards.every((c) => c.orderKey.length <= MAX_ORDER_KEY_LENGTH && c.orderKey > 'a1')).toBe(true);
    expect(sortByKey(cards).map((c) => c.id)).toEqual(['x', 'y', 'w', 'z']);
    expect(cards[0]).toMatchObject({ updatedAt: x.updatedAt, columnId: 'todo' });
  });

  it('re-keys on create too and keeps the asked position', () => {
    const input = { id: 'new', columnId: 'todo', type: 'idea', title: 'Ny', description: '', ownerName: '', dueDate: null } as const;
    const d = decideCardCreate({ ...op, card: input, index: 2 }, { column: todo, siblings: [x, y, z] }, ctx);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.effects.map((e) => e.body.type)).toEqual(['card.moved', 'card.moved', 'card.moved', 'card.created']);
    const final = d.effects.map((e) => (e.body as { card: Card }).card);
    expect(sortByKey(final).map((c) => c.id)).toEqual(['x', 'y', 'new', 'z']);
  });
});
