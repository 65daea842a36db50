import { describe, it, expect, beforeAll, beforeEach } from 'vitest';
import Papa from 'papaparse';
import { loadUpload } from '../helpers/app-data';
import type { SqlEngine } from '../../src/data/engine/engine';
import { dateOrderOfFirstRows } from '../../src/data/loaders/hpsa/read';
import { DataLoadError, LoadDeclined } from '../../src/data/loaders/csv-stage';
import { loadUserFile } from '../../src/data/loaders/registry';
import { wholeLines } from '../../src/data/loaders/csv-header';
import { createNodeEngine } from '../helpers/duckdb-node';
import { CA_PC_EXCERPT, FULL_FILE_ONLY, parseRows, readExcerpt, readShared, sharedAvailable } from '../helpers/shared';
import { bytes, hpsaCsv } from '../helpers/hpsa-fixture';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
});
beforeEach(async () => {
  await db.query('DROP TABLE IF EXISTS hpsa');
});

const one = async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params))[0];
const load = (text: string, name = 'test.csv') => loadUpload(db, bytes(text), name);

async function loadError(text: string, name = 'test.csv'): Promise<DataLoadError> {
  try {
    await load(text, name);
  } catch (e) {
    expect(e).toBeInstanceOf(DataLoadError);
    return e as DataLoadError;
  }
  throw new Error('expected the load to fail');
}

describe('real HRSA California primary-care rows (committed excerpt: every quirk of the file)', () => {
  // Independent count: a plain CSV parse in JS, compared with what DuckDB loaded.
  const parsed = parseRows(CA_PC_EXCERPT);
  const statusCount = (s: string) => parsed.filter((r) => r['HPSA Status'] === s).length;
  const ids = (pred: (r: Record<string, string>) => boolean) => new Set(parsed.filter(pred).map((r) => r['HPSA ID'])).size;

  it('the excerpt has the quirks PROVENANCE.md lists for the full file', () => {
    const bytes = readExcerpt();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    expect(bytes.includes(13)).toBe(false); // LF line ends
    const has = (column: string, value: string) => parsed.some((r) => r[column] === value);
    expect(has('Common State County FIPS Code', 'XXXXX')).toBe(true);
    expect(has('State and County Federal Information Processing Standard Code', 'XXX  ')).toBe(true);
    expect(has('HPSA Geography Identification Number', 'POINT')).toBe(true);
    expect(has('PC MCTA Score', 'NA')).toBe(true);
    expect(has('HPSA Population Type Code', 'NA')).toBe(true);
    expect(parsed.some((r) => r['HPSA Estimated Underserved Population'].startsWith('-'))).toBe(true);
    expect(parsed.some((r) => r['Common County Name'].includes(','))).toBe(true); // quoted commas
    expect(parsed.some((r) => Number(r['HPSA Designation Date'].slice(0, 2)) > 12)).toBe(true); // day first
    expect(new Set(parsed.map((r) => r['HPSA Status']))).toEqual(new Set(['Designated', 'Withdrawn']));
    const counties = new Map<string, Set<string>>();
    for (const r of parsed) counties.set(r['HPSA ID'], (counties.get(r['HPSA ID']) ?? new Set()).add(r['Common State County FIPS Code']));
    expect([...counties.values()].some((c) => c.size > 1)).toBe(true); // multi-county designations
    expect(parsed.length).toBeGreaterThan(counties.size); // component rows
  });

  it('decodes the HTML entities HRSA leaves in its names ("MSSA 123.2 &amp; 124"), and only there', async () => {
    const withEntity = parsed.filter((r) => r['HPSA Name'].includes('&amp;'));
    expect(withEntity.length).toBeGreaterThan(0);
    await loadUpload(db, readExcerpt(), 'BCD_HPSA_FCT_DET_PC.csv');
    const names = new Map(
      (await db.query<{ hpsa_id: string; hpsa_name: string }>('SELECT hpsa_id, hpsa_name FROM hpsa')).map((r) => [r.hpsa_id, r.hpsa_name]),
    );
    for (const r of withEntity) expect(names.get(r['HPSA ID'])).toBe(r['HPSA Name'].replaceAll('&amp;', '&'));
    for (const r of parsed.filter((x) => !x['HPSA Name'].includes('&'))) expect(names.get(r['HPSA ID'])).toBe(r['HPSA Name'].trim());
  });

  it('decodes each entity once: "&amp;lt;" is the text "&lt;"', async () => {
    await load(hpsaCsv([{ 'HPSA Name': 'A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39; &amp;lt;F' }]));
    expect(await one('SELECT hpsa_name FROM hpsa')).toEqual({ hpsa_name: 'A & B <C> "D" \'E\' &lt;F' });
  });

  it('loads every component row and counts designations by HPSA ID', async () => {
    const r = await loadUpload(db, readExcerpt(), 'BCD_HPSA_FCT_DET_PC.csv');
    expect(r.rows).toBe(parsed.length);
    expect(r.parts).toEqual(['Primary Care']);
    expect(r.warnings).toEqual([]);
    const c = await one<{ rows: number; ids: number; designated: number; withdrawn: number; designatedIds: number }>(`
      SELECT count(*)::INTEGER AS rows, count(DISTINCT hpsa_id)::INTEGER AS ids,
        count(*) FILTER (status = 'Designated')::INTEGER AS designated,
        count(*) FILTER (status = 'Withdrawn')::INTEGER AS withdrawn,
        count(DISTINCT hpsa_id) FILTER (status = 'Designated')::INTEGER AS "designatedIds" FROM hpsa`);
    expect(c).toEqual({
      rows: parsed.length,
      ids: ids(() => true),
      designated: statusCount('Designated'),
      withdrawn: statusCount('Withdrawn'),
      designatedIds: ids((r) => r['HPSA Status'] === 'Designated'),
    });
  });

  it('reads the re-saved DD/MM/YYYY dates, keeps FIPS as text and maps placeholders to NULL', async () => {
    const r = await loadUpload(db, readExcerpt(), 'ca.csv');
    expect(r.source).toMatch(/DD\/MM\/YYYY/);
    expect(r.vintage).toBe('HRSA data warehouse snapshot of 2024-03-27');
    const first = await one<{ designation_date: Date; county_fips: string }>(
      "SELECT designation_date, county_fips FROM hpsa WHERE hpsa_id = '10699906F5' LIMIT 1",
    );
    expect(first.designation_date.toISOString().slice(0, 10)).toBe('2003-07-15');
    expect(first.county_fips).toBe('06067');
    const { noFips } = await one<{ noFips: number }>(`SELECT count(*) FILTER (county_fips IS NULL)::INTEGER AS "noFips" FROM hpsa`);
    expect(noFips).toBe(parsed.filter((r) => r['Common State County FIPS Code'] === 'XXXXX').length);
  });
});

// The published totals of the whole file (PROVENANCE.md): only the full file can give them.
describe.skipIf(!sharedAvailable)(`the full HRSA California file (${FULL_FILE_ONLY})`, () => {
  it('loads its 7,441 rows: 1,328 designations, 611 designated, 30 facilities without a county', async () => {
    const r = await loadUpload(db, readShared('hrsa_hpsa_primary_care_CA_2024-03-27.csv'), 'BCD_HPSA_FCT_DET_PC.csv');
    expect(r.rows).toBe(7441);
    const c = await one<{ ids: number; designatedIds: number; noFips: number }>(`
      SELECT count(DISTINCT hpsa_id)::INTEGER AS ids, count(DISTINCT hpsa_id) FILTER (status = 'Designated')::INTEGER AS "designatedIds",
        count(*) FILTER (county_fips IS NULL)::INTEGER AS "noFips" FROM hpsa`);
    expect(c).toEqual({ ids: 1328, designatedIds: 611, noFips: 30 });
  });
});

describe('HRSA quirks', () => {
  it('accepts the national download layout: BOM, CRLF and a trailing comma on every line (66 columns)', async () => {
    const r = await load(hpsaCsv([{}, { 'HPSA ID': '1069999902' }], { bom: true, trailingComma: true, lineEnd: '\r\n' }));
    expect(r.rows).toBe(2);
    expect(await one('SELECT hpsa_name, score FROM hpsa ORDER BY hpsa_id LIMIT 1')).toEqual({ hpsa_name: 'Test County', score: 14 });
  });

  it('reads quoted fields with commas and quotes', async () => {
    await load(hpsaCsv([{ 'HPSA Name': 'Sacramento County, CA "North"', 'Common County Name': 'Sacramento County, CA' }]));
    expect(await one('SELECT hpsa_name, county_name FROM hpsa')).toEqual({
      hpsa_name: 'Sacramento County, CA "North"',
      county_name: 'Sacramento County, CA',
    });
  });

  it('reads MM/DD/YYYY as published by HRSA', async () => {
    const r = await load(hpsaCsv([{ 'HPSA Designation Date': '07/15/2003' }]));
    expect(r.source).toMatch(/MM\/DD\/YYYY/);
    const d = await one<{ d: Date }>('SELECT designation_date AS d FROM hpsa');
    expect(d.d.toISOString().slice(0, 10)).toBe('2003-07-15');
  });

  it('detects DD/MM/YYYY from a spreadsheet re-save even when every day is 12 or less', async () => {
    // Only the text companion (always MM/DD/YYYY) tells the order: 03/11/2024 vs 11/03/2024.
    const r = await load(
      hpsaCsv([
        {
          'HPSA Designation Date': '05/04/2003',
          'HPSA Designation Last Update Date': '01/02/2021',
          'Data Warehouse Record Create Date': '11/03/2024',
          'Data Warehouse Record Create Date Text': '03/11/2024',
        },
      ]),
    );
    expect(r.source).toMatch(/DD\/MM\/YYYY/);
    const d = await one<{ d: Date; u: Date }>('SELECT designation_date AS d, record_date AS u FROM hpsa');
    expect(d.d.toISOString().slice(0, 10)).toBe('2003-04-05');
    expect(d.u.toISOString().slice(0, 10)).toBe('2024-03-11');
  });

  it('refuses a file whose dates mix day-first and month-first', async () => {
    const e = await loadError(
      hpsaCsv([{ 'HPSA Designation Date': '15/07/2003' }, { 'HPSA ID': '2', 'HPSA Designation Date': '07/15/2003' }]),
    );
    expect(e.message).toMatch(/date format could not be determined/);
  });

  it('keeps FIPS as five-digit text, pads codes a spreadsheet shortened, and maps XXXXX / "XXX  " to NULL', async () => {
    await load(
      hpsaCsv([
        { 'HPSA ID': 'A1', 'Common State County FIPS Code': '06011' },
        { 'HPSA ID': 'A2', 'Common State County FIPS Code': '6037' },
        {
          'HPSA ID': 'A3',
          'Common State County FIPS Code': 'XXXXX',
          'State and County Federal Information Processing Standard Code': 'XXX  ',
        },
      ]),
    );
    const rows = await db.query<{ hpsa_id: string; county_fips: string | null }>('SELECT hpsa_id, county_fips FROM hpsa ORDER BY hpsa_id');
    expect(rows).toEqual([
      { hpsa_id: 'A1', county_fips: '06011' },
      { hpsa_id: 'A2', county_fips: '06037' },
      { hpsa_id: 'A3', county_fips: null },
    ]);
  });

  it('maps the NA and XXXXX placeholders to NULL without a warning', async () => {
    const r = await load(hpsaCsv([{ 'HPSA Shortage': 'NA', 'Common State County FIPS Code': 'XXXXX' }]));
    expect(r.warnings).toEqual([]);
    expect(await one('SELECT fte_needed, county_fips FROM hpsa')).toEqual({ fte_needed: null, county_fips: null });
  });

  it('keeps every status, including Proposed For Withdrawal', async () => {
    const r = await load(
      hpsaCsv([
        { 'HPSA ID': '1', 'HPSA Status': 'Designated' },
        { 'HPSA ID': '2', 'HPSA Status': 'Proposed For Withdrawal' },
        { 'HPSA ID': '3', 'HPSA Status': 'Withdrawn' },
      ]),
    );
    expect(r.summary).toBe('3 designations (designated 1, proposed for withdrawal 1, withdrawn 1) in 3 component rows');
  });

  it('counts designations, not component rows', async () => {
    const r = await load(hpsaCsv([{ 'HPSA Component Name': 'a' }, { 'HPSA Component Name': 'b' }, { 'HPSA Component Name': 'c' }]));
    expect(r.rows).toBe(3);
    expect(r.summary).toBe('1 designation (designated 1) in 3 component rows');
  });

  it('reads a mental-health file (65 columns, no PC MCTA Score) and a dental file beside primary care', async () => {
    await load(hpsaCsv([{}]));
    await load(hpsaCsv([{ 'HPSA ID': '7', 'HPSA Discipline Class': 'Mental Health' }], { withoutMcta: true, trailingComma: true }));
    await load(hpsaCsv([{ 'HPSA ID': '8', 'HPSA Discipline Class': 'Dental Health' }], { withoutMcta: true }));
    const rows = await db.query('SELECT discipline, count(*)::INTEGER AS n FROM hpsa GROUP BY 1 ORDER BY 1');
    expect(rows).toEqual([
      { discipline: 'Dental Health', n: 1 },
      { discipline: 'Mental Health', n: 1 },
      { discipline: 'Primary Care', n: 1 },
    ]);
  });

  it('replaces the discipline a newer file holds and leaves other disciplines alone', async () => {
    await load(hpsaCsv([{ 'HPSA ID': 'old1' }, { 'HPSA ID': 'old2' }]));
    await load(hpsaCsv([{ 'HPSA ID': 'mh', 'HPSA Discipline Class': 'Mental Health' }], { withoutMcta: true }));
    await load(hpsaCsv([{ 'HPSA ID': 'new1' }]));
    const rows = await db.query('SELECT hpsa_id FROM hpsa ORDER BY 1');
    expect(rows).toEqual([{ hpsa_id: 'mh' }, { hpsa_id: 'new1' }]);
  });

  it('warns about values it cannot read and names the column and line', async () => {
    const r = await load(hpsaCsv([{}, { 'HPSA ID': '2', 'HPSA Score': 'high' }]));
    expect(r.warnings).toEqual([expect.stringMatching(/"HPSA Score": 1 value\(s\) could not be read .*line 3: "high"/)]);
  });
});

describe('bad input changes nothing', () => {
  async function loadedIds() {
    return (await db.query<{ hpsa_id: string }>('SELECT hpsa_id FROM hpsa ORDER BY 1')).map((r) => r.hpsa_id);
  }

  it('reports a broken row by its line number and keeps what was loaded', async () => {
    await load(hpsaCsv([{ 'HPSA ID': 'keep' }]));
    const good = hpsaCsv([{ 'HPSA ID': 'x1' }, { 'HPSA ID': 'x2' }, { 'HPSA ID': 'x3' }]).split('\n');
    good[3] = 'Broken row,only,four fields';
    const e = await loadError(good.join('\n'), 'broken.csv');
    expect(e.message).toMatch(/^broken\.csv: 1 line\(s\) could not be read; nothing was loaded/);
    expect(e.details[0]).toMatch(/^line 4\b/);
    expect(await loadedIds()).toEqual(['keep']);
  });

  it('names the file, what was expected and what was found for an unknown file', async () => {
    await load(hpsaCsv([{ 'HPSA ID': 'keep' }]));
    const e = await loadError('name,age\nAda,36\n', 'people.csv');
    expect(e.message).toMatch(
      /people\.csv is not a file this app reads\. Expected an HRSA HPSA detail file .* found a header starting "name", "age"/,
    );
    expect(await loadedIds()).toEqual(['keep']);
  });

  it('recognises an HPSA Find export and says which file to download instead', async () => {
    const e = await loadError('\ufeffdata.HRSA.gov – HPSA Find,data.HRSA.gov – HPSA Find\n,\nDiscipline,HPSA ID\n', 'hpsa.csv');
    expect(e.message).toMatch(/HPSA Find.*BCD_HPSA_FCT_DET_PC\.csv/);
  });

  it('names the columns an HPSA file lacks', async () => {
    const e = await loadError('HPSA ID,HPSA Discipline Class,HPSA Status\n1,Primary Care,Designated\n', 'cut.csv');
    expect(e.message).toMatch(/cut\.csv looks like an HRSA HPSA detail file but lacks \d+ column\(s\) .*HPSA Name/);
  });

  it('refuses unknown disciplines and statuses with the values it found', async () => {
    await load(hpsaCsv([{ 'HPSA ID': 'keep' }]));
    const e = await loadError(hpsaCsv([{ 'HPSA Discipline Class': 'Vision', 'HPSA Status': 'Maybe' }]));
    expect(e.details.join('\n')).toMatch(/"Vision" \(1 rows\)/);
    expect(e.details.join('\n')).toMatch(/"Maybe" \(1 rows\)/);
    expect(await loadedIds()).toEqual(['keep']);
  });

  it('refuses a header-only file', async () => {
    const e = await loadError(hpsaCsv([]));
    expect(e.message).toMatch(/has a header but no data rows; nothing was loaded and the data already loaded is unchanged\.$/);
  });

  it('refuses a file that is not UTF-8 with a message a person understands, naming the line (DuckDB checks every value)', async () => {
    const text = bytes(hpsaCsv([{ 'HPSA Name': 'Dona Ana' }, { 'HPSA ID': '2', 'HPSA Name': 'Dona Ana' }]));
    // An ñ in Latin-1 in the second data row (line 3), in a column the loader does not even read.
    const latin1 = text.slice();
    const line3 = latin1.indexOf(10, latin1.indexOf(10) + 1) + 1;
    latin1[latin1.indexOf(0x6e, line3)] = 0xf1;
    try {
      await loadUpload(db, latin1, 'latin1.csv');
      throw new Error('expected failure');
    } catch (err) {
      expect(err).toBeInstanceOf(DataLoadError);
      const { message, details } = err as DataLoadError;
      expect(message).toBe('latin1.csv is not UTF-8 text; nothing was loaded and the data already loaded is unchanged.');
      expect(details.join(' ')).toMatch(/^line 3 has bytes that are not UTF-8/);
    }
  });
});

describe('a file that is not text at all, renamed .csv', () => {
  it('names what it is (an Excel workbook, a PDF) instead of calling it the wrong encoding, and loads nothing', async () => {
    const tables = () => db.query(`SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY 1`);
    const before = await tables();
    // The first bytes of every .xlsx (a ZIP archive) and of every PDF, then bytes no text has.
    for (const [magic, kind] of [
      [[0x50, 0x4b, 0x03, 0x04], /is an Excel workbook \(\.xlsx\) or another ZIP archive, not a CSV file/],
      [[0x25, 0x50, 0x44, 0x46, 0x2d], /is a PDF document, not a CSV file/],
    ] as const) {
      const file = Uint8Array.from([...magic, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe, 0x0a, 0x80, 0x81]);
      const err = await loadUpload(db, file, 'hpsa.csv').then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DataLoadError);
      expect((err as DataLoadError).message).toMatch(kind);
      expect((err as DataLoadError).message).toMatch(/the data already loaded is unchanged/);
    }
    expect(await tables()).toEqual(before);
  });
});

describe('the date order from the first rows, read by DuckDB before the typed read', () => {
  const source = (text: string) => {
    const file = bytes(text);
    const header = text.slice(0, text.indexOf('\n')).split(',');
    return { registeredName: 'first-rows', header, trailingDelimiter: false, firstRows: wholeLines(file) };
  };

  it('settles the order when a date part is over 12, and the file then takes the typed read in that order', async () => {
    const dayFirst = {
      'HPSA Designation Date': '25/12/2003',
      'HPSA Designation Last Update Date': '20/09/2021',
      'Data Warehouse Record Create Date': '27/03/2024',
    };
    const text = hpsaCsv([dayFirst, { ...dayFirst, 'HPSA ID': '2' }]);
    expect(await dateOrderOfFirstRows(db, source(text))).toMatchObject({ order: 'DMY' });
    const r = await load(text);
    expect(r.source).toMatch(
      /DD\/MM\/YYYY: 6 dates have a first part over 12, so they are DD\/MM\/YYYY \(in the file's first rows; every date reads so\)$/,
    );
  });

  it('leaves it to the careful read (every date) when the first rows read either way', async () => {
    const text = hpsaCsv([
      {
        'HPSA Designation Date': '05/04/2003',
        'HPSA Designation Last Update Date': '01/02/2021',
        'Data Warehouse Record Create Date': '03/11/2024',
        'Data Warehouse Record Create Date Text': '03/11/2024',
      },
    ]);
    expect(await dateOrderOfFirstRows(db, source(text))).toBeNull();
    expect((await load(text)).source).not.toMatch(/first rows/);
  });

  it("reads HRSA's own MM/DD/YYYY when a day over 12 in the first rows settles the order", async () => {
    const rows = [
      { 'HPSA ID': '1', 'HPSA Designation Date': '12/25/2003', 'HPSA Designation Last Update Date': '09/20/2021' },
      { 'HPSA ID': '2', 'HPSA Designation Date': '01/05/2010', 'HPSA Designation Last Update Date': '02/03/2022' },
    ];
    const text = hpsaCsv(rows);
    // Counted here: every date of the file whose second part (the day) is over 12.
    const dates = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.flatMap((r) =>
      ['HPSA Designation Date', 'HPSA Designation Last Update Date', 'Data Warehouse Record Create Date'].map((c) => r[c]),
    );
    const daysOver12 = dates.filter((d) => Number(d.split('/')[1]) > 12).length;
    expect(daysOver12).toBeGreaterThan(0);
    const r = await load(text);
    expect(r.source).toMatch(
      / Dates MM\/DD\/YYYY: (\d+) dates have a second part over 12, so they are MM\/DD\/YYYY \(in the file's first rows; every date reads so\)$/,
    );
    expect(Number(/: (\d+) dates/.exec(r.source)![1])).toBe(daysOver12);
    const loaded = await db.query<{ d: string }>(`SELECT strftime(designation_date, '%Y-%m-%d') AS d FROM hpsa ORDER BY hpsa_id`);
    expect(loaded.map((x) => x.d)).toEqual(['2003-12-25', '2010-01-05']);
  });

  it('does not take dates that read either way as MM/DD/YYYY when the text column says day-first', async () => {
    // Every day ≤ 12, so every date also reads month-first; HRSA writes the text column MM/DD/YYYY.
    const text = hpsaCsv([
      {
        'HPSA Designation Date': '05/04/2003',
        'HPSA Designation Last Update Date': '01/02/2021',
        'Data Warehouse Record Create Date': '03/11/2024',
        'Data Warehouse Record Create Date Text': '11/03/2024',
      },
    ]);
    const r = await load(text);
    expect(r.source).toMatch(/Dates DD\/MM\/YYYY: /);
    const [row] = await db.query<{ d: string; s: string }>(
      `SELECT strftime(designation_date, '%Y-%m-%d') AS d, strftime(record_date, '%Y-%m-%d') AS s FROM hpsa`,
    );
    expect(row).toEqual({ d: '2003-04-05', s: '2024-11-03' });
  });

  it('settles YYYY-MM-DD from the first rows, and the file takes the typed read in it', async () => {
    const iso = {
      'HPSA Designation Date': '2003-12-25',
      'HPSA Designation Last Update Date': '2021-09-20',
      'Data Warehouse Record Create Date': '2024-03-27',
    };
    const text = hpsaCsv([iso, { ...iso, 'HPSA ID': '2' }]);
    expect(await dateOrderOfFirstRows(db, source(text))).toMatchObject({ order: 'ISO' });
    const r = await load(text);
    expect(r.source).toMatch(/YYYY-MM-DD: all dates are YYYY-MM-DD \(in the file's first rows; every date reads so\)$/);
    const [row] = await db.query<{ d: string }>(`SELECT strftime(designation_date, '%Y-%m-%d') AS d FROM hpsa LIMIT 1`);
    expect(row.d).toBe('2003-12-25');
  });

  it('leaves it to the careful read when the first rows are not plain CSV', async () => {
    const text = hpsaCsv([{}, { 'HPSA ID': '2' }]).replace(/\n[^\n]*\n$/, '\n"unclosed,quote\n');
    expect(await dateOrderOfFirstRows(db, source(text))).toBeNull();
  });
});

describe('an older snapshot after a newer one', () => {
  // The real excerpt as HRSA's snapshot of 2024-03-27, and the same rows dated a year earlier.
  const newer = readExcerpt();
  const older = bytes(new TextDecoder().decode(newer).replaceAll('27/03/2024', '27/03/2023').replaceAll('03/27/2024', '03/27/2023'));
  const snapshot = async () =>
    (await db.query<{ s: string; n: number }>(`SELECT strftime(max(record_date), '%Y-%m-%d') AS s, count(*)::INTEGER AS n FROM hpsa`))[0];

  it('asks before older designations replace newer ones, and keeps the newer ones when told to', async () => {
    await loadUserFile(db, newer, 'hpsa-2024.csv');
    const before = await snapshot();
    expect(before.s).toBe('2024-03-27');
    const asked: string[] = [];
    const declined = await loadUserFile(db, older, 'hpsa-2023.csv', {
      confirm: (q) => {
        asked.push(q.text);
        return Promise.resolve(false);
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(asked).toEqual([
      "hpsa-2023.csv is HRSA's snapshot of 2023-03-27, older than the Primary Care designations of 2024-03-27 loaded now. Replace the newer designations with the older ones?",
    ]);
    expect(declined).toBeInstanceOf(LoadDeclined);
    expect(await snapshot()).toEqual(before);
  });

  it('loads them when told to (or with no one to ask), and says what it replaced', async () => {
    await loadUserFile(db, newer, 'hpsa-2024.csv');
    const { dataset } = await loadUserFile(db, older, 'hpsa-2023.csv', { confirm: () => Promise.resolve(true) });
    expect(dataset.warnings.join('\n')).toContain(
      'an older snapshot: it replaced the Primary Care designations of 2024-03-27, which were newer',
    );
    expect((await snapshot()).s).toBe('2023-03-27');
    // The same snapshot again is not older: nothing to ask or say.
    const again = await loadUserFile(db, older, 'hpsa-2023.csv', { confirm: () => Promise.reject(new Error('not asked')) });
    expect(again.dataset.warnings.join('\n')).not.toContain('older snapshot');
  });
});
