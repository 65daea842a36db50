import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeHtml, neutraliseCell, rowsAsShown, toCsv } from '../../src/model/csv';

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['x', 1]]);
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(csv).toBe('\uFEFFa,b\r\nx,1\r\n');
  });

  it('can leave the BOM out', () => {
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and round-trips through a parser', () => {
    const hostile = ['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain'];
    const csv = toCsv(['c1', 'c2', 'c3', 'c4', 'c5'], [hostile], { bom: false });
    expect(csv).toContain('"a,b","say ""hi""","two\nlines"');
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]).toEqual(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain']);
  });

  it('reads record rows by column name, blank for missing keys', () => {
    const csv = toCsv(['id', 'n', 'missing'], [{ id: 'x', n: 2 }], { bom: false });
    expect(csv).toBe('id,n,missing\r\nx,2,\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const cells = ['=HYPERLINK("http://evil","x")', '+1+1', '-12', '@SUM(A1)', '\tx', '\rx'];
    const csv = toCsv(
      ['v'],
      cells.map((cell) => [cell]),
      { bom: false },
    );
    const values = Papa.parse<string[]>(csv, { skipEmptyLines: true })
      .data.slice(1)
      .map((row) => row[0]);
    expect(values).toEqual(cells.map((cell) => `'${cell}`));
  });

  it('keeps real numbers numeric, including negatives, and neutralises the same text as a string', () => {
    expect(neutraliseCell(-12.5)).toBe('-12.5');
    expect(neutraliseCell('-12')).toBe("'-12");
    expect(toCsv(['x'], [[-3], ['-3']], { bom: false })).toBe("x\r\n-3\r\n'-3\r\n");
  });

  it('writes null, undefined and non-finite numbers as empty and booleans as words', () => {
    expect([null, undefined, NaN, Infinity, true, false].map(neutraliseCell)).toEqual(['', '', '', '', 'true', 'false']);
  });

  it('leaves safe text alone', () => {
    expect(neutraliseCell('Los Angeles')).toBe('Los Angeles');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes & first so entities are not double-decoded', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});

describe('a table’s CSV holds its rows as shown', () => {
  it('rounds each number to the decimals its column shows and leaves it a number', () => {
    const columns = [{ label: 'Level' }, { label: 'Filings', digits: 0 }, { label: 'Share (%)', digits: 1 }];
    const share = (2 / 53) * 100; // 3.7735849…, shown as 3.8
    const rows = rowsAsShown(columns, [
      ['Level I', 2, share],
      ['Level —', 0, null],
      ['=1+1', 51, (51 / 53) * 100],
    ]);
    expect(rows).toEqual([
      ['Level I', 2, 3.8],
      ['Level —', 0, null],
      ['=1+1', 51, 96.2],
    ]);
    const lines = toCsv(
      columns.map((c) => c.label),
      rows,
    )
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[1]).toBe('Level I,2,3.8');
    expect(lines[3]).toBe("'=1+1,51,96.2"); // still neutralised
  });
});
