import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { EffectChain, EffectChainStep } from '../../../../shared/maalstyring';
import { I18nProvider } from '../../lib/i18n-context';
import { EffectChainDialog } from './effect-chain-dialog';

const goal = { id: 'goal-psyk-forloeb', title: 'Færre akutte genindlæggelser', indicatorId: 'genindl-30', alsoIndicatorIds: [] };
const indicators = [
  { id: 'opfoelg-7', name: 'Ambulant opfølgning inden 7 dage' },
  { id: 'genindl-30', name: 'Akutte genindlæggelser' },
  { id: 'lup-paaroerende', name: 'LUP pårørende' },
];
const step = (s: Partial<EffectChainStep> & Pick<EffectChainStep, 'kind' | 'title'>): EffectChainStep => ({
  indicatorId: null, indicatorName: null, unitId: null, unitName: null, indicatorType: null, kindOfIndicator: null,
  status: 'none', signal: false, latestValue: null, decimals: 0, unitLabel: '', ...s,
});
const chain: EffectChain = {
  goalId: goal.id,
  goalTitle: goal.title,
  breaksAt: null,
  steps: [
    step({ kind: 'indsats', title: 'Opfølgning inden 7 dage', indicatorId: 'opfoelg-7', unitId: 'psyk' }),
    step({ kind: 'effekt', title: 'Pårørende oplever sammenhæng', indicatorId: 'lup-paaroerende', unitId: 'psyk' }),
  ],
};

describe('the effect chain editor', { timeout: 20_000 }, () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ chain: null }), { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderDialog = (existing?: EffectChain) => {
    const onDone = vi.fn();
    render(
      <I18nProvider initialLang="da">
        <EffectChainDialog goal={goal} chain={existing} indicators={indicators} onDone={onDone} />
      </I18nProvider>,
    );
    return { onDone, dialog: screen.getByRole('dialog', { name: `Effektkæde for målet "${goal.title}"` }) };
  };
  const sent = () => {
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit];
    return { url, method: init.method, body: JSON.parse(init.body as string) as unknown };
  };

  it('adds a step between the two, picks its indicator by name, moves it into place by keyboard and saves the chain', async () => {
    const { dialog, onDone } = renderDialog(chain);
    const steps = () => within(within(dialog).getByRole('list', { name: 'Kædens led' })).getAllByRole('group');
    expect(steps().map((g) => within(g).getByLabelText('Beskrivelse')).map((i) => (i as HTMLInputElement).value)).toEqual([
      'Opfølgning inden 7 dage',
      'Pårørende oplever sammenhæng',
    ]);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilføj led' }));
    const added = within(dialog).getByRole('group', { name: 'Led 3' });
    // The new step's description has focus, and it takes the kind after the last step's.
    expect(within(added).getByLabelText('Beskrivelse')).toHaveFocus();
    await userEvent.keyboard('Færre genindlæggelser');
    await userEvent.selectOptions(within(added).getByLabelText('Type'), 'Resultat');
    await userEvent.selectOptions(within(added).getByLabelText('Indikator'), 'Akutte genindlæggelser');

    // Moved up with the keyboard: focus stays on the moved step's button, now in its new place.
    within(added).getByRole('button', { name: 'Flyt op: led 3' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Flyt op: led 2' })).toHaveFocus();
    expect(within(dialog).getByText('Leddet er nu nummer 2.')).toBeInTheDocument();
    expect(within(steps()[1]!).getByLabelText('Beskrivelse')).toHaveValue('Færre genindlæggelser');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(onDone).toHaveBeenCalledWith(true);
    expect(sent()).toEqual({
      url: '/api/goals/goal-psyk-forloeb/effect-chain',
      method: 'PUT',
      body: {
        steps: [
          // Unchanged indicators keep the unit they were followed at; a new one is the server's to place.
          { kind: 'indsats', title: 'Opfølgning inden 7 dage', indicatorId: 'opfoelg-7', unitId: 'psyk' },
          { kind: 'resultat', title: 'Færre genindlæggelser', indicatorId: 'genindl-30', unitId: null },
          { kind: 'effekt', title: 'Pårørende oplever sammenhæng', indicatorId: 'lup-paaroerende', unitId: 'psyk' },
        ],
      },
    });
    const results = await axe.run(dialog, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('says at the form when a step has no description or the order goes back, and sends nothing', async () => {
    const { dialog, onDone } = renderDialog();
    expect(within(dialog).getByText('Ingen led. Gemmer du uden led, fjernes kæden.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilføj led' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    const first = within(dialog).getByRole('group', { name: 'Led 1' });
    expect(within(first).getByLabelText('Beskrivelse')).toHaveAttribute('aria-invalid', 'true');
    expect(within(first).getByText('Skriv hvad leddet er.')).toBeInTheDocument();
    await userEvent.type(within(first).getByLabelText('Beskrivelse'), 'Tvangsforebyggende huddle');
    await userEvent.selectOptions(within(first).getByLabelText('Type'), 'Effekt for borgeren');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilføj led' }));
    const second = within(dialog).getByRole('group', { name: 'Led 2' });
    await userEvent.type(within(second).getByLabelText('Beskrivelse'), 'Færre bæltefikseringer');
    await userEvent.selectOptions(within(second).getByLabelText('Type'), 'Indsats');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Leddene går fra indsats over resultat til effekt, aldrig tilbage.');
    expect(fetchMock).not.toHaveBeenCalled();

    // Removing a step by keyboard puts focus on the step that took its place.
    within(first).getByRole('button', { name: 'Fjern: led 1' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(within(dialog).getByRole('group', { name: 'Led 1' })).toBeInTheDocument();
    expect(within(within(dialog).getByRole('group', { name: 'Led 1' })).getByLabelText('Beskrivelse')).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Kæden skal ende i effekten for borgeren.');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('removes the whole chain when saved without steps', async () => {
    const { dialog, onDone } = renderDialog(chain);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Fjern: led 1' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Fjern: led 1' }));
    expect(within(dialog).getByRole('button', { name: 'Tilføj led' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(sent().body).toEqual({ steps: [] });
    expect(onDone).toHaveBeenCalledWith(true);
  });
});
