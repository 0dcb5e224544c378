import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../shared/schemas';
import { MAX_IMPORT_ROWS, parseMeasurementsCsv } from './csv-import';

const indicator: Indicator = {
  id: 'baelte-andel', unitId: 'psyk', name: 'Andel bæltefikseret', unitLabel: '%', direction: 'lower',
  frequency: 'monthly', kind: 'hard', decimals: 1, minRespondents: null,
};
const known = (id: string) => (id === indicator.id ? indicator : undefined);

describe('parseMeasurementsCsv', () => {
  it('reads Danish Excel (semicolons, decimal commas) with the unit from the request', () => {
    const { rows, problems } = parseMeasurementsCsv('\uFEFFIndicator;Period;Value;Denominator\nbaelte-andel;2026-10-01;3,4;350\n', 'k-nord', known);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, indicatorId: 'baelte-andel', unitId: 'k-nord', periodStart: '2026-10-01', value: 3.4, numerator: null, denominator: 350, respondents: null, note: '' },
    ]);
  });

  it('reads commas with decimal points and a unit column', () => {
    const { rows } = parseMeasurementsCsv('indicator,period,value,unit\nbaelte-andel,2026-10-01,3.4,n2\n', null, known);
    expect(rows[0]).toMatchObject({ unitId: 'n2', value: 3.4 });
  });

  it('names the row, the column and what is wrong', () => {
    const { problems } = parseMeasurementsCsv(
      'indicator;period;value;respondents\nnope;2026-10-01;1;\nbaelte-andel;okt 2026;1,2,3;2,5\nbaelte-andel;2026-10-01;;\n',
      'k-nord',
      known,
    );
    expect(problems).toEqual([
      { row: 2, column: 'indicator', message: 'no indicator has the id "nope".', code: 'unknown-indicator', values: { indicator: 'nope' } },
      { row: 3, column: 'period', message: '"okt 2026" is not a date like 2026-10-01.', code: 'bad-period', values: { period: 'okt 2026' } },
      { row: 3, column: 'value', message: '"1,2,3" is not a number (use a decimal comma, e.g. 4,5).', code: 'not-a-number', values: { raw: '1,2,3', separator: ';' } },
      { row: 3, column: 'respondents', message: 'must be a whole number of answers, 0 or more.', code: 'respondents-whole' },
      { row: 4, column: 'value', message: 'is empty; a number is needed.', code: 'empty-cell' },
    ]);
  });

  it('refuses a header without the needed columns, unknown columns and duplicate periods', () => {
    expect(parseMeasurementsCsv('indicator;value;colour\n', 'u', known).problems.map((p) => p.column)).toEqual(['period', 'colour']);
    const dup = parseMeasurementsCsv('indicator;period;value\nbaelte-andel;2026-10-01;1\nbaelte-andel;2026-10-01;2\n', 'u', known);
    expect(dup.problems).toEqual([{ row: 3, column: 'period', message: 'this indicator, unit and period appear twice in the file.', code: 'duplicate' }]);
  });

  it('takes the indicator picked in the UI when the file has no indicator column', () => {
    const { rows, problems } = parseMeasurementsCsv('period;value\n2026-10-01;3,4\n2026-11-01;2\n', 'k-nord', known, 'baelte-andel');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.indicatorId, r.periodStart, r.value])).toEqual([['baelte-andel', '2026-10-01', 3.4], ['baelte-andel', '2026-11-01', 2]]);
    expect(parseMeasurementsCsv('period;value\n2026-10-01;3,4\n', 'k-nord', known).problems.map((p) => p.code)).toEqual(['missing-column']);
  });

  it('refuses more rows than can be imported at once', () => {
    const text = `indicator;period;value\n${'baelte-andel;2026-10-01;1\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(parseMeasurementsCsv(text, 'u', known).problems[0]!.message).toMatch(/at most 5000/);
  });
});
