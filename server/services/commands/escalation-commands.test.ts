import { describe, expect, it } from 'vitest';
import type { BoardSummary, Card, Escalation } from '../../../shared/schemas';
import { decideEscalationClose, decideEscalationForward, decideEscalationRaise } from './escalation-commands';

const ctx = { actor: 'user:eva', actorName: 'Eva', now: '2026-11-28T08:00:00.000Z', today: '2026-11-28' };
const board = (id: string, parentId: string | null): BoardSummary => ({
  id, name: `Tavle ${id}`, unit: { id: `u-${id}`, parentId, layerId: 'l', name: id }, layer: { id: 'l', rank: 1, name: 'L', kind: '' },
});
const card: Card = {
  id: 'c', boardId: 'ward', columnId: 'col', orderKey: 'a0', type: 'problem', title: 'Senge', description: '', ownerName: '',
  dueDate: null, archived: false, createdAt: ctx.now, updatedAt: ctx.now,
};
const raise = (over: Partial<Parameters<typeof decideEscalationRaise>[1]> = {}) =>
  decideEscalationRaise(
    { opId: 'op-00000001', boardId: 'ward', escalationId: 'e', cardId: 'c', reason: ' Senge mangler ' },
    { card, alreadyOpen: false, origin: board('ward', 'u-clinic'), target: board('clinic', 'u-psych'), defaultDueDate: '2026-12-05', context: [], ...over },
    ctx,
  );

describe('escalation rules', () => {
  it('raises to the board above, due at its next meeting, with the step recorded', () => {
    const d = raise();
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.effects).toHaveLength(1);
    expect(d.effects[0]!.boardIds).toEqual(['ward', 'clinic']);
    const e = (d.effects[0]!.body as { escalation: Escalation }).escalation;
    expect(e).toMatchObject({ holderBoardId: 'clinic', status: 'open', reason: 'Senge mangler', dueDate: '2026-12-05' });
    expect(e.steps).toEqual([{ kind: 'raised', boardId: 'ward', boardName: 'Tavle ward', toBoardId: 'clinic', toBoardName: 'Tavle clinic',
      actor: 'user:eva', actorName: 'Eva', at: ctx.now, text: 'Senge mangler' }]);
  });

  it('refuses without a board above, twice for one card, or for an archived card', () => {
    expect(raise({ target: undefined })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(raise({ alreadyOpen: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(raise({ card: { ...card, archived: true } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('forwards up the chain and answers back down; only the holder acts, and only while open', () => {
    const raised = raise();
    if (!raised.ok) throw new Error('raise');
    const open = (raised.effects[0]!.body as { escalation: Escalation }).escalation;
    const fwd = decideEscalationForward({ opId: 'op-00000002', boardId: 'clinic', escalationId: 'e', reason: 'Budget' },
      { escalation: open, holder: board('clinic', 'u-psych'), target: board('psych', null), defaultDueDate: '2026-12-20' }, ctx);
    if (!fwd.ok) throw new Error('forward');
    const forwarded = (fwd.effects[0]!.body as { escalation: Escalation }).escalation;
    expect(forwarded).toMatchObject({ holderBoardId: 'psych', boardIds: ['ward', 'clinic', 'psych'], dueDate: '2026-12-20' });
    expect(fwd.effects[0]!.boardIds).toEqual(['ward', 'clinic', 'psych']);

    expect(decideEscalationClose({ opId: 'op-00000003', boardId: 'clinic', escalationId: 'e', decision: 'Ja' },
      { escalation: forwarded, holder: board('clinic', 'u-psych') }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const ans = decideEscalationClose({ opId: 'op-00000004', boardId: 'psych', escalationId: 'e', decision: 'Ja, to senge' },
      { escalation: forwarded, holder: board('psych', null) }, ctx);
    if (!ans.ok) throw new Error('answer');
    const answered = (ans.effects[0]!.body as { escalation: Escalation }).escalation;
    expect(answered).toMatchObject({ status: 'answered', resolution: 'Ja, to senge' });
    expect(answered.steps.map((s) => s.kind)).toEqual(['raised', 'forwarded', 'answered']);
    expect(decideEscalationClose({ opId: 'op-00000005', boardId: 'psych', escalationId: 'e', reason: 'Nej' },
      { escalation: answered, holder: board('psych', null) }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
