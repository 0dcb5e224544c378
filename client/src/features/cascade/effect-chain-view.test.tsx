import { render, screen, within } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { BusinessCase, EffectChain, EffectChainStep } from '../../../../shared/maalstyring';
import { I18nProvider } from '../../lib/i18n-context';
import { BusinessCaseList } from './business-case-list';
import { EffectChainView } from './effect-chain-view';

const step = (s: Partial<EffectChainStep> & Pick<EffectChainStep, 'kind' | 'title' | 'status'>): EffectChainStep => ({
  indicatorId: null, indicatorName: null, unitId: 'psyk', unitName: 'Psykiatrien', indicatorType: null, kindOfIndicator: 'hard',
  signal: false, latestValue: null, decimals: 0, unitLabel: '%', ...s,
});
const chain: EffectChain = {
  goalId: 'goal-psyk-forloeb',
  goalTitle: 'Færre akutte genindlæggelser',
  breaksAt: 1,
  steps: [
    step({ kind: 'indsats', title: 'Opfølgning inden 7 dage', status: 'green', indicatorId: 'opfoelg-7', indicatorName: 'Ambulant opfølgning inden 7 dage', latestValue: 82 }),
    step({ kind: 'resultat', title: 'Færre genindlæggelser', status: 'red', indicatorId: 'genindl-30', indicatorName: 'Akutte genindlæggelser', latestValue: 23.5, decimals: 1, signal: true }),
    step({ kind: 'effekt', title: 'Pårørende oplever sammenhæng', status: 'amber', indicatorId: 'lup-paaroerende', indicatorName: 'LUP pårørende', kindOfIndicator: 'soft', latestValue: 78 }),
  ],
};

const renderIn = (ui: React.ReactNode) =>
  render(
    <I18nProvider initialLang="da">
      <Router hook={memoryLocation({ path: '/' }).hook}>{ui}</Router>
    </I18nProvider>,
  );

describe('the effect chain view', () => {
  it("reads indsats → resultat → effekt with each step's indicator and status in words, and says where it breaks", () => {
    renderIn(<EffectChainView chain={chain} />);
    const region = screen.getByRole('region', { name: 'Effektkæde for målet "Færre akutte genindlæggelser"' });
    const steps = within(region).getAllByRole('listitem');
    expect(steps.map((s) => within(s).getByText(/^(Indsats|Resultat|Effekt for borgeren)$/).textContent)).toEqual(['Indsats', 'Resultat', 'Effekt for borgeren']);
    expect(within(steps[0]!).getByText('Status: grøn (på mål) · 82 %')).toBeInTheDocument();
    expect(within(steps[1]!).getByText('Status: rød (ikke på mål) · 23,5 % · signal')).toBeInTheDocument();
    expect(within(steps[1]!).getByText('Kæden brydes her')).toBeInTheDocument();
    expect(within(steps[2]!).getByText(/blødt tal/)).toBeInTheDocument();
    expect(within(steps[1]!).getByRole('link', { name: 'Akutte genindlæggelser' })).toHaveAttribute('href', '/indicators/genindl-30?unit=psyk');
    expect(within(region).getByText('Kæden brydes ved "Færre genindlæggelser".')).toBeInTheDocument();
  });

  it('says the chain holds when no step is red', () => {
    renderIn(<EffectChainView chain={{ ...chain, breaksAt: null, steps: chain.steps.map((s) => ({ ...s, status: 'green' as const })) }} />);
    expect(screen.getByText('Kæden holder: intet led er rødt.')).toBeInTheDocument();
    expect(screen.queryByText('Kæden brydes her')).toBeNull();
  });
});

describe('the business case list', () => {
  const bc: BusinessCase = {
    initiativeId: 'ini-sms', goalId: 'g', goalTitle: 'Drift', title: 'SMS-påmindelse', done: false, investment: 350_000, yearlySaving: 600_000,
    paybackYears: 0.6, expectedChange: 'Færre udeblivelser', startDate: '2025-01-01', endDate: '2027-06-01', conclusion: '', closedAt: null,
    indicators: [{
      indicatorId: 'udeblivelser', name: 'Udeblivelser', unitId: 'psyk', unitLabel: '%', decimals: 1, baselineValue: 11.5,
      baselineFromSeries: true, targetValue: 6, latestValue: 7.6, latestPeriod: '2026-02-23', progress: 0.71,
    }],
  };

  it('shows money in kroner, payback, Danish dates and progress against baseline as a meter with words', () => {
    renderIn(<BusinessCaseList cases={[bc]} />);
    const item = screen.getByRole('listitem', { name: 'SMS-påmindelse' });
    expect(within(item).getByText('350.000 kr.')).toBeInTheDocument();
    expect(within(item).getByText('0,6 år')).toBeInTheDocument();
    expect(within(item).getByText('1. jan. 2025 – 1. jun. 2027')).toBeInTheDocument();
    expect(within(item).getByRole('meter', { name: 'Fremdrift for Udeblivelser' })).toHaveAttribute('aria-valuenow', '71');
    expect(within(item).getByText('Udeblivelser: 71 % af vejen fra basislinje til målværdi')).toBeInTheDocument();
    expect(within(item).getByText(/basislinje 11,5 % → målværdi 6,0 %, seneste 7,6 % \(median før start\)/)).toBeInTheDocument();
  });
});
