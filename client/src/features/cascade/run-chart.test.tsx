import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyseRunChart } from '../../../../shared/domain/anhoej';
import { I18nProvider } from '../../lib/i18n-context';
import { RunChart, type RunChartPoint } from './run-chart';
import { chartGeometry } from './run-chart-geometry';

const legend = { median: 'Median', target: 'Måltal', signal: 'Signal' };

function renderChart(values: number[], n: RunChartPoint['n'] = null) {
  const points = values.map((value, i) => ({ label: `P${i + 1}`, value, text: `${value} %`, n }));
  const analysis = analyseRunChart(values);
  render(
    <I18nProvider initialLang="da">
      <RunChart points={points} analysis={analysis} target={5} baselineEnd={null} label="Seriediagram for Sygefravær" legend={legend} />
    </I18nProvider>,
  );
  return analysis;
}

describe('run chart', () => {
  it('shows each point in a tooltip from the keyboard: period, value and n, the latest first', async () => {
    renderChart([3, 4, 3, 5, 4, 3, 4, 5, 3, 4, 6, 4], { kind: 'denominator', value: 120 });
    const chart = screen.getByRole('group', { name: 'Seriediagram for Sygefravær – punkter' });
    expect(screen.queryByRole('tooltip')).toBeNull();

    await userEvent.tab();
    expect(chart).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^P12 4 % n = 120$/);
    expect(chart).toHaveAccessibleDescription('P12 4 % n = 120');

    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^P10 4 %/);
    await userEvent.keyboard('{Home}');
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^P1 3 %/);
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^P1 3 %/);
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^P12/);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('marks the points of a run that is too long, in the tooltip and the legend', async () => {
    // Lows with a high now and then (9 crossings, enough for n = 28), then ten highs in a row: a run of 10
    // against a limit of 8.
    const values = [2, 8, 3, 2, 7, 3, 2, 3, 8, 2, 3, 2, 7, 3, 2, 3, 2, 3, 7, 8, 7, 8, 7, 8, 7, 8, 7, 8];
    const analysis = renderChart(values, { kind: 'respondents', value: 40 });
    expect(analysis.shiftPoints).toEqual([18, 19, 20, 21, 22, 23, 24, 25, 26, 27]);
    expect(analysis.tooFewCrossings).toBe(false);
    expect(screen.getByText('For lang serie (signal)')).toBeInTheDocument();
    // Enough crossings: none marked.
    expect(screen.queryByText('Kryds af medianen (for få: signal)')).toBeNull();

    await userEvent.tab();
    const tooltip = () => screen.getByRole('tooltip');
    expect(tooltip()).toHaveTextContent('P28');
    expect(tooltip()).toHaveTextContent('40 besvarelser');
    expect(tooltip()).toHaveTextContent('Del af en for lang serie (signal)');
    await userEvent.keyboard('{Home}');
    expect(tooltip()).toHaveTextContent('P1');
    expect(tooltip()).not.toHaveTextContent('signal');
    const img = screen.getByRole('img', { name: 'Seriediagram for Sygefravær' });
    expect(img.querySelectorAll('[data-signal="run"]')).toHaveLength(10);
  });

  it('labels the median and the target on their lines, and marks the crossings when there are too few', () => {
    // Long stretches on each side of the median: 3 crossings in 20 points, fewer than the 6 the rules expect.
    const values = [1, 2, 1, 2, 1, 2, 1, 9, 8, 9, 8, 9, 2, 1, 2, 1, 9, 8, 9, 8];
    const analysis = renderChart(values);
    expect(analysis.tooFewCrossings).toBe(true);
    const img = screen.getByRole('img', { name: 'Seriediagram for Sygefravær' });
    expect(img).toHaveTextContent(`Median ${String(analysis.median).replace('.', ',')}`);
    expect(img).toHaveTextContent('Måltal 5');
    expect(screen.getByText('Kryds af medianen (for få: signal)')).toBeInTheDocument();
    expect(img.querySelectorAll('.run-chart__crossing')).toHaveLength(analysis.crossings);
  });
});

describe('run chart geometry', () => {
  it('puts y ticks on round numbers and period labels where they fit, the latest always', () => {
    const values = Array.from({ length: 24 }, (_, i) => 2 + (i % 5) * 0.7);
    const wide = chartGeometry({ width: 1200, height: 300, values, refs: [4.1, null], labelChars: 9, tickChars: 4 });
    const narrow = chartGeometry({ width: 330, height: 240, values, refs: [4.1, null], labelChars: 9, tickChars: 4 });
    expect(wide.yTicks.every((t) => Number.isInteger(t * 2))).toBe(true);
    expect(wide.domain[0]).toBeLessThanOrEqual(2);
    expect(wide.domain[1]).toBeGreaterThanOrEqual(4.8);
    expect(wide.labelled.at(-1)).toBe(23);
    expect(narrow.labelled.at(-1)).toBe(23);
    expect(narrow.labelled.length).toBeLessThan(wide.labelled.length);
    // Labels of 9 characters (~63 px) never overlap: neighbours are at least a label's width apart.
    for (const g of [wide, narrow]) {
      const xs = g.labelled.map((i) => g.x(i));
      xs.slice(1).forEach((x, k) => expect(x - xs[k]!).toBeGreaterThanOrEqual(63));
    }
  });
});
