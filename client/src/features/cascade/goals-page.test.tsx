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
    goal({
      id: 'tvaer', parentId: 'nat', title: 'Sammenhængende udskrivelse', ownerIds: ['nord', 'syd'], ownerNames: ['Nord', 'Syd'], layerRank: 2,
      indicatorId: 'opf', indicatorName: 'Opfølgning inden 7 dage', status: 'red', source: 'national',
      ownerStatuses: [
        { name: 'Nord', unitId: 'nord', status: 'red' },
        { name: 'Syd', unitId: 'syd', status: 'amber' },
      ],
    }),
    goal({ id: 'n1-goal', parentId: 'psyk', title: 'N1 udreder inden 25 dage', ownerIds: ['n1'], ownerNames: ['N1'], layerRank: 3, status: 'green', indicatorId: 'udr', indicatorName: 'Udredningsret overholdt' }),
    goal({ id: 'egen', title: 'Godt arbejdsliv', ownerIds: ['psyk'], ownerNames: ['Psykiatrien'], layerRank: 1, source: 'own' }),
  ],
  initiatives: [],
  units: [
    { id: 'region', parentId: null, layerId: 'l0', name: 'Regionen' },
    { id: 'psyk', parentId: 'region', layerId: 'l1', name: 'Psykiatrien' },
    { id: 'nord', parentId: 'psyk', layerId: 'l2', name: 'Nord' },
    { id: 'syd', parentId: 'psyk', layerId: 'l2', name: 'Syd' },
    { id: 'n1', parentId: 'nord', layerId: 'l3', name: 'N1' },
    { id: 'n2', parentId: 'nord', layerId: 'l3', name: 'N2' },
  ],
  layers: [
    { id: 'l0', rank: 0, name: 'Region', kind: '' },
    { id: 'l1', rank: 1, name: 'Psykiatri', kind: '' },
    { id: 'l2', rank: 2, name: 'Klinik', kind: '' },
    { id: 'l3', rank: 3, name: 'Afsnit', kind: '' },
  ],
  indicators: [{ id: 'udr', name: 'Udredningsret overholdt' }],
};

describe('goals page', { timeout: 20_000 }, () => {
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
  const item = (name: string) => screen.getByRole('listitem', { name });

  it('shows the cascade as a tree: top goals, their translations nested layer by layer, indicators and status', async () => {
    renderPage();
    const tree = await screen.findByRole('list', { name: 'Målkaskaden' });
    // The top level holds only the top goals; translations sit in their parent's nested list.
    expect(within(tree).getAllByRole('listitem').filter((li) => li.parentElement === tree).map((li) => li.id)).toEqual(['nat', 'egen']);
    const translations = screen.getByRole('list', { name: 'Oversættelser af "Hurtig udredning"' });
    expect(within(translations).getByRole('listitem', { name: 'Udredningsret for 90 %' })).toBeInTheDocument();
    const n1 = within(screen.getByRole('list', { name: 'Oversættelser af "Udredningsret for 90 %"' })).getByRole('listitem', { name: 'N1 udreder inden 25 dage' });
    expect(within(n1).getByText('Afsnit')).toBeInTheDocument();

    const psyk = item('Udredningsret for 90 %');
    expect(within(psyk).getAllByRole('link', { name: 'Udredningsret overholdt' })[0]).toHaveAttribute('href', '/indicators/udr?unit=psyk');
    expect(within(psyk).getAllByText('rød (ikke på mål)')[0]).toBeInTheDocument();
    // A cross-cutting goal: the joint status and each owner's.
    const tvaer = item('Sammenhængende udskrivelse');
    expect(within(tvaer).getByText('Tværgående mål')).toBeInTheDocument();
    expect(within(tvaer).getByText('Nationalt mål')).toBeInTheDocument();
    expect(within(tvaer).getByText('Samlet: rød (ikke på mål)')).toBeInTheDocument();
    expect(within(within(tvaer).getByRole('list', { name: 'Status pr. ejer' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Nord: rød (ikke på mål)',
      'Syd: gul (tæt på)',
    ]);
    // A top goal without an indicator of its own shows how its translations stand.
    const top = item('Hurtig udredning');
    expect(within(top).getByText('Følges gennem oversættelserne')).toBeInTheDocument();
    expect(within(within(top).getByRole('list', { name: 'Status for oversættelserne' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 røde',
      '1 grøn',
    ]);
    // No row carries a row of buttons: one fold toggle and one actions menu per goal.
    expect(within(psyk).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Skjul oversættelserne af "Udredningsret for 90 %"',
      'Handlinger for målet "Udredningsret for 90 %"',
      'Handlinger for målet "N1 udreder inden 25 dage"',
    ]);
  });

  it('folds a branch, says how its translations stand, and unfolds it again', async () => {
    renderPage();
    const toggle = await screen.findByRole('button', { name: 'Skjul oversættelserne af "Hurtig udredning"' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAccessibleName('Vis oversættelserne af "Hurtig udredning"');
    expect(screen.queryByRole('listitem', { name: 'Udredningsret for 90 %' })).toBeNull();
    // Its statuses are already beside it (no indicator of its own): the count says what is folded away.
    expect(within(item('Hurtig udredning')).getByText('3 oversættelser nedenfor')).toBeInTheDocument();
    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole('button', { name: 'Skjul oversættelserne af "Udredningsret for 90 %"' }));
    expect(within(item('Udredningsret for 90 %')).getByText('1 oversættelse nedenfor: 1 grøn')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Fold alle sammen' }));
    expect(screen.queryByRole('listitem', { name: 'Udredningsret for 90 %' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Fold alle ud' }));
    expect(item('N1 udreder inden 25 dage')).toBeInTheDocument();
  });

  it("highlights a unit's line of sight: its own goals, the chain above them, and unfolds the way to them", async () => {
    renderPage();
    await screen.findByRole('list', { name: 'Målkaskaden' });
    await userEvent.click(screen.getByRole('button', { name: 'Fold alle sammen' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Vis mål for enhed' }), 'n1');
    expect(screen.getByRole('status')).toHaveTextContent('Målkæden for N1: ét eget mål er fremhævet');
    expect(within(item('N1 udreder inden 25 dage')).getByText('Enhedens mål')).toBeInTheDocument();
    expect(within(item('Udredningsret for 90 %')).getAllByText('I målkæden ovenfor')).toHaveLength(1);
    // The top goal's item holds its own mark and, nested, the one of its translation above N1.
    expect(within(item('Hurtig udredning')).getAllByText('I målkæden ovenfor')).toHaveLength(2);
    // Off the line: not marked.
    expect(within(item('Sammenhængende udskrivelse')).queryByText(/Enhedens mål|I målkæden|Oversat nedenfor/)).toBeNull();
    expect(within(item('Godt arbejdsliv')).queryByText(/Enhedens mål|I målkæden|Oversat nedenfor/)).toBeNull();

    // A unit without goals of its own: the line runs through the nearest unit above that has some.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Vis mål for enhed' }), 'n2');
    expect(screen.getByRole('status')).toHaveTextContent('N2 har ingen egne mål; målkæden går gennem Nord.');
    expect(within(item('Sammenhængende udskrivelse')).getByText('Enhedens mål')).toBeInTheDocument();
  });

  it('translates a goal for a unit below from its actions menu, sending the parent and the rationale', async () => {
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Handlinger for målet "Udredningsret for 90 %"' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Oversæt' }));
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
