import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * The server's one CSV module: every import is read and every export written here, on csv-parse and
 * csv-stringify, so quoting, line ends and formula neutralising are decided once.
 */

export type CsvSeparator = ';' | ',';
export type CsvCell = string | number | boolean | null | undefined | object;

/** A cell a spreadsheet would run as a formula (or DDE command) starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would read as a formula gets a leading apostrophe, so it shows as typed and never runs. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvWriteOptions {
  /** `;` (the default: Excel in Danish, numbers with decimal commas) or `,` (numbers with points). */
  separator?: CsvSeparator;
  /** A byte-order mark first, so Excel reads the file as UTF-8 (default: with `;`). */
  bom?: boolean;
  /** Quote every cell, not only those that need it. */
  quoteAll?: boolean;
}

/** One cell as text: numbers as numbers (never neutralised), objects as JSON, and every text neutralised. */
function cellText(value: CsvCell, separator: CsvSeparator): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return separator === ';' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutralise(typeof value === 'string' ? value : JSON.stringify(value));
}

/** A CSV file: the header (never quoted: it names columns), then one line per row, CRLF line ends. */
export function writeCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>, options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ';';
  const quoteAll = options.quoteAll ?? false;
  const write = (records: string[][], quoted: boolean, bom: boolean) =>
    stringify(records, {
      delimiter: separator,
      record_delimiter: '\r\n',
      bom,
      quoted,
      quoted_empty: quoted,
      // A lone CR or LF (not the CRLF record end) is quoted too, or a reader would start a new row there.
      quoted_match: /[\r\n]/,
    });
  const head = write([header.map((h) => neutralise(h))], false, options.bom ?? separator === ';');
  return head + write(rows.map((r) => r.map((c) => cellText(c, separator))), quoteAll, false);
}

/** Excel in Danish writes `;` with decimal commas; other tools write `,`. The header line tells which. */
export function detectSeparator(text: string): CsvSeparator {
  const header = text.split(/\r?\n|\r/, 1)[0] ?? '';
  return header.includes(';') ? ';' : ',';
}

/** A file that cannot be read as CSV at all: where (line of the file) and why, in plain words. */
export class CsvReadError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Longest single cell accepted when reading; a longer one is a broken file (an unclosed quote), not data. */
const MAX_CELL_CHARS = 64 * 1024;

/**
 * Reads CSV text (RFC 4180: quoted fields, doubled quotes; CRLF, LF or CR; a BOM is dropped) into rows of cells.
 * Rows of only empty cells are skipped. Throws CsvReadError for a file that is not CSV (e.g. an unclosed quote).
 * With `maxRecords`, at most that many rows are read (the caller refuses a file that has more).
 */
export function readCsv(text: string, separator: CsvSeparator = detectSeparator(text), options: { maxRecords?: number } = {}): string[][] {
  try {
    return parse(text, {
      // Stops reading after that many records: csv-parse's time per record grows with the record count, and a
      // 1 MB file of 350,000 tiny records held the event loop for tens of seconds (bench/FINDINGS.md).
      ...(options.maxRecords !== undefined && { to: options.maxRecords }),
      delimiter: separator,
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: MAX_CELL_CHARS,
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines ?? 0;
    const why =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quote (") is opened but never closed'
        : err.code === 'CSV_MAX_RECORD_SIZE'
          ? `a cell is longer than ${MAX_CELL_CHARS} characters`
          : 'it is not readable as CSV';
    throw new CsvReadError(line, `The file cannot be read: ${why} (near line ${line}).`);
  }
}

/** A number as people type it: `4,5` or `4.5`; thousands separators are not accepted (ambiguous). */
export function parseNumber(raw: string, separator: CsvSeparator): number | null {
  const t = raw.trim().replace(/\s/g, '');
  if (t === '') return null;
  const normalised = separator === ';' ? t.replace(',', '.') : t;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}
