import { describe, it, expect, beforeAll } from 'vitest';
import Papa from 'papaparse';
import type { SqlEngine } from '../../src/data/engine/engine';
import { DataLoadError } from '../../src/data/loaders/csv-stage';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets, loadUpload } from '../helpers/app-data';
import { readShared, sharedAvailable } from '../helpers/shared';
import { bytes } from '../helpers/hpsa-fixture';
import { H1B_2022_EXCERPT, H1B_2023_EXCERPT, H1B_FINANCE_EXCERPT, fixtureText, parseRows, type Row } from '../helpers/market-fixture';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

const AFTER_FY2023 = new Date('2026-11-23T00:00:00Z');
const load = (text: string | Uint8Array, name: string, now = AFTER_FY2023) =>
  loadUpload(db, typeof text === 'string' ? bytes(text) : text, name, { now });

// This test's reading of the rule: NAICS 62, or NAICS 61 with a word of the name starting medic-, health-, hospital-…
const medicalName = /\b(MEDIC|HEALTH|HOSPITAL|CLINIC|CANCER|CHILDREN|PHYSICIAN|SURG|NURS)/;
const isHealth = (r: Row) => r.NAICS === '62' || (r.NAICS === '61' && medicalName.test(r.Employer));
const sum = (rs: Row[], c: string) => rs.reduce((s, r) => s + Number((r[c] || '0').replaceAll(',', '')), 0);

async function totals(where: string) {
  const [t] = await db.query<{ approvals: number; denials: number; continuing: number; rows: number }>(
    `SELECT sum(initial_approvals)::INTEGER AS approvals, sum(initial_denials)::INTEGER AS denials,
            sum(continuing_approvals)::INTEGER AS continuing, count(*)::INTEGER AS rows FROM h1b_sponsors WHERE ${where}`,
  );
  return t;
}

async function snapshot() {
  return (
    await db.query(
      `SELECT fiscal_year, count(*)::INTEGER AS n, sum(initial_approvals)::INTEGER AS a, string_agg(DISTINCT source_id, ',') AS s FROM h1b_sponsors GROUP BY 1 ORDER BY 1`,
    )
  ).map((r) => ({ ...r }));
}

async function refused(text: string | Uint8Array, name: string): Promise<DataLoadError> {
  const before = await snapshot();
  try {
    await load(text, name);
  } catch (e) {
    expect(e).toBeInstanceOf(DataLoadError);
    expect(await snapshot()).toEqual(before);
    return e as DataLoadError;
  }
  throw new Error('expected the file to be refused');
}

describe('USCIS Data Hub excerpts (real rows, committed fixtures)', () => {
  const fy22 = parseRows(fixtureText(H1B_2022_EXCERPT));
  const fy23 = parseRows(fixtureText(H1B_2023_EXCERPT));

  it('keeps the health-care employers of Texas with the approvals and denials counted from the file', async () => {
    const r = await load(fixtureText(H1B_2022_EXCERPT), 'h1b_datahubexport-2022.csv');
    // The excerpt holds a few states of FY2022: beside the full year it replaces, it is marked as part of one.
    expect(r.vintage).toBe('FY2022 (partial year)');
    expect(r.summary).toMatch(
      /FY2022: .* — partial year\? this file has [\d,]+ health-care employers for FY2022, the file it replaced [\d,]+/,
    );
    expect(r.parts).toEqual(['FY2022']);
    const tx = fy22.filter((x) => x.State === 'TX' && isHealth(x));
    expect(tx.length).toBeGreaterThan(400);
    expect(await totals(`fiscal_year = 2022 AND state = 'TX'`)).toMatchObject({
      approvals: sum(tx, 'Initial Approval'),
      denials: sum(tx, 'Initial Denial'),
      continuing: sum(tx, 'Continuing Approval'),
    });
    const academic = fy22.filter((x) => x.NAICS === '61' && medicalName.test(x.Employer)).length;
    expect(r.source).toContain(`${academic} academic medical centre rows (NAICS 61, by name)`);
    // One row per employer spelling and state: the two UT Southwestern rows (two ZIPs) are summed.
    const utsw = tx.filter((x) => x.Employer === 'UT SOUTHWESTERN MEDICAL CENTER');
    const [app] = await db.query<{ a: number; n: number }>(
      `SELECT sum(initial_approvals)::INTEGER AS a, count(*)::INTEGER AS n FROM h1b_sponsors WHERE fiscal_year = 2022 AND employer = 'UT SOUTHWESTERN MEDICAL CENTER'`,
    );
    expect(app).toEqual({ a: sum(utsw, 'Initial Approval'), n: 1 });
  });

  it('adds another fiscal year beside it, and replaces a year loaded again instead of counting it twice', async () => {
    await load(fixtureText(H1B_2022_EXCERPT), 'h1b_datahubexport-2022.csv');
    const r = await load(fixtureText(H1B_2023_EXCERPT), 'h1b_datahubexport-2023.csv');
    expect(r.parts).toEqual(['FY2023']);
    const years = await db.query<{ fiscal_year: number }>(`SELECT DISTINCT fiscal_year FROM h1b_sponsors ORDER BY 1`);
    expect(years.map((y) => y.fiscal_year)).toEqual([2022, 2023]);
    await load(fixtureText(H1B_2022_EXCERPT), 'again.csv');
    const health22 = fy22.filter(isHealth);
    expect((await totals('fiscal_year = 2022')).approvals).toBe(sum(health22, 'Initial Approval'));
    expect((await totals('fiscal_year = 2023')).approvals).toBe(sum(fy23.filter(isHealth), 'Initial Approval'));
  });

  it('flags the fiscal year not yet over as a partial year', async () => {
    const r = await load(fixtureText(H1B_2023_EXCERPT), 'h1b_datahubexport-2023.csv', new Date('2023-09-08T00:00:00Z'));
    expect(r.vintage).toBe('FY2023 (partial year)');
    const notes = await db.query<{ year_note: string | null }>(`SELECT DISTINCT year_note FROM h1b_sponsors WHERE fiscal_year = 2023`);
    expect(notes).toEqual([{ year_note: 'partial year: FY2023 runs to September 30, 2023 and was not over when this file was read' }]);
  });

  it('keeps a year’s note when the same copy is loaded again (the same employers and approvals)', async () => {
    await load(fixtureText(H1B_2023_EXCERPT), 'h1b_datahubexport-2023.csv', new Date('2023-09-08T00:00:00Z'));
    const again = await load(fixtureText(H1B_2023_EXCERPT), 'same-copy.csv');
    expect(again.vintage).toBe('FY2023 (partial year)');
    const notes = await db.query<{ year_note: string | null }>(`SELECT DISTINCT year_note FROM h1b_sponsors WHERE fiscal_year = 2023`);
    expect(notes).toEqual([{ year_note: 'partial year: FY2023 runs to September 30, 2023 and was not over when this file was read' }]);
  });

  it('counts as health-care rows without a state only those it keeps as health care', async () => {
    const r = await load(fixtureText(H1B_2023_EXCERPT), 'h1b_datahubexport-2023.csv');
    const stateless = fy23.filter((x) => !x.State);
    const health = stateless.filter(isHealth).length;
    // The excerpt has state-less NAICS 61 rows under names that are not medical: they are not health care.
    expect(stateless.filter((x) => x.NAICS === '61').length).toBeGreaterThan(
      stateless.filter((x) => x.NAICS === '61' && isHealth(x)).length,
    );
    expect(r.warnings.join('\n')).toContain(`${health} health-care row(s) have no valid state code`);
  });

  it('recognises the newer layout and says when a file holds no health care (the finance-only copy)', async () => {
    const e = await refused(fixtureText(H1B_FINANCE_EXCERPT), 'Employer Information.csv');
    expect(e.message).toMatch(
      /^Employer Information\.csv is a USCIS H-1B Employer Data Hub, Employer Information \(newer layout\) \(FY\d{4}–FY\d{4}, 43 rows\) but has no health-care employers/,
    );
  });

  it('reads the newer layout’s thousands separators and trailing-blank header in a health-care file', async () => {
    const finance = parseRows(fixtureText(H1B_FINANCE_EXCERPT));
    const header = Papa.parse<string[]>(fixtureText(H1B_FINANCE_EXCERPT).replace(/^\ufeff/, '')).data[0];
    expect(header[1]).toBe('Fiscal Year   ');
    const health = Papa.unparse(
      {
        fields: header,
        data: finance.map((r) => header.map((c) => (c === 'Industry (NAICS) Code' ? '62 - Health Care and Social Assistance' : r[c]))),
      },
      { newline: '\r\n' },
    );
    const r = await load(`\ufeff${health}`, 'Employer Information.csv');
    expect(r.source).toMatch(/newer layout/);
    const big = finance.filter((x) => x['Continuing Approval'].includes(','));
    expect(big.length).toBe(3);
    const years = [...new Set(finance.map((x) => x['Fiscal Year   ']))];
    const [t] = await db.query<{ c: number }>(
      `SELECT sum(continuing_approvals)::INTEGER AS c FROM h1b_sponsors WHERE fiscal_year IN (${years.join(',')})`,
    );
    expect(t.c).toBe(sum(finance, 'Continuing Approval'));
  });
});

describe('USCIS files as users have them', () => {
  const text = fixtureText(H1B_2022_EXCERPT);
  const rows = parseRows(text);
  const header = Papa.parse<string[]>(text).data[0];

  it('reads a re-save with the columns reordered and the counts in the plural', async () => {
    await load(text, 'h1b_datahubexport-2022.csv');
    const before = await totals('fiscal_year = 2022');
    const order = [...header].reverse();
    const resaved = Papa.unparse({
      fields: order.map((c) => c.replace(/^(Initial|Continuing) (Approval|Denial)$/, '$1 $2s')),
      data: rows.map((r) => order.map((c) => r[c])),
    });
    await load(resaved, 'resaved.csv');
    expect(await totals('fiscal_year = 2022')).toEqual(before);
  });

  it('refuses unreadable counts and years, naming the column and the line', async () => {
    await load(text, 'h1b_datahubexport-2022.csv');
    const lines = text.split('\n');
    lines[3] = lines[3].replace(/^2022,(.*?),(\d+),/, '2022,$1,abc,');
    lines[7] = lines[7].replace(/^2022,/, '20X2,');
    const e = await refused(lines.join('\n'), 'bad.csv');
    expect(e.message).toBe('bad.csv: 2 value(s) could not be read; nothing was loaded and the data already loaded is unchanged.');
    expect(e.details).toEqual([
      'column "Fiscal Year": 1 value(s) are not a fiscal year of the Data Hub (FY2009 on) — line 8: "20X2"',
      'column "Initial Approval": 1 value(s) are not a count — line 4: "abc"',
    ]);
  });

  it('refuses a file without a column it needs, and a Latin-1 re-save', async () => {
    const without = header.filter((c) => c !== 'NAICS');
    const e = await refused(Papa.unparse({ fields: without, data: rows.slice(0, 3).map((r) => without.map((c) => r[c])) }), 'cut.csv');
    expect(e.message).toBe(
      'cut.csv looks like a USCIS H-1B Employer Data Hub export (older layout) but lacks 1 column(s) the loader needs: NAICS or Industry (NAICS) Code. Nothing was loaded.',
    );
    const hospital = rows.find((r) => r.NAICS === '62' && r.Employer.includes(' '))!;
    const latin1 = new Uint8Array(Buffer.from(text.replace(`"${hospital.Employer}"`, '"CAFÉ MÉDICAL CLINIC"'), 'latin1'));
    expect(latin1.length).toBe(bytes(text).length - hospital.Employer.length + 'CAFÉ MÉDICAL CLINIC'.length);
    const l = await refused(latin1, 'latin1.csv');
    expect(l.message).toMatch(/^latin1\.csv is not UTF-8 text/);
  });
});

describe.skipIf(!sharedAvailable)('the full Data Hub files (in ../shared only: too large to commit)', () => {
  it('loads FY2022 and FY2023 with the health-care totals counted from the files, as the embedded summary holds them', async () => {
    const fresh = await createNodeEngine();
    await loadEmbeddedDatasets(fresh);
    const embedded = await fresh.query(`SELECT * EXCLUDE (source_id) FROM h1b_sponsors ORDER BY ALL`);
    const now = new Date('2023-09-08T00:00:00Z');
    for (const fy of ['2022', '2023']) {
      const name = `uscis_h1b_datahubexport-${fy}.csv`;
      const all = parseRows(new TextDecoder().decode(readShared(name)));
      await loadUpload(fresh, readShared(name), name, { now });
      const [t] = await fresh.query<{ a: number; d: number }>(
        `SELECT sum(initial_approvals)::INTEGER AS a, sum(initial_denials)::INTEGER AS d FROM h1b_sponsors WHERE fiscal_year = ${fy}`,
      );
      expect(t).toEqual({ a: sum(all.filter(isHealth), 'Initial Approval'), d: sum(all.filter(isHealth), 'Initial Denial') });
    }
    // Same rows as the embedded summary; only FY2023's note differs (the tool names the evidence).
    const loaded = await fresh.query(`SELECT * EXCLUDE (source_id, year_note) FROM h1b_sponsors ORDER BY ALL`);
    expect(loaded).toEqual(embedded.map(({ year_note: _, ...r }) => r));
  });
});
