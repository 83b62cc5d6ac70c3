import { describe, expect, it } from 'vitest';
import { toCsv } from '../../shared/export/csv';
import { parseCsv } from './fixtures';

const body = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1);
};

describe('toCsv', () => {
  it('starts with a BOM and ends every row, including the last, with CRLF', () => {
    const csv = toCsv([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(csv).toBe('\uFEFFa,b\r\nc,d\r\n');
  });

  it('quotes commas, quotes, CR/LF and edge spaces, and doubles quotes', () => {
    const csv = body(
      toCsv([['plain', 'a,b', 'say "hi"', 'line1\nline2', 'cr\rlf', ' lead', 'trail ', 'in side']]),
    );
    expect(csv).toBe('plain,"a,b","say ""hi""","line1\nline2","cr\rlf"," lead","trail ",in side\r\n');
  });

  it('round-trips awkward text exactly through an RFC 4180 reader', () => {
    const rows = [
      ['Zoë (Housing)', 'She said, "no way"\r\nthen left 😀', '', '""', ',', '\n'],
      ['ümlaut', 'tab\there', 'trailing newline\n', 'x', 'y', 'z'],
    ];
    expect(parseCsv(body(toCsv(rows)))).toEqual(rows);
  });

  it('writes null as an empty field and numbers as numbers', () => {
    expect(body(toCsv([[null, 0, -3, 2.5, Number.NaN]]))).toBe(',0,-3,2.5,\r\n');
  });

  it('neutralises formula-looking text but not negative numbers', () => {
    const rows = [['=1+1', '+33 6 12', '-5', '@SUM(A1)', '\tx', 'a=b', "'already", -5]];
    const parsed = parseCsv(body(toCsv(rows)));
    expect(parsed).toEqual([["'=1+1", "'+33 6 12", "'-5", "'@SUM(A1)", "'\tx", 'a=b', "'already", '-5']]);
  });

  it('quotes a neutralised field when it also needs quoting', () => {
    expect(body(toCsv([['=HYPERLINK("x", "y")']]))).toBe('"\'=HYPERLINK(""x"", ""y"")"\r\n');
  });

  it('handles no rows and empty rows', () => {
    expect(toCsv([])).toBe('\uFEFF');
    expect(toCsv([[]])).toBe('\uFEFF\r\n');
  });
});
