import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { Initiative } from '../../../../shared/cascade';
import { I18nProvider } from '../../lib/i18n-context';
import { BusinessCaseDialog, CloseBusinessCaseDialog, parseKroner } from './business-case-dialog';

const goal = { id: 'goal-n2', title: 'Ingen bæltefikseringer over 48 timer', indicatorId: 'baelte-48t', alsoIndicatorIds: [] };
const indicators = [
  { id: 'baelte-48t', name: 'Bæltefikseringer over 48 timer' },
  { id: 'lup-patient', name: 'LUP: patienter med godt samlet indtryk' },
];
const saved: Initiative = {
  id: 'ini-1', goalId: 'goal-n2', title: 'Morgenhuddle', baseline: '', expectedEffect: '', endDate: '2027-06-01', done: false,
  indicatorIds: ['baelte-48t'], investment: 240_000, yearlySaving: 180_000, startDate: '2025-06-01',
  targets: [{ indicatorId: 'baelte-48t', baselineValue: 2.5, targetValue: 0 }], conclusion: '', closedAt: null,
};

describe('the business-case dialog', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation((_url: string, init?: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ ...saved, ...JSON.parse((init?.body as string | undefined) ?? '{}') }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderDialog = (initiative?: Initiative) => {
    const onDone = vi.fn();
    render(
      <I18nProvider initialLang="da">
        <BusinessCaseDialog goal={goal} indicators={indicators} initiative={initiative} onDone={onDone} />
      </I18nProvider>,
    );
    return { onDone, dialog: screen.getByRole('dialog', { name: initiative ? `Redigér business casen "${initiative.title}"` : `Ny indsats for målet "${goal.title}"` }) };
  };

  it('creates an initiative with money, dates, an indicator target, and shows the payback as it is typed', async () => {
    const { dialog, onDone } = renderDialog();
    expect(within(dialog).getByText(/Tilbagebetalingstid: Kan ikke beregnes/)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Indsats (hvad gør I)'), 'Tvangsforebyggende morgenhuddle');
    await userEvent.type(within(dialog).getByLabelText('Investering (kr.)'), '240.000');
    await userEvent.type(within(dialog).getByLabelText('Forventet årlig effekt i kroner (kr. pr. år)'), '180000');
    expect(within(dialog).getByText('Tilbagebetalingstid: 1,3 år')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Startdato'), '2025-06-01');
    // The goal's indicator is picked to begin with; its baseline left empty is the median before the start.
    expect(within(dialog).getByRole('checkbox', { name: 'Bæltefikseringer over 48 timer' })).toBeChecked();
    await userEvent.type(within(dialog).getByLabelText('Målværdi for Bæltefikseringer over 48 timer'), '0');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'LUP: patienter med godt samlet indtryk' }));
    await userEvent.type(within(dialog).getByLabelText('Målværdi for LUP: patienter med godt samlet indtryk'), '87,5');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(onDone).toHaveBeenCalledWith(true);
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit];
    expect([url, init.method]).toEqual(['/api/goals/goal-n2/initiatives', 'POST']);
    expect(JSON.parse((init.body as string))).toEqual({
      title: 'Tvangsforebyggende morgenhuddle', expectedEffect: '', investment: 240_000, yearlySaving: 180_000,
      startDate: '2025-06-01', endDate: null, indicatorIds: ['baelte-48t', 'lup-patient'],
      targets: [
        { indicatorId: 'baelte-48t', baselineValue: null, targetValue: 0 },
        { indicatorId: 'lup-patient', baselineValue: null, targetValue: 87.5 },
      ],
    });
  }, 20_000);

  it('edits an existing case with its values filled in, refusing an amount that is not a number', async () => {
    const { dialog, onDone } = renderDialog(saved);
    expect(within(dialog).getByLabelText('Investering (kr.)')).toHaveValue('240.000');
    expect(within(dialog).getByLabelText('Basislinje for Bæltefikseringer over 48 timer')).toHaveValue('2,5');
    const investment = within(dialog).getByLabelText('Investering (kr.)');
    await userEvent.clear(investment);
    await userEvent.type(investment, 'mange penge');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(investment).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(investment);
    await userEvent.type(investment, '300000');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit];
    expect([url, init.method]).toEqual(['/api/initiatives/ini-1', 'PATCH']);
    expect(JSON.parse((init.body as string))).toMatchObject({ investment: 300_000, targets: [{ indicatorId: 'baelte-48t', baselineValue: 2.5, targetValue: 0 }] });
    expect(onDone).toHaveBeenCalledWith(true);
    const results = await axe.run(dialog, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }, 20_000);

  it('closes a case only with a conclusion', async () => {
    const onDone = vi.fn();
    render(
      <I18nProvider initialLang="da">
        <CloseBusinessCaseDialog initiative={saved} onDone={onDone} />
      </I18nProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Afslut "Morgenhuddle"' });
    const conclusion = within(dialog).getByLabelText('Konklusion');
    expect(conclusion).toBeRequired();
    await userEvent.type(conclusion, 'Virker: 0 over 48 timer i et halvt år.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Afslut med konklusion' }));
    const [url, init] = fetchMock.mock.calls[0]! as [string, RequestInit];
    expect([url, init.method]).toEqual(['/api/initiatives/ini-1/close', 'POST']);
    expect(JSON.parse((init.body as string))).toEqual({ conclusion: 'Virker: 0 over 48 timer i et halvt år.' });
    expect(onDone).toHaveBeenCalledWith(true);
  }, 20_000);

  it('reads kroner as people type them', () => {
    expect(parseKroner('1.200.000', 'da')).toBe(1_200_000);
    expect(parseKroner('1,200,000', 'en')).toBe(1_200_000);
    expect(parseKroner('', 'da')).toBeNull();
    expect(parseKroner('mange', 'da')).toBeNull();
  });
});
