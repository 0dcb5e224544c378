/** Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; `;` or `,` as the separator. */

/** Excel in Danish writes `;` with decimal commas; other tools write `,`. The header line tells which. */
export function detectSeparator(text: string): ';' | ',' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return header.includes(';') ? ';' : ',';
}

export function parseCsv(text: string, separator: ';' | ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const quote = (v: string, separator: string): string =>
  /["\r\n]/.test(v) || v.includes(separator) ? `"${v.replaceAll('"', '""')}"` : v;

/** CSV text with a header, `;`-separated and with a BOM so Excel in Danish opens it in the right columns. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const line = (cells: ReadonlyArray<string | number | null>) =>
    cells.map((c) => quote(c === null ? '' : typeof c === 'number' ? String(c).replace('.', ',') : c, ';')).join(';');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

/** A number as people type it: `4,5` or `4.5`; thousands separators are not accepted (ambiguous). */
export function parseNumber(raw: string, separator: ';' | ','): number | null {
  const t = raw.trim().replace(/\s/g, '');
  if (t === '') return null;
  const normalised = separator === ';' ? t.replace(',', '.') : t;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}
