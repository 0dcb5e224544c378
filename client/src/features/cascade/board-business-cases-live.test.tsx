import { act, screen, within } from '@testing-library/react';
import type { BusinessCase } from '../../../../shared/maalstyring';
import { makeEvent } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const bc = (initiativeId: string, title: string, latestValue: number, progress: number): BusinessCase => ({
  initiativeId, goalId: 'g', goalTitle: 'Færre genindlæggelser', title, done: false, investment: 300_000, yearlySaving: 120_000,
  paybackYears: 2.5, expectedChange: '', startDate: '2025-06-01', endDate: null, conclusion: '', closedAt: null,
  indicators: [{
    indicatorId: 'i1', name: 'Genindlæggelser', unitId: 'u1', unitLabel: '%', decimals: 1, baselineValue: 6, baselineFromSeries: true,
    targetValue: 4, latestValue, latestPeriod: '2026-11-01', progress,
  }],
});

describe("the board's business cases follow its live events", { timeout: 20_000 }, () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    // Only the board's business cases are served; the board's other side loads (goal chains) find nothing.
    fetchMock.mockImplementation((url: string) =>
      Promise.resolve(
        String(url).startsWith('/api/business-cases')
          ? new Response(JSON.stringify([bc('a', 'Udskrivelseskoordinator', 5, 0.5)]), { status: 200 })
          : new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'none' } }), { status: 404 }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('moves progress, adds a new case and takes a closed one off without a reload', async () => {
    const { fake, snapshot } = renderApp();
    // The panel is loaded lazily after the board: give it time on a busy machine.
    const panel = await screen.findByRole('region', { name: 'Indsatser og business cases' }, { timeout: 10_000 });
    const meter = () => within(panel).getByRole('meter', { name: 'Fremdrift for Genindlæggelser' });
    expect(meter()).toHaveAttribute('aria-valuenow', '50');
    const seq = snapshot.seq;
    act(() => fake.pushEvent(makeEvent(seq + 1, { type: 'business-case.changed', initiativeId: 'a', businessCase: bc('a', 'Udskrivelseskoordinator', 4, 1) })));
    expect(meter()).toHaveAttribute('aria-valuenow', '100');
    act(() => fake.pushEvent(makeEvent(seq + 2, { type: 'business-case.changed', initiativeId: 'b', businessCase: bc('b', 'Sansestue', 6, 0) })));
    expect(within(panel).getByRole('listitem', { name: 'Sansestue' })).toBeInTheDocument();
    act(() => fake.pushEvent(makeEvent(seq + 3, { type: 'business-case.changed', initiativeId: 'a', businessCase: null })));
    expect(within(panel).queryByRole('listitem', { name: 'Udskrivelseskoordinator' })).toBeNull();
    // Loaded once: the events did the rest.
    expect(fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/business-cases'))).toHaveLength(1);
  });
});
