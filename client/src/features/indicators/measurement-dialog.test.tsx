import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { BoardIndicator, Frequency } from '../../../../shared/schemas';
import { createAppStore } from '../../app/store/app-store';
import { StoreProvider } from '../../app/store/store-context';
import { createFakeTransport } from '../../test/fake-transport';
import { I18nProvider } from '../../lib/i18n-context';
import { MeasurementDialog } from './measurement-dialog';

const measurement = (periodStart: string, value: number) => ({
  indicatorId: 'i1', unitId: 'u1', periodStart, value, numerator: null, denominator: null, respondents: null, note: '',
  recordedAt: '2026-11-02T08:00:00.000Z', recordedBy: 'Demo',
});

function indicator(frequency: Frequency, recent = [measurement('2026-10-01', 4.2)]): BoardIndicator {
  return {
    id: 'i1', unitId: 'u1', name: 'Genindlæggelser', unitLabel: '%', direction: 'lower', frequency, kind: 'hard', decimals: 1,
    minRespondents: null, orderKey: 'a0', recent,
    target: { validFrom: '2026-01-01', validTo: null, target: 5, low: null, high: null, tolerance: 0.5 },
  };
}

const wrap = (children: ReactNode) => (
  <I18nProvider initialLang="da">
    <StoreProvider store={createAppStore({ transport: createFakeTransport({ connected: true }).transport })}>{children}</StoreProvider>
  </I18nProvider>
);
const today = new Date(2026, 11, 6); // Sunday 6 December 2026

describe('measurement dialog', { timeout: 15_000 }, () => {
  it('defaults to the last closed month and shows the latest value and the target', () => {
    render(wrap(<MeasurementDialog indicator={indicator('monthly')} today={today} onClose={() => {}} />));
    const period = screen.getByLabelText<HTMLSelectElement>('Periode');
    expect(period.selectedOptions[0]).toHaveTextContent('nov. 2026');
    expect(screen.getByText('Seneste værdi: 4,2 % (okt. 2026)')).toBeInTheDocument();
    expect(screen.getByText('Måltal: ≤ 5,0 %')).toBeInTheDocument();
    expect(period).not.toHaveAccessibleDescription(/ikke slut/);
  });

  it.each([
    ['weekly', 'uge 48 2026', 'uge 49 2026 (i gang)'],
    ['quarterly', 'K3 2026', 'K4 2026 (i gang)'],
    ['yearly', '2025', '2026 (i gang)'],
  ] as const)('offers %s periods, the last closed one first chosen', (frequency, closed, open) => {
    render(wrap(<MeasurementDialog indicator={indicator(frequency, [])} today={today} onClose={() => {}} />));
    const period = screen.getByLabelText<HTMLSelectElement>('Periode');
    expect(period.selectedOptions[0]).toHaveTextContent(closed);
    expect(screen.getByRole('option', { name: open })).toBeInTheDocument();
    expect(screen.getByText('Ingen målinger endnu.')).toBeInTheDocument();
  });

  it('warns when the chosen period is still running, and when a value will be replaced', async () => {
    const user = userEvent.setup();
    render(wrap(<MeasurementDialog indicator={indicator('monthly')} today={today} onClose={() => {}} />));
    const period = screen.getByLabelText('Periode');
    await user.selectOptions(period, 'dec. 2026 (i gang)');
    expect(period).toHaveAccessibleDescription('Perioden er ikke slut endnu (slutter 31. dec. 2026); tallet kan nå at ændre sig.');
    await user.selectOptions(period, 'okt. 2026');
    expect(period).toHaveAccessibleDescription(/^Perioden har allerede værdien 4,2\s%; den gemte værdi erstattes.$/);
  });
});
