import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { OverviewCell, OverviewPage as Page, OverviewRow } from '../../../../shared/overview';
import { I18nProvider } from '../../lib/i18n-context';
import { gridKey } from './grid-keys';
import { OverviewPage } from './overview-page';

const layer = (rank: number, name: string) => ({ id: `l${rank}`, rank, name, kind: '' });
const cell = (indicatorId: string, status: OverviewCell['status'], value: number | null = 5, signal = false): OverviewCell => ({
  indicatorId, status, value, periodStart: value === null ? null : '2026-11-01', signal, rolledUp: false,
});
const row = (r: Partial<OverviewRow> & Pick<OverviewRow, 'unitId' | 'name' | 'depth' | 'parentId'>): OverviewRow => ({
  layer: layer(r.depth, ['Psykiatri', 'Klinik'][r.depth] ?? 'Afsnit'), hasChildren: false, childCount: 0,
  boardId: `board-${r.unitId}`, counts: { green: 0, amber: 0, red: 0, none: 0 }, cells: [], ...r,
});
const indicators: Page['indicators'] = [
  { id: 'syg', name: 'Sygefravær', group: 'mandatory', unitLabel: '%', decimals: 1 },
  { id: 'gen', name: 'Genindlæggelser', group: 'common', unitLabel: '%', decimals: 1 },
  { id: 'vent', name: 'Ventetid', group: 'common', unitLabel: 'dage', decimals: 0 },
];
const top: Page = {
  indicators,
  rows: [
    row({ unitId: 'psyk', name: 'Psykiatrien', depth: 0, parentId: null, hasChildren: true, childCount: 2, cells: [cell('syg', 'red', 6.8, true), cell('gen', 'amber', 12.4), cell('vent', 'green', 21)] }),
    row({ unitId: 'nord', name: 'Klinik Nord', depth: 1, parentId: 'psyk', hasChildren: true, childCount: 1, cells: [cell('syg', 'green', 4.2), cell('vent', 'none', null)] }),
    row({ unitId: 'syd', name: 'Klinik Syd', depth: 1, parentId: 'psyk', boardId: null, cells: [cell('syg', 'amber', 5.4)] }),
  ],
  nextCursor: null,
  onlyBoardId: null,
};
const nordChildren: Page = {
  indicators,
  rows: [row({ unitId: 'n2', name: 'Afsnit N2', depth: 2, parentId: 'nord', cells: [cell('syg', 'red', 7.1)] })],
  nextCursor: null,
  onlyBoardId: null,
};

function renderOverview(load: (parent?: string) => Promise<Page>) {
  const location = memoryLocation({ path: '/', record: true });
  render(
    <I18nProvider initialLang="da">
      <Router hook={location.hook}>
        <OverviewPage load={load} subscribe={() => () => undefined} />
      </Router>
    </I18nProvider>,
  );
  return location;
}

const loader = () => vi.fn(async (parent?: string) => (parent === 'nord' ? nordChildren : top));

describe('overview heat-map', { timeout: 20_000 }, () => {
  it('shows units in tree order as rows and indicators as grouped columns, each cell status as icon and words', async () => {
    renderOverview(loader());
    const grid = await screen.findByRole('treegrid', { name: 'Statusoversigt: enheder og indikatorer' });
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Oblig.', 'Øvrige', 'Enhed', 'Sygefravær', 'Genindlæggelser', 'Ventetid']);
    const rows = within(grid).getAllByRole('row').slice(2);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['PsykiatrienPsykiatri', 'Klinik NordKlinik', 'Klinik SydKlinik']);
    expect(rows.map((r) => r.getAttribute('aria-level'))).toEqual(['1', '2', '2']);
    expect(rows[0]).toHaveAttribute('aria-expanded', 'true');
    expect(rows[1]).toHaveAttribute('aria-expanded', 'false');
    // The unit's name is the one link to its board; a unit without a board is plain text.
    expect(within(rows[0]!).getByRole('link', { name: 'Psykiatrien' })).toHaveAttribute('href', '/boards/board-psyk');
    expect(within(rows[2]!).queryByRole('link', { name: 'Klinik Syd' })).toBeNull();
    // A cell links to the unit's indicator page and says status, value and period in words.
    const cellLink = within(rows[0]!).getByRole('link', { name: /^Sygefravær – Psykiatrien/ });
    expect(cellLink).toHaveAttribute('href', '/indicators/syg?unit=psyk');
    expect(cellLink).toHaveAccessibleName('Sygefravær – Psykiatrien, rød (ikke på mål): 6,8\u00a0%, periode fra 1. nov. 2026, signal (ikke-tilfældig variation)');
    expect(within(rows[2]!).getByRole('gridcell', { name: 'Genindlæggelser – Klinik Syd: ikke på enhedens tavle' })).toBeInTheDocument();
  });

  it('is one tab stop; arrows, Home and End move between cells; → and ← fold units, fetching children on first unfold', async () => {
    const load = loader();
    renderOverview(load);
    await screen.findByRole('treegrid');
    await userEvent.tab();
    const psyk = screen.getByRole('link', { name: 'Psykiatrien' });
    expect(psyk).toHaveFocus();
    // Every other cell is out of the tab order.
    expect(screen.getAllByRole('link').filter((a) => a.tabIndex === 0)).toEqual([psyk]);

    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('link', { name: /^Sygefravær – Psykiatrien/ })).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('link', { name: /^Ventetid – Psykiatrien/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: /^Ventetid – Klinik Nord, ingen data: ingen måling/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('gridcell', { name: 'Genindlæggelser – Klinik Nord: ikke på enhedens tavle' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(screen.getByRole('link', { name: 'Klinik Nord' })).toHaveFocus();

    // → on a folded unit unfolds it: its children are fetched and shown under it.
    expect(load).not.toHaveBeenCalledWith('nord', undefined);
    await userEvent.keyboard('{ArrowRight}');
    expect(await screen.findByRole('link', { name: 'Afsnit N2' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledWith('nord', undefined);
    const rows = screen.getAllByRole('row').slice(2);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['PsykiatrienPsykiatri', 'Klinik NordKlinik', 'Afsnit N2Afsnit', 'Klinik SydKlinik']);
    expect(screen.getByRole('link', { name: 'Klinik Nord' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: 'Afsnit N2' })).toHaveFocus();
    // ← on a leaf goes to its parent; ← on an open unit folds it.
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('link', { name: 'Klinik Nord' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.queryByRole('link', { name: 'Afsnit N2' })).toBeNull();
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(screen.getByRole('gridcell', { name: 'Ventetid – Klinik Syd: ikke på enhedens tavle' })).toHaveFocus();
  });

  it('folds and unfolds with the mouse too, without fetching the same children twice', async () => {
    const load = loader();
    renderOverview(load);
    await userEvent.click(await screen.findByRole('button', { name: 'Vis enhederne under Klinik Nord' }));
    await screen.findByRole('link', { name: 'Afsnit N2' });
    await userEvent.click(screen.getByRole('button', { name: 'Skjul enhederne under Klinik Nord' }));
    expect(screen.queryByRole('link', { name: 'Afsnit N2' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Vis enhederne under Klinik Nord' }));
    expect(screen.getByRole('link', { name: 'Afsnit N2' })).toBeInTheDocument();
    expect(load.mock.calls.filter(([parent]) => parent === 'nord')).toHaveLength(1);
  });

  it('takes someone who may read exactly one board straight to it', async () => {
    const location = renderOverview(async () => ({ ...top, rows: top.rows.slice(2), onlyBoardId: 'board-n2' }));
    await act(async () => undefined);
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/boards/board-n2'));
    expect(screen.queryByRole('treegrid')).toBeNull();
  });
});

describe('grid keys', () => {
  const leaf = () => ({ expandable: false, expanded: false, parentRow: null });
  it('clamps at the edges and does nothing for other keys', () => {
    expect(gridKey('ArrowUp', false, { row: 0, col: 2 }, 3, 4, leaf)).toEqual({ kind: 'move', to: { row: 0, col: 2 } });
    expect(gridKey('PageDown', false, { row: 0, col: 2 }, 3, 4, leaf)).toEqual({ kind: 'move', to: { row: 2, col: 2 } });
    expect(gridKey('ArrowRight', false, { row: 1, col: 3 }, 3, 4, leaf)).toEqual({ kind: 'move', to: { row: 1, col: 3 } });
    expect(gridKey('ArrowLeft', false, { row: 0, col: 0 }, 3, 4, leaf)).toBeNull();
    expect(gridKey('a', false, { row: 0, col: 0 }, 3, 4, leaf)).toBeNull();
  });
});
