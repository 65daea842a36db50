// The JS reading of a file's first rows must give the date evidence DuckDB's CSV reader gives for the
// same bytes (the SQL the loader used before), or null (then the careful read decides from every date).
import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine';
import { headDateEvidence } from '../../src/data/head-dates';
import { dateEvidence } from '../../src/data/hpsa-loader';
import { decideDateOrder, type DateEvidence } from '../../src/data/date-order';
import { columnsStruct } from '../../src/data/csv-stage';
import { readHead, sniffHeader, wholeLines } from '../../src/data/csv-header';
import { sqlIdent } from '../../src/data/sql';
import { createNodeEngine } from '../helpers/duckdb-node';
import { readExcerpt } from '../helpers/shared';
import { bytes, hpsaCsv } from '../helpers/hpsa-fixture';

// The file's date columns, as the rows below give them; the loader reads all but the withdrawn date.
const FILE_DATES = ['HPSA Designation Date', 'HPSA Designation Last Update Date', 'Withdrawn Date', 'Data Warehouse Record Create Date'];
const DATES = FILE_DATES.filter((c) => c !== 'Withdrawn Date');
const RAW = ['designation_date__raw', 'update_date__raw', 'record_date__raw'];
const RECORD_DATE = 'Data Warehouse Record Create Date';
const RECORD_TEXT = 'Data Warehouse Record Create Date Text';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
});

function sniffed(file: Uint8Array) {
  const sniff = sniffHeader(new TextDecoder().decode(file.subarray(0, 64 * 1024)));
  return { header: sniff.fields, trailingDelimiter: sniff.trailingDelimiter };
}

const jsEvidence = async (file: Uint8Array) =>
  headDateEvidence(await readHead(file), {
    ...sniffed(file),
    dates: DATES,
    recordDate: RECORD_DATE,
    recordDateText: RECORD_TEXT,
  });

/** DuckDB's reading of the same head: its CSV reader, the placeholders mapped in SQL; null if it refuses the lines. */
async function sqlEvidence(file: Uint8Array): Promise<DateEvidence | null> {
  const { header, trailingDelimiter } = sniffed(file);
  const code = (c: string) =>
    `CASE WHEN trim(${sqlIdent(c)}) IN ('', 'XXXXX', 'XXX', 'NA', 'N/A', 'POINT') THEN NULL ELSE trim(${sqlIdent(c)}) END`;
  await db.registerFile('head.csv', wholeLines(await readHead(file)));
  try {
    await db.query(`CREATE OR REPLACE TABLE head_rows AS SELECT ${DATES.map((c, i) => `${code(c)} AS ${RAW[i]}`).join(', ')},
        nullif(trim(${sqlIdent(RECORD_TEXT)}), '') AS record_date_text
      FROM read_csv('head.csv', header = true, auto_detect = false, columns = ${columnsStruct(header, trailingDelimiter)},
        delim = ',', quote = '"', escape = '"')`);
    return await dateEvidence(db, 'head_rows');
  } catch {
    return null;
  } finally {
    await db.dropFile('head.csv');
  }
}

const row = (dates: string[], recordText = dates[3]): Record<string, string> => {
  const r: Record<string, string> = { [RECORD_TEXT]: recordText };
  FILE_DATES.forEach((c, i) => (r[c] = dates[i]));
  return r;
};

// Files the JS reading must read (and agree on).
const readable: [string, Uint8Array][] = [
  ['the real California excerpt (DD/MM/YYYY re-save)', readExcerpt()],
  [
    'MM/DD/YYYY as HRSA publishes',
    bytes(hpsaCsv([row(['07/15/2003', '01/02/2021', '', '03/27/2024']), row(['1/5/2003', '12/31/2020', 'NA', '03/27/2024'])])),
  ],
  ['DD/MM/YYYY', bytes(hpsaCsv([row(['15/07/2003', '02/01/2021', '', '27/03/2024'], '03/27/2024')]))],
  ['day-first only by the text companion', bytes(hpsaCsv([row(['05/04/2003', '01/02/2021', '', '11/03/2024'], '03/11/2024')]))],
  ['day and month mixed', bytes(hpsaCsv([row(['15/07/2003', '', '', '03/04/2024']), row(['07/15/2003', '', '', '03/04/2024'])]))],
  ['ISO dates', bytes(hpsaCsv([row(['2003-07-15', '2021-01-02', '', '2024-03-27'])]))],
  [
    'national layout: BOM, CRLF, trailing comma',
    bytes(
      hpsaCsv([row(['07/15/2003', '', '', '03/27/2024']), row(['13/01/2003', '', '', '03/27/2024'])], {
        bom: true,
        trailingComma: true,
        lineEnd: '\r\n',
      }),
    ),
  ],
  [
    'padding, tabs, placeholders, quotes and line breaks inside fields',
    bytes(
      hpsaCsv([
        { ...row([' 07/15/2003 ', '\t01/02/2021', 'XXXXX', ' 03/27/2024']), 'HPSA Name': 'A "quoted",\nname' },
        row(['  ', 'N/A', 'POINT', '3/4/2024'], ' 4/3/2024 '),
        row(['7/15/03', '2003-7-15', '123/1/2003', '2024-03-27 ']),
        row(['01/13/2003\u00a0', '13/13/2003', '00/00/0000', '03/27/2024'], ''),
        row(['\u300002/14/2003', '14/02/2003\u2028', '\ufeff01/01/2003', '\t03/27/2024\r'], '03/27/2024\u00a0'),
      ]),
    ),
  ],
];

// Files that are not plain CSV at the start: the JS reading may give up (null) but must never disagree.
const hostile: [string, Uint8Array][] = [
  ['a row with an extra field', bytes(hpsaCsv([row(['13/01/2003', '', '', '03/27/2024'])]).replace(/\n$/, ',extra\n'))],
  ['a row with a field missing', bytes(hpsaCsv([row(['13/01/2003', '', '', '03/27/2024'])]).replace(/,[^,\n]*\n$/, '\n'))],
  ['an unclosed quote', bytes(hpsaCsv([row(['13/01/2003', '', '', '03/27/2024'])]).replace(/\n$/, '"\n'))],
  ['a quote inside an unquoted field', bytes(hpsaCsv([{ ...row(['13/01/2003', '', '', '03/27/2024']), 'HPSA Name': 'a"b' }]))],
  [
    'text after a closing quote',
    bytes(hpsaCsv([{ ...row(['13/01/2003', '', '', '03/27/2024']), 'HPSA Name': 'x' }]).replace(',x,', ',"x"y,')),
  ],
  ['a blank line', bytes(hpsaCsv([row(['13/01/2003', '', '', '03/27/2024'])]) + '\n')],
  ['a lone CR', bytes(hpsaCsv([row(['13/01/2003', '', '', '03/27/2024']), row(['01/13/2003', '', '', '03/27/2024'])], { lineEnd: '\r' }))],
  ['bytes that are not UTF-8', Uint8Array.from([...bytes(hpsaCsv([row(['13/01/2003', '', '', '03/27/2024'])])), 0xff, 0xfe, 10])],
  ['no date columns', bytes('a,b\n1,2\n')],
];

describe('the date evidence of a file’s first rows, in JS', () => {
  it.each(readable)('%s: the same evidence as DuckDB’s reading', async (_, file) => {
    const sql = await sqlEvidence(file);
    expect(sql).not.toBeNull();
    expect(await jsEvidence(file)).toEqual(sql);
  });

  it.each(hostile)('%s: DuckDB’s evidence or none', async (_, file) => {
    const js = await jsEvidence(file);
    if (js !== null) expect(js).toEqual(await sqlEvidence(file));
  });

  it('reads the cases that decide the order as the loader’s tests expect', async () => {
    const order = async (i: number) => {
      const e = await jsEvidence(readable[i][1]);
      return e && decideDateOrder(e);
    };
    expect(await order(0)).toMatchObject({ ok: true, order: 'DMY', decisive: true });
    expect(await order(1)).toMatchObject({ ok: true, order: 'MDY', decisive: true });
    expect(await order(3)).toMatchObject({ ok: true, order: 'DMY', decisive: true });
    expect(await order(4)).toMatchObject({ ok: false });
    expect(await order(5)).toMatchObject({ ok: true, order: 'ISO' });
  });

  it('gives up on a head that is not UTF-8 or has a broken line', async () => {
    for (const name of ['an unclosed quote', 'bytes that are not UTF-8', 'a row with an extra field', 'no date columns'])
      expect(await jsEvidence(hostile.find(([n]) => n === name)![1]), name).toBeNull();
  });
});
