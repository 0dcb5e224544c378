import { describe, expect, it } from 'vitest';
import { CsvReadError, neutralise, parseNumber, readCsv, writeCsv } from './csv';

describe('writeCsv', () => {
  it('writes Danish Excel CSV: BOM, `;`, decimal commas, quoting where needed, CRLF', () => {
    expect(writeCsv(['a', 'b'], [['x;y', 4.5]])).toBe('\uFEFFa;b\r\n"x;y";4,5\r\n');
    expect(writeCsv(['a'], [['say "hi"'], ['two\nlines'], [null]])).toBe('\uFEFFa\r\n"say ""hi"""\r\n"two\nlines"\r\n\r\n');
  });

  it('writes comma files with points, and quotes every cell when asked (objects as JSON)', () => {
    expect(writeCsv(['n', 'o'], [[-1.5, { a: 1 }]], { separator: ',', bom: false })).toBe('n,o\r\n-1.5,"{""a"":1}"\r\n');
    expect(writeCsv(['n'], [['a "b"'], [null]], { separator: ',', bom: false, quoteAll: true })).toBe('n\r\n"a ""b"""\r\n""\r\n');
  });

  it.each(['=cmd|\' /C calc\'!A0', '@SUM(A1:A2)', '+1+1', '-2+3', '\t=1', '\r=1'])('neutralises the formula %j', (cell) => {
    const text = writeCsv(['note'], [[cell]], { separator: ',', bom: false });
    const [, written] = readCsv(text, ',');
    expect(written![0]).toBe(`'${cell}`);
  });

  it('leaves numbers (also negative) and plain text alone', () => {
    expect(writeCsv(['v', 't'], [[-3.5, 'Godt = bedre']], { bom: false })).toBe('v;t\r\n-3,5;Godt = bedre\r\n');
    expect(neutralise('a=b')).toBe('a=b');
  });
});

describe('readCsv', () => {
  it('reads quoted fields with separators, doubled quotes, mixed line ends and a BOM, skipping blank rows', () => {
    const text = '\uFEFFa;b\r\n"x;y";"say ""hi"""\n\n;\rc;d';
    expect(readCsv(text)).toEqual([['a', 'b'], ['x;y', 'say "hi"'], ['c', 'd']]);
  });

  it('keeps a quote inside an unquoted cell as text and rows of any length', () => {
    expect(readCsv('a,b\n5" screen,x,extra\n')).toEqual([['a', 'b'], ['5" screen', 'x', 'extra']]);
  });

  it('refuses an unclosed quote with the line and a plain reason', () => {
    expect(() => readCsv('a;b\n"x;y\n')).toThrow(CsvReadError);
    expect(() => readCsv('a;b\n"x;y\n')).toThrow(/never closed/);
  });

  it('round-trips what writeCsv writes', () => {
    const rows = [['ø "æ"', 'x;y', 'line\r\nbreak']];
    expect(readCsv(writeCsv(['a', 'b', 'c'], rows)).slice(1)).toEqual(rows);
  });
});

describe('parseNumber', () => {
  it('reads decimal commas in `;` files and points in `,` files', () => {
    expect(parseNumber('4,5', ';')).toBe(4.5);
    expect(parseNumber('4.5', ',')).toBe(4.5);
    expect(parseNumber(' ', ';')).toBeNull();
    expect(parseNumber('1.000,5', ';')).toBeNaN();
  });
});
