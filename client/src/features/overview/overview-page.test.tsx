import { screen, within } from '@testing-library/react';
import type { BoardSummary } from '../../../../shared/schemas';
import { renderApp } from '../../test/render-app';
import { buildUnitTree } from './unit-tree';

const layers = {
  top: { id: 'l1', rank: 0, name: 'Direktion', kind: 'strategic' },
  dept: { id: 'l2', rank: 1, name: 'Psykiatri', kind: 'tactical' },
  clinic: { id: 'l3', rank: 2, name: 'Klinik', kind: 'operational' },
};

const boards: BoardSummary[] = [
  { id: 'b3', name: 'Klinik Syd tavle', unit: { id: 'u3', parentId: 'u2', layerId: 'l3', name: 'Klinik Syd' }, layer: layers.clinic },
  { id: 'b2', name: 'Psykiatriens tavle', unit: { id: 'u2', parentId: 'u1', layerId: 'l2', name: 'Psykiatrien' }, layer: layers.dept },
  { id: 'b1', name: 'Direktionens tavle', unit: { id: 'u1', parentId: null, layerId: 'l1', name: 'Regionen' }, layer: layers.top },
  { id: 'b4', name: 'Klinik Nord tavle', unit: { id: 'u4', parentId: 'u2', layerId: 'l3', name: 'Klinik Nord' }, layer: layers.clinic },
];

describe('overview', () => {
  it('builds the unit tree top-down, siblings by name', () => {
    const [root] = buildUnitTree(boards);
    expect(root?.unit.name).toBe('Regionen');
    expect(root?.children[0]?.unit.name).toBe('Psykiatrien');
    expect(root?.children[0]?.children.map((n) => n.unit.name)).toEqual(['Klinik Nord', 'Klinik Syd']);
  });

  it('lists every board as a link to its board page', async () => {
    renderApp({ path: '/', api: { listBoards: async () => boards } });
    // The page is loaded when first opened (lazy), so it appears a moment after the header.
    expect(await screen.findByRole('heading', { name: 'Overblik' })).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'Klinik Nord tavle' });
    expect(link).toHaveAttribute('href', '/boards/b4');
    expect(within(screen.getByRole('main')).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Direktionens tavle',
      'Psykiatriens tavle',
      'Klinik Nord tavle',
      'Klinik Syd tavle',
    ]);
  });

  it('offers to try again when loading fails', async () => {
    renderApp({ path: '/', api: { listBoards: async () => Promise.reject(new Error('down')) } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Kunne ikke hente data.');
    expect(screen.getByRole('button', { name: 'Prøv igen' })).toBeInTheDocument();
  });
});
