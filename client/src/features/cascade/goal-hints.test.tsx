import { render, screen } from '@testing-library/react';
import type { GoalListResponse, GoalView } from '../../../../shared/cascade';
import { I18nProvider } from '../../lib/i18n-context';
import { GoalHints } from './goal-hints';

const goal = (id: string): GoalView => ({
  id, title: id, parentId: null, external: '', measure: '', why: '', realism: '', rationale: '', deadline: null, indicatorId: null,
  target: null, indicatorName: null, status: 'none', chain: [], source: 'own', externalOwners: [], alsoIndicatorIds: [],
  ownerStatuses: [], ownerIds: ['psyk'], ownerNames: ['Psykiatrien'], layerRank: 1,
});
const data = (goals: number): GoalListResponse => ({
  goals: Array.from({ length: goals }, (_, i) => goal(`g${i}`)), initiatives: [], layers: [], indicators: [],
  units: [{ id: 'psyk', parentId: null, layerId: 'l1', name: 'Psykiatrien' }],
});
const renderHints = (goals: number, draft = { measure: 'Andel i LPR', why: '', realism: '', deadline: '', indicatorId: 'i' }) =>
  render(
    <I18nProvider initialLang="da">
      <GoalHints draft={draft} ownerIds={['psyk']} data={data(goals)} editingId={null} />
    </I18nProvider>,
  );

describe('the goal form hints (few, concrete goals at the top)', () => {
  it('names the SMART fields still empty', () => {
    renderHints(2);
    expect(screen.getByRole('note')).toHaveTextContent('SMART: udfyld også: hvorfor, hvorfor det er realistisk, tidsfrist.');
    expect(screen.getByRole('note')).not.toHaveTextContent('mere end');
  });

  it('warns when the owner would hold more goals than it can follow', () => {
    renderHints(7, { measure: 'm', why: 'w', realism: 'r', deadline: '2027-12-31', indicatorId: 'i' });
    expect(screen.getByRole('note')).toHaveTextContent('Psykiatrien ville eje mere end 7 mål');
    expect(screen.getByRole('note')).not.toHaveTextContent('SMART');
  });

  it('says nothing when the goal is SMART and the owner has room', () => {
    renderHints(3, { measure: 'm', why: 'w', realism: 'r', deadline: '2027-12-31', indicatorId: 'i' });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
