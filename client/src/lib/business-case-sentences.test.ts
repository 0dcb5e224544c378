import type { AuditEntry } from '../../../shared/auth';
import { type AuditNames, auditSentence } from './event-sentences';

const names: AuditNames = {
  user: () => undefined, unit: () => undefined, board: (id) => (id === 'board-n2' ? 'Afsnit N2' : undefined), indicator: () => undefined,
  role: (r) => r,
};
const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  source: 'board', boardId: null, seq: null, at: '2026-12-01T10:00:00Z', actor: 'user:1', actorName: 'Anne Jensen', type: '', subject: '', payload: {}, ...e,
});

describe('the audit log in words for business cases', () => {
  it('names the case a board was told about, and the initiative written', () => {
    expect(auditSentence(entry({ type: 'business-case.changed', boardId: 'board-n2', payload: { initiativeId: 'i', businessCase: { title: 'Sansestue' } } }), names, 'da'))
      .toBe('Anne Jensen opdaterede business casen »Sansestue« på tavlen (Afsnit N2).');
    expect(auditSentence(entry({ type: 'business-case.changed', boardId: 'board-n2', payload: { initiativeId: 'i', businessCase: null } }), names, 'en'))
      .toBe('Anne Jensen took a closed business case off the board (Afsnit N2).');
    expect(auditSentence(entry({ source: 'admin', type: 'initiative.created', payload: { goalId: 'g', title: 'Sansestue' } }), names, 'da'))
      .toBe('Anne Jensen oprettede indsatsen »Sansestue« med business case.');
  });
});
