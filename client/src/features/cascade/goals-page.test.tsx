import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { GoalListResponse, GoalView } from '../../../../shared/cascade';
import { I18nProvider } from '../../lib/i18n-context';
import { GoalsPage } from './goals-page';

const goal = (g: Partial<GoalView> & Pick<GoalView, 'id' | 'title' | 'ownerIds' | 'ownerNames' | 'layerRank'>): GoalView => ({
  parentId: null, external: '', measure: '', why: '', realism: '', rationale: '', deadline: null, indicatorId: null,
  target: null, indicatorName: null, status: 'none', chain: [], source: '', externalOwners: [], alsoIndicatorIds: [],
  ownerStatuses: [], ...g,
});

const data: GoalListResponse = {
  goals: [
    goal({ id: 'nat', title: 'Hurtig udredning', external: 'Nationalt mål', ownerIds: ['region'], ownerNames: ['Regionen'], layerRank: 0 }),
    goal({
      id: 'psyk', parentId: 'nat', title: 'Udredningsret for 90 %', ownerIds: ['psyk'], ownerNames: ['Psykiatrien'], layerRank: 1,
      indicatorId: 'udr', indicatorName: 'Udredningsret overholdt', status: 'red',
      chain: [{ id: 'nat', title: 'Hurtig udredning', external: 'Nationalt mål', ownerNames: ['Regionen'] }],
    }),
    goal({ id: 'tvaer', title: 'Sammenhængende udskrivelse', ownerIds: ['nord', 'syd'], ownerNames: ['Nord', 'Syd'], layerRank: 2 }),
  ],
  initiatives: [],
  units: [
    { id: 'region', parentId: null, layerId: 'l0', name: 'Regionen' },
    { id: 'psyk', parentId: 'region', layerId: 'l1', name: 'Psykiatrien' },
    { id: 'nord', parentId: 'psyk', layerId: 'l2', name: 'Nord' },
    { id: 'syd', parentId: 'psyk', layerId: 'l2', name: 'Syd' },
  ],
  layers: [
    { id: 'l0', rank: 0, name: 'Region', kind: '' },
    { id: 'l1', rank: 1, name: 'Psykiatri', kind: '' },
    { id: 'l2', rank: 2, name: 'Klinik', kind: '' },
  ],
  indicators: [{ id: 'udr', name: 'Udredningsret overholdt' }],
};

describe('goals page', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation((_url: string, init?: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify(init?.method === 'POST' ? { id: 'new' } : data), { status: init?.method === 'POST' ? 201 : 200 })),
    );
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderPage = () =>
    render(
      <I18nProvider initialLang="da">
        <Router hook={memoryLocation({ path: '/goals' }).hook}>
          <GoalsPage />
        </Router>
      </I18nProvider>,
    );

  it('shows goals by layer with translations, cross-cutting owners and the chain upwards', async () => {
    renderPage();
    const region = await screen.findByRole('region', { name: 'Ledelseslag: Region' });
    const top = within(region).getByRole('listitem', { name: 'Hurtig udredning' });
    expect(within(top).getByText(/Eksternt: Nationalt mål/)).toBeInTheDocument();
    expect(within(top).getByRole('link', { name: 'Udredningsret for 90 %' })).toBeInTheDocument();
    const psyk = screen.getByRole('listitem', { name: 'Udredningsret for 90 %' });
    expect(within(within(psyk).getByRole('navigation', { name: 'Målkæde' })).getByRole('link', { name: 'Hurtig udredning' })).toBeInTheDocument();
    expect(within(psyk).getAllByText('Status: rød (ikke på mål)').length).toBeGreaterThan(0);
    expect(within(screen.getByRole('listitem', { name: 'Sammenhængende udskrivelse' })).getByText(/Tværgående mål/)).toBeInTheDocument();
  });

  it('filters by unit', async () => {
    renderPage();
    await screen.findByRole('region', { name: 'Ledelseslag: Region' });
    await userEvent.selectOptions(screen.getByLabelText('Vis mål for enhed'), 'nord');
    expect(screen.queryByRole('region', { name: 'Ledelseslag: Region' })).toBeNull();
    expect(screen.getByRole('listitem', { name: 'Sammenhængende udskrivelse' })).toBeInTheDocument();
  });

  it('translates a goal for a unit below, sending the parent and the rationale', async () => {
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Oversæt: Udredningsret for 90 %' }));
    const form = screen.getByRole('form', { name: 'Oversæt målet "Udredningsret for 90 %"' });
    await userEvent.type(within(form).getByLabelText('Mål (hvad konkret)'), 'Nord udreder 92 % inden 30 dage');
    await userEvent.selectOptions(within(form).getByLabelText('Ejer (enheder)'), 'nord');
    await userEvent.type(within(form).getByLabelText('Begrundelse for oversættelsen'), 'Nord har flest henvisninger');
    await userEvent.click(within(form).getByRole('button', { name: 'Gem' }));
    const post = fetchMock.mock.calls.find(([, init]) => (init as RequestInit | undefined)?.method === 'POST')!;
    expect(post[0]).toBe('/api/goals');
    expect(JSON.parse((post[1] as RequestInit).body as string)).toMatchObject({
      parentId: 'psyk', ownerIds: ['nord'], title: 'Nord udreder 92 % inden 30 dage', rationale: 'Nord har flest henvisninger', indicatorId: 'udr',
    });
  });
});
