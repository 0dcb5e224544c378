import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { IndicatorPageResponse } from '../../../../shared/cascade';
import { I18nProvider } from '../../lib/i18n-context';
import { makeMeasurement } from '../../test/fixtures';
import { IndicatorPage } from './indicator-page';

// 16 months: eight low, then eight high in a row (a shift); the latest (9) is red against a target of at most 5.
const values = [2, 3, 2, 3, 2, 3, 2, 3, 8, 9, 8, 9, 8, 9, 8, 9];
const page: IndicatorPageResponse = {
  indicator: {
    id: 'sick', unitId: 'psyk', name: 'Sygefravær', unitLabel: '%', direction: 'lower', frequency: 'monthly', kind: 'hard',
    decimals: 1, minRespondents: null, mandatory: true, rollup: null,
  },
  unit: { id: 'n2', parentId: 'k-nord', layerId: 'l3', name: 'Afsnit N2' },
  boardId: 'board-n2',
  target: { validFrom: '2024-01-01', validTo: null, target: 5, low: null, high: null, tolerance: 1 },
  targetInherited: true,
  measurements: values.map((value, i) =>
    makeMeasurement({ indicatorId: 'sick', unitId: 'n2', periodStart: `202${i < 12 ? 5 : 6}-${String((i % 12) + 1).padStart(2, '0')}-01`, value }),
  ),
  baselineTo: null,
  chain: [
    { id: 'g-psyk', title: 'Sundt arbejdsmiljø i psykiatrien', external: '', ownerNames: ['Psykiatrien'] },
    { id: 'g-top', title: 'Attraktive arbejdspladser', external: 'Regionsrådet', ownerNames: ['Regionen'] },
  ],
  below: [],
  deviations: [],
  rollup: null,
  recordedByNames: { Test: 'Anne Jensen' },
};

function renderPage() {
  const { hook, searchHook } = memoryLocation({ path: '/indicators/sick?unit=n2' });
  return render(
    <I18nProvider initialLang="da">
      <Router hook={hook} searchHook={searchHook}>
        <IndicatorPage indicatorId="sick" />
      </Router>
    </I18nProvider>,
  );
}

describe('indicator page', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());
  const answer = (body: unknown, status = 200) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

  it('shows the run chart with its signal, and the goal chain to the top', async () => {
    fetchMock.mockImplementation(() => answer(page));
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sygefravær' })).toBeInTheDocument();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/indicators/sick?unit=n2');
    expect(screen.getByRole('img', { name: 'Seriediagram for Sygefravær' })).toBeInTheDocument();
    expect(screen.getByText('Signal: en for lang serie på samme side af medianen (skift i niveau).')).toBeInTheDocument();
    expect(screen.getByText(/^Længste serie: 8 \(grænse 7\)/)).toBeInTheDocument();
    // Who recorded a value is shown by name, not by the id the log keeps.
    expect(screen.getAllByRole('cell', { name: 'Anne Jensen' })).toHaveLength(values.length);
    const chain = screen.getByRole('navigation', { name: 'Målkæde' });
    expect(within(chain).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Sundt arbejdsmiljø i psykiatrien',
      'Attraktive arbejdspladser (Regionsrådet)',
    ]);
  });

  it('asks for a deviation when the latest value is red, and sends cause and action', async () => {
    fetchMock.mockImplementation((url: string, init?: RequestInit) =>
      init?.method === 'POST' ? answer({ id: 'd1' }, 201) : answer(page),
    );
    renderPage();
    const form = await screen.findByRole('region', { name: 'Afvigelse' });
    await userEvent.type(within(form).getByLabelText('Årsag'), 'Influenza');
    await userEvent.type(within(form).getByLabelText('Handling'), 'Vikarplan');
    await userEvent.click(within(form).getByRole('button', { name: 'Gem afvigelse og opret handling' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('handlingen er sat på tavlen');
    const post = fetchMock.mock.calls.find(([, init]) => (init as RequestInit | undefined)?.method === 'POST')!;
    expect(post[0]).toBe('/api/indicators/sick/deviations');
    expect(JSON.parse((post[1] as RequestInit).body as string)).toMatchObject({ unitId: 'n2', periodStart: '2026-04-01', cause: 'Influenza', action: 'Vikarplan' });
  });

  it('shows "for få svar" instead of a value below the minimum number of answers', async () => {
    const soft: IndicatorPageResponse = {
      ...page,
      indicator: { ...page.indicator, kind: 'soft', minRespondents: 5 },
      measurements: [makeMeasurement({ indicatorId: 'sick', unitId: 'n2', periodStart: '2026-01-01', value: 40, respondents: 3 })],
    };
    fetchMock.mockImplementation(() => answer(soft));
    renderPage();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('for få svar')).toBeInTheDocument();
    expect(within(table).queryByText(/40/)).toBeNull();
    expect(screen.queryByRole('region', { name: 'Afvigelse' })).toBeNull();
  });

  it("says the target is inherited until the unit sets its own, and sets it", async () => {
    fetchMock.mockImplementation((_url: string, init?: RequestInit) =>
      init?.method === 'PUT' ? Promise.resolve(new Response(null, { status: 204 })) : answer(page),
    );
    renderPage();
    const panel = await screen.findByRole('region', { name: 'Måltal for enheden' });
    expect(within(panel).getByText(/Gældende måltal: ≤ 5,0 %.*arvet fra enheden ovenfor/)).toBeInTheDocument();
    const form = within(panel).getByRole('form', { name: 'Sæt eget måltal' });
    await userEvent.clear(within(form).getByLabelText('Måltal'));
    await userEvent.type(within(form).getByLabelText('Måltal'), '4,5');
    await userEvent.click(within(form).getByRole('button', { name: 'Sæt eget måltal' }));
    const put = fetchMock.mock.calls.find(([, init]) => (init as RequestInit | undefined)?.method === 'PUT')!;
    expect(put[0]).toBe('/api/indicators/sick/target');
    expect(JSON.parse((put[1] as RequestInit).body as string)).toMatchObject({ unitId: 'n2', target: 4.5, tolerance: 1 });
  });
});
