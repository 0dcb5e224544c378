import { act, render, screen, within } from '@testing-library/react';
import { memoryLocation } from 'wouter/memory-location';
import type { OverviewResponse } from '../../../../shared/cascade';
import type { BoardSummary } from '../../../../shared/schemas';
import { AppProviders } from '../../app/providers';
import { createAppStore } from '../../app/store/app-store';
import { createFakeTransport } from '../../test/fake-transport';
import { OverviewPage } from './overview-page';

const layer = { id: 'l3', rank: 3, name: 'Afsnit', kind: 'operationel' };
const unit = { id: 'n2', parentId: null, layerId: 'l3', name: 'Afsnit N2' };
const boards: BoardSummary[] = [{ id: 'board-n2', name: 'Afsnit N2 – tavle', unit, layer }];
const overview = (red: number): OverviewResponse => ({
  units: [{
    unit, layer, boardId: 'board-n2',
    counts: { red, amber: 2, green: 3, none: 0 },
    red: red > 0 ? [{ indicatorId: 'sygefravaer', name: 'Sygefravær' }] : [],
    mandatory: [{ indicatorId: 'sygefravaer', status: red > 0 ? 'red' : 'green' }],
  }],
  mandatory: [{ id: 'sygefravaer', name: 'Sygefravær' }],
});

describe('overview heat-map', () => {
  it('shows each unit\'s status counts and red indicators, and refreshes when told a measurement came in', async () => {
    let current = overview(1);
    let notify: () => void = () => undefined;
    const store = createAppStore({ transport: createFakeTransport({ connected: true }).transport, actorName: () => 'Tester' });
    render(
      <AppProviders store={store} api={{ listBoards: async () => boards }} lang="da" locationHook={memoryLocation({ path: '/' }).hook}>
        <OverviewPage loadStatus={async () => current} subscribe={(fn) => ((notify = fn), () => undefined)} />
      </AppProviders>,
    );
    const counts = await screen.findByRole('list', { name: 'Status for Afsnit N2' });
    expect(within(counts).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1 rød', '2 gul', '3 grøn', '0 ingen data']);
    expect(screen.getByRole('link', { name: 'Sygefravær' })).toHaveAttribute('href', '/indicators/sygefravaer?unit=n2');
    expect(within(screen.getByRole('list', { name: 'Obligatoriske indikatorer' })).getByText(/Sygefravær: rød/)).toBeInTheDocument();

    current = overview(0);
    await act(async () => notify());
    expect(await within(screen.getByRole('list', { name: 'Status for Afsnit N2' })).findByText('0 rød')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sygefravær' })).toBeNull();
  });
});
