// Issue 22, items 4, 6 and 7, against the real loaders and DuckDB: every row of a file kept or
// counted by reason (repeated cases, copies, blank NAICS), a partial year asking before it replaces
// a full one, one date rule on several days, and DuckDB's errors as plain words with file, line and
// column. Every expected figure is counted here from the committed excerpts.
import { describe, it, expect, beforeAll } from 'vitest';
import Papa from 'papaparse';
import type { SqlEngine } from '../../src/data/engine/engine';
import { DataLoadError, LoadDeclined } from '../../src/data/loaders/csv-stage';
import { loadUserFile } from '../../src/data/loaders/registry';
import type { LoadQuestion } from '../../src/data/loaders/loader';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { bytes, hpsaCsv } from '../helpers/hpsa-fixture';
import { DOL_EXCERPT, H1B_2022_EXCERPT, fixtureText, isLab, isPhysician, parseRows, type Row } from '../helpers/market-fixture';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

const NOW = new Date('2026-11-23T00:00:00Z');
const upload = (text: string, name: string, options: { now?: Date; confirm?: (q: LoadQuestion) => Promise<boolean> } = {}) =>
  loadUserFile(db, bytes(text), name, { now: NOW, ...options });
const dropped = (d: { dropped?: { reason: string; rows: number }[] }, start: string) =>
  d.dropped?.find((x) => x.reason.startsWith(start))?.rows ?? 0;
const allDropped = (d: { dropped?: { rows: number }[] }) => (d.dropped ?? []).reduce((n, x) => n + x.rows, 0);

/** A CSV of these rows under this header, as PapaParse writes it (no row of the excerpts has a line break). */
const csv = (fields: string[], rows: Row[]) => Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) });

describe('an LCA file with repeated case numbers (issue 22 finding 4)', () => {
  const excerpt = fixtureText(DOL_EXCERPT);
  const fields = Papa.parse<string[]>(excerpt.replace(/^\ufeff/, '').split('\n')[0]).data[0];
  const ours = parseRows(excerpt).filter((r) => isPhysician(r) || isLab(r));

  it('loads each case once and says how many rows repeated a case', async () => {
    // 60 cases, each given 7 times (the round found 60 case numbers given 833 times each).
    const cases = ours.slice(0, 60);
    const rows = cases.flatMap((r) => Array.from({ length: 7 }, () => r));
    const { dataset } = await upload(csv(fields, rows), 'lca_repeated.csv');
    const distinct = new Set(rows.map((r) => r.CASE_NUMBER)).size;
    expect(distinct).toBe(60);
    expect(dataset.rowsRead).toBe(rows.length);
    expect(dataset.rows).toBe(distinct);
    expect(dropped(dataset, 'repeat a case number')).toBe(rows.length - distinct);
    expect(dataset.rows + allDropped(dataset)).toBe(rows.length);
    expect(dataset.summary).toContain(`${(rows.length - distinct).toLocaleString('en-US')} repeat a case number`);
    const [{ n, cases: inTable }] = await db.query<{ n: number; cases: number }>(
      `SELECT count(*)::INTEGER AS n, count(DISTINCT case_number)::INTEGER AS cases FROM lca_filings`,
    );
    expect(n).toBe(distinct);
    expect(inTable).toBe(distinct);
  });
  it('says what it replaced in a sentence of its own, never "..": loading the same quarter again', async () => {
    await upload(excerpt, 'lca.csv');
    const { dataset } = await upload(excerpt, 'lca_again.csv');
    expect(dataset.summary).toMatch(/\. Replaces the FY2025 Q2 filings loaded before \(/);
    expect(dataset.summary).not.toMatch(/\.\.|\. [a-z]/);
  });
});

describe('USCIS files: every row kept or counted by reason (issue 22 finding 4)', () => {
  const text = fixtureText(H1B_2022_EXCERPT);
  const fields = Papa.parse<string[]>(text.split('\n')[0]).data[0];
  const rows = parseRows(text);
  const health = rows.filter((r) => r.NAICS === '62');

  it('counts the rows without a NAICS code, naming their lines, and loads the rest', async () => {
    // Three health-care rows lose their NAICS code, as in the round's file.
    const blanked = new Set(health.slice(0, 3).map((r) => r.__line));
    const changed = rows.map((r) => (blanked.has(r.__line) ? { ...r, NAICS: '' } : r));
    const { dataset } = await upload(csv(fields, changed), 'h1b_blank_naics.csv');
    const noNaics = changed.filter((r) => r.NAICS === '').length;
    expect(noNaics).toBeGreaterThanOrEqual(3);
    expect(dropped(dataset, 'no NAICS code')).toBe(noNaics);
    // Every row of the file is either a health-care employer's (kept) or dropped by reason.
    const kept = changed.filter((r) => r.NAICS === '62' || isAcademicMedical(r)).length;
    expect(dataset.rowsRead! - allDropped(dataset)).toBe(kept);
    const note = dataset.warnings.find((w) => w.includes('no NAICS code'))!;
    expect(note).toContain(`${noNaics} row(s) have no NAICS code`);
    // Lines: the header is line 1 and no field breaks a line, so a row's line is its index + 2.
    const firstLine = changed.findIndex((r) => r.NAICS === '') + 2;
    expect(note).toContain(`line ${firstLine}:`);
  });

  it('counts a file put together from two copies once', async () => {
    const { dataset } = await upload(csv(fields, [...rows, ...rows]), 'h1b_2022_twice.csv');
    const [twice] = await db.query<{ a: number }>(`SELECT sum(initial_approvals)::INTEGER AS a FROM h1b_sponsors WHERE fiscal_year = 2022`);
    // Each distinct row once: the copies, and a row the original already gave twice, are dropped.
    const whole = (r: Row) => fields.map((f) => r[f]).join('\u001f');
    const distinct = [...new Map(rows.map((r) => [whole(r), r])).values()];
    expect(dataset.rowsRead).toBe(2 * rows.length);
    expect(dropped(dataset, 'repeat another row exactly')).toBe(2 * rows.length - distinct.length);
    const approvals = (rs: Row[]) =>
      rs.filter((r) => r.NAICS === '62' || isAcademicMedical(r)).reduce((s, r) => s + Number(r['Initial Approval']), 0);
    expect(twice.a).toBe(approvals(distinct));
  });

  it('asks before a partial year replaces a full one; no keeps the full year, yes replaces it', async () => {
    await upload(text, 'h1b_2022.csv');
    const snapshot = () =>
      db.query(`SELECT count(*)::INTEGER AS n, sum(initial_approvals)::INTEGER AS a, count(DISTINCT employer_key)::INTEGER AS e FROM h1b_sponsors
                WHERE fiscal_year = 2022`);
    const full = (await snapshot())[0] as { e: number };
    // A tenth of the health-care rows: the "600-row partial file" of the round.
    const partial = csv(fields, health.slice(0, Math.floor(health.length / 10)));
    const asked: LoadQuestion[] = [];
    const no = (q: LoadQuestion) => (asked.push(q), Promise.resolve(false));
    const before = await snapshot();
    const e = await upload(partial, 'h1b_2022_part.csv', { confirm: no }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadDeclined);
    expect(await snapshot()).toEqual(before);
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toContain('FY2022');
    expect(asked[0].text).toContain(`${full.e.toLocaleString('en-US')} employers`);
    const { dataset } = await upload(partial, 'h1b_2022_part.csv', { confirm: () => Promise.resolve(true) });
    const [after] = (await snapshot()) as { e: number }[];
    expect(after.e).toBeLessThan(full.e / 2);
    expect(dataset.summary + dataset.warnings.join(' ')).toMatch(/partial year/);
  });
});

// NAICS 61 rows with a medical name count too (the loader's rule, read here independently).
const medicalName = /\b(MEDIC|HEALTH|HOSPITAL|CLINIC|CANCER|CHILDREN|PHYSICIAN|SURG|NURS)/;
const isAcademicMedical = (r: Row) => r.NAICS === '61' && medicalName.test(r.Employer);

describe('one date rule for the HRSA file, on several days (issue 22 finding 6)', () => {
  // Two rows: the first settles month-first dates (15 > 12); the second carries the date under test.
  const file = (date: string) =>
    hpsaCsv([
      { 'HPSA ID': 'a', 'HPSA Designation Date': '07/15/2003' },
      { 'HPSA ID': 'b', 'HPSA Designation Date': date },
    ]);
  const designated = async () =>
    (await db.query<{ d: Date | null }>(`SELECT designation_date AS d FROM hpsa WHERE hpsa_id = 'b'`))[0].d?.toISOString().slice(0, 10) ??
    null;

  it.each([
    // date in the file, the day of the load, kept?, and the words when not (what a person must be told)
    ['12/10/2026', '2026-12-07', false, '2026-12-10 is after today (2026-12-07)'],
    ['12/10/2026', '2026-12-10', true, ''],
    ['12/10/2026', '2027-03-01', true, ''],
    ['01/01/2099', '2026-12-07', false, '2099-01-01 is after today (2026-12-07)'],
    ['01/01/0001', '2026-12-07', false, '0001-01-01 is before 1900'],
    ['12/31/1899', '2026-12-07', false, '1899-12-31 is before 1900'],
    ['01/01/1900', '2026-12-07', true, ''],
  ])('a designation dated %s, loaded on %s: kept %s', async (date, today, kept, words) => {
    const { dataset } = await upload(file(date), 'hpsa.csv', { now: new Date(`${today}T12:00:00Z`) });
    const iso = `${date.slice(6)}-${date.slice(0, 2)}-${date.slice(3, 5)}`;
    expect(await designated()).toBe(kept ? iso : null);
    const note = dataset.warnings.find((w) => w.includes('date rule'));
    if (kept) expect(note).toBeUndefined();
    else {
      expect(note).toContain('column "HPSA Designation Date": 1 date(s) break the date rule');
      expect(note).toContain(`line 3: ${words}`);
    }
  });
});

describe('DuckDB’s errors in plain words (issue 22 finding 7)', () => {
  const excerpt = fixtureText(DOL_EXCERPT).replace(/^\ufeff/, '');
  const lines = excerpt.split('\n');
  const fields = Papa.parse<string[]>(lines[0]).data[0];

  it('a header naming a column the loader reads twice: refused, naming the column and its positions, not "Binder Error"', async () => {
    const at = fields.indexOf('EMPLOYER_NAME');
    const text = [
      `${lines[0]},EMPLOYER_NAME`,
      ...lines
        .slice(1)
        .filter(Boolean)
        .map((l) => `${l},x`),
    ].join('\n');
    const e = await upload(text, 'twice.csv').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataLoadError);
    const message = (e as Error).message;
    expect(message).toContain('twice.csv: line 1 (the header) names "EMPLOYER_NAME" 2 times');
    expect(message).toContain(`columns ${at + 1}, ${fields.length + 1}`);
    expect(message).not.toMatch(/Binder|struct/i);
  });

  it('a header naming a column the loader does not read twice: loaded, and said', async () => {
    const text = [
      `${lines[0]},TRADE_NAME_DBA`,
      ...lines
        .slice(1)
        .filter(Boolean)
        .map((l) => `${l},`),
    ].join('\n');
    const { dataset } = await upload(text, 'twice_unread.csv');
    const ours = parseRows(excerpt).filter((r) => isPhysician(r) || isLab(r)).length;
    expect(dataset.rows).toBe(ours);
    expect(dataset.warnings.join(' ')).toContain(
      `"TRADE_NAME_DBA" 2 times (columns ${fields.indexOf('TRADE_NAME_DBA') + 1}, ${fields.length + 1})`,
    );
  });

  it('a broken row after a field with line breaks is named by its physical line', async () => {
    const rows = lines.slice(1).filter(Boolean);
    // Row 1's JOB_TITLE gets two line breaks inside its quotes: every later row moves down two lines.
    const title = fields.indexOf('JOB_TITLE');
    const first = Papa.parse<string[]>(rows[0]).data[0];
    first[title] = 'STAFF\nMEDICAL\nTECHNOLOGIST';
    rows[0] = Papa.unparse([first]);
    // Record 5 (file line 6 before the breaks) gets an unterminated quote.
    rows[4] = `${rows[4]},"unterminated`;
    const e = await upload([lines[0], ...rows].join('\n'), 'broken.csv').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataLoadError);
    // Physical line: header (1) + 4 rows before it (2–5) + 2 line breaks = line 8.
    expect((e as DataLoadError).details[0]).toMatch(/^line 8\b/);
    expect((e as DataLoadError).message).toMatch(/^broken\.csv: /);
  });
});

describe('one date rule for the market files, on several days (issue 22 finding 6)', () => {
  const h1b = fixtureText(H1B_2022_EXCERPT);
  const h1bFields = Papa.parse<string[]>(h1b.split('\n')[0]).data[0];
  const h1bRows = parseRows(h1b);
  // FY2028 begins on October 1, 2027 (a federal fiscal year begins on October 1 of the year before).
  const fy2028 = csv(
    h1bFields,
    h1bRows.map((r, i) => (i === 0 ? { ...r, 'Fiscal Year': '2028' } : r)),
  );

  it.each([
    ['2027-09-30', false],
    ['2027-10-01', true],
  ])('a USCIS file naming FY2028, loaded on %s: accepted %s', async (today, accepted) => {
    const r = await upload(fy2028, 'h1b_fy2028.csv', { now: new Date(`${today}T12:00:00Z`), confirm: () => Promise.resolve(true) }).catch(
      (e: unknown) => e,
    );
    if (accepted) expect(r).not.toBeInstanceOf(Error);
    else {
      expect(r).toBeInstanceOf(DataLoadError);
      // Line 2: the first data row (the header is line 1).
      expect((r as DataLoadError).details.join(' ')).toContain(`line 2: FY2028 begins 2027-10-01 is after today (${today})`);
    }
  });

  const lca = fixtureText(DOL_EXCERPT).replace(/^\ufeff/, '');
  const lcaLines = lca.split('\n').filter(Boolean);
  const lcaFields = Papa.parse<string[]>(lcaLines[0]).data[0];
  // A copy whose Year column names FY2027 (which begins on October 1, 2026).
  const fy2027 = csv(
    lcaFields,
    parseRows(lca).map((r) => ({ ...r, Year: '2027', Quarter: 'Q1' })),
  );

  it.each([
    ['2026-09-30', false],
    ['2026-10-01', true],
  ])('an LCA file for FY2027 Q1, loaded on %s: that year used for the period %s', async (today, used) => {
    const { dataset } = await upload(fy2027, 'lca_fy2027.csv', { now: new Date(`${today}T12:00:00Z`) }).catch((e: unknown) => ({
      dataset: { vintage: String(e), warnings: [String(e)] },
    }));
    const said = [dataset.vintage, ...dataset.warnings].join(' ');
    if (used) expect(said).toContain('FY2027 Q1');
    else expect(said).toContain(`FY2027 begins 2026-10-01 is after today (${today})`);
  });
});
