import type { ImportProblem, ImportProblemCode, ImportResponse } from '../../../shared/cascade';
import type { Indicator } from '../../../shared/schemas';
import type { MeasurementWrite } from './measurement-writer';
import { CsvReadError, detectSeparator, parseNumber, readCsv } from '../csv';

/** Largest import accepted: bigger files are refused whole, with a message saying so. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/**
 * Lines a file may have before it is read at all: a row may span lines (a quoted note), but a file of 1 MB with
 * hundreds of thousands of empty or tiny lines is refused by a count, not by parsing every one of them.
 */
export const MAX_IMPORT_LINES = 4 * MAX_IMPORT_ROWS;

const countLines = (text: string): number => {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
};

export const IMPORT_COLUMNS = ['indicator', 'period', 'value', 'numerator', 'denominator', 'respondents', 'unit', 'note'] as const;
const REQUIRED = ['indicator', 'period', 'value'] as const;

export interface ParsedImport {
  rows: (MeasurementWrite & { row: number })[];
  problems: ImportProblem[];
}

/** A problem in plain English (logs, API clients) and as a code with values (for the UI's own language). */
const found = (row: number, column: string, code: ImportProblemCode, message: string, values?: Record<string, string>): ImportProblem => ({
  row,
  column,
  message,
  code,
  ...(values && { values }),
});

/**
 * Reads a measurements CSV into rows to write, with every problem found (row as the file numbers it, the
 * header being row 1; column by name; what is wrong in plain words). `defaultUnit` fills an empty unit column;
 * `defaultIndicator` (picked by name in the UI) does the same for the indicator, which the file may then leave out.
 */
export function parseMeasurementsCsv(
  text: string,
  defaultUnit: string | null,
  indicatorOf: (id: string) => Indicator | undefined,
  defaultIndicator: string | null = null,
): ParsedImport {
  const lines = countLines(text);
  if (lines > MAX_IMPORT_LINES) {
    return { rows: [], problems: [{ row: 1, column: '', message: `The file has ${lines} lines; at most ${MAX_IMPORT_ROWS} rows can be imported at once.` }] };
  }
  const separator = detectSeparator(text);
  let table: string[][];
  try {
    // One record beyond the header and the row limit is enough to know the file is too long.
    table = readCsv(text, separator, { maxRecords: MAX_IMPORT_ROWS + 2 });
  } catch (err) {
    if (!(err instanceof CsvReadError)) throw err;
    return { rows: [], problems: [found(err.line, '', 'unreadable', err.message, { line: String(err.line) })] };
  }
  const problems: ImportProblem[] = [];
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  for (const column of REQUIRED) {
    if (column === 'indicator' && defaultIndicator) continue;
    if (!header.includes(column)) problems.push(found(1, column, 'missing-column', `The header has no "${column}" column.`));
  }
  const unknown = header.filter((h) => h !== '' && !(IMPORT_COLUMNS as readonly string[]).includes(h));
  for (const column of unknown) problems.push(found(1, column, 'unknown-column', `"${column}" is not a column Kaskade knows.`));
  if (problems.length > 0) return { rows: [], problems };
  if (table.length - 1 > MAX_IMPORT_ROWS) {
    const rows = String(table.length - 1);
    return { rows: [], problems: [found(1, '', 'too-many-rows', `The file has ${rows} rows; at most ${MAX_IMPORT_ROWS} can be imported at once.`, { rows, max: String(MAX_IMPORT_ROWS) })] };
  }

  const rows: ParsedImport['rows'] = [];
  const seen = new Set<string>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (name: string): string => (cells[header.indexOf(name)] ?? '').trim();
    const problem = (column: string, code: ImportProblemCode, message: string, values?: Record<string, string>) =>
      problems.push(found(row, column, code, message, values));
    const number = (column: string, required: boolean): number | null => {
      const raw = cell(column);
      const n = parseNumber(raw, separator);
      if (n === null) {
        if (required) problem(column, 'empty-cell', 'is empty; a number is needed.');
        return null;
      }
      if (Number.isNaN(n)) {
        problem(column, 'not-a-number', `"${raw}" is not a number${separator === ';' ? ' (use a decimal comma, e.g. 4,5)' : ' (e.g. 4.5)'}.`, { raw, separator });
        return null;
      }
      return n;
    };
    const indicatorId = cell('indicator') || defaultIndicator || '';
    const indicator = indicatorId ? indicatorOf(indicatorId) : undefined;
    if (!indicatorId) problem('indicator', 'empty-indicator', 'is empty; the indicator id is needed.');
    else if (!indicator) problem('indicator', 'unknown-indicator', `no indicator has the id "${indicatorId}".`, { indicator: indicatorId });
    const period = cell('period');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(period) || Number.isNaN(Date.parse(period))) {
      if (period) problem('period', 'bad-period', `"${period}" is not a date like 2026-10-01.`, { period });
      else problem('period', 'empty-period', 'is empty; the first day of the period is needed.');
    }
    const value = number('value', true);
    const numerator = number('numerator', false);
    const denominator = number('denominator', false);
    const respondents = number('respondents', false);
    if (respondents !== null && (!Number.isInteger(respondents) || respondents < 0)) {
      problem('respondents', 'respondents-whole', 'must be a whole number of answers, 0 or more.');
    }
    const unitId = cell('unit') || defaultUnit;
    if (!unitId) problem('unit', 'empty-unit', 'is empty; say which unit the value is for.');
    const key = `${indicatorId}|${unitId}|${period}`;
    if (seen.has(key)) problem('period', 'duplicate', 'this indicator, unit and period appear twice in the file.');
    seen.add(key);
    if (indicator && unitId && value !== null) {
      rows.push({ row, indicatorId, unitId, periodStart: period, value, numerator, denominator, respondents, note: cell('note') });
    }
  });
  return { rows, problems };
}

/**
 * parseMeasurementsCsv with indicators read from the store: a first pass learns which ids the file names, they are
 * read once each, and the second pass parses with them (parsing stays pure; reading 5,000 rows twice costs little).
 */
export async function readMeasurementsCsv(
  text: string,
  defaultUnit: string | null,
  indicatorOf: (id: string) => Promise<Indicator | undefined>,
  defaultIndicator: string | null = null,
): Promise<ParsedImport> {
  const named = new Set<string>();
  parseMeasurementsCsv(text, defaultUnit, (id) => void named.add(id), defaultIndicator);
  const known = new Map<string, Indicator>();
  for (const id of named) {
    const indicator = await indicatorOf(id);
    if (indicator) known.set(id, indicator);
  }
  return parseMeasurementsCsv(text, defaultUnit, (id) => known.get(id), defaultIndicator);
}

/** Maps the writer's checks (per row index) to rows and columns of the file. */
export function writeProblemsToImport(
  rows: ParsedImport['rows'],
  problems: { index: number; path: string; message: string }[],
): ImportProblem[] {
  const columnOf: Record<string, string> = { periodStart: 'period', indicatorId: 'indicator', unitId: 'unit' };
  return problems.map((p) => ({ row: rows[p.index]?.row ?? 0, column: columnOf[p.path] ?? p.path, message: p.message }));
}

export type { ImportResponse };
