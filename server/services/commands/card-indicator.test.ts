import { describe, expect, it } from 'vitest';
import { CardCreateCommand } from '../../../shared/protocol';
import type { Column } from '../../../shared/schemas';
import type { CommandContext } from '../decision';
import { decideCardCreate } from './card-commands';

const ctx: CommandContext = { actor: 'Test', now: '2026-11-28T10:00:00.000Z', today: '2026-11-28' };
const todo: Column = { id: 'todo', boardId: 'b1', name: 'Nye forslag', orderKey: 'a0' };
const base = { opId: 'op-00000001', boardId: 'b1', card: { id: 'new', columnId: 'todo', type: 'action', title: 'Vikarplan' } };

describe('cards linked to an indicator (a deviation\'s action)', () => {
  it('keeps an older client\'s card:create valid: the link is optional', () => {
    expect(CardCreateCommand.safeParse(base).success).toBe(true);
    expect(CardCreateCommand.parse({ ...base, card: { ...base.card, indicatorId: 'sygefravaer' } }).card.indicatorId).toBe('sygefravaer');
  });

  it('carries the indicator on the created card, and refuses an unknown one', () => {
    const cmd = CardCreateCommand.parse({ ...base, card: { ...base.card, indicatorId: 'sygefravaer' } });
    const ok = decideCardCreate(cmd, { column: todo, siblings: [], indicatorKnown: true }, ctx);
    expect(ok.ok && ok.effects.at(-1)!.body).toMatchObject({ type: 'card.created', card: { indicatorId: 'sygefravaer' } });
    const unknown = decideCardCreate(cmd, { column: todo, siblings: [], indicatorKnown: false }, ctx);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', issues: [{ path: 'card.indicatorId' }] } });
  });
});
