import { describe, it, expect, beforeAll } from 'vitest';
import Papa from 'papaparse';
import type { SqlEngine } from '../../src/data/engine/engine';
import { DataLoadError } from '../../src/data/loaders/csv-stage';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets, loadUpload } from '../helpers/app-data';
import { readShared, sharedAvailable } from '../helpers/shared';
import { bytes } from '../helpers/hpsa-fixture';
import {
  DOL_EXCERPT,
  annualOf,
  fixtureText,
  isLab,
  isMls,
  isPhysician,
  levelOf,
  lineOf,
  parseRows,
  quantile,
  round2,
  usableWage,
  type Row,
} from '../helpers/market-fixture';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db); // ref_counties for the county match, and the embedded filings to be replaced
});

const excerpt = fixtureText(DOL_EXCERPT);
const rows = parseRows(excerpt);
const load = (text: string, name = 'LCA_Disclosure_Data_FY2025_Q2.csv') => loadUpload(db, bytes(text), name);

async function refused(text: string, name = 'lca.csv'): Promise<DataLoadError> {
  const before = await snapshot();
  try {
    await load(text, name);
  } catch (e) {
    expect(e).toBeInstanceOf(DataLoadError);
    expect(await snapshot()).toEqual(before); // nothing changed
    return e as DataLoadError;
  }
  throw new Error('expected the file to be refused');
}

/** Everything in lca_filings, summarised: a change anywhere changes it. */
async function snapshot() {
  const [s] = await db.query<Record<string, unknown>>(
    `SELECT count(*)::INTEGER AS n, string_agg(DISTINCT source_id, ',') AS sources,
            sum(hash(soc, specialty, employer, state, county_fips, wage_level, annual_wage))::VARCHAR AS h FROM lca_filings`,
  );
  return s;
}

/** What the app shows for one specialty in one state: count, employers, quartiles, level mix. */
async function figures(where: string) {
  const [f] = await db.query<{ n: number; employers: number; q1: number; median: number; q3: number }>(
    `SELECT count(*)::INTEGER AS n, count(DISTINCT employer_key)::INTEGER AS employers, quantile_cont(annual_wage, 0.25) AS q1,
            quantile_cont(annual_wage, 0.5) AS median, quantile_cont(annual_wage, 0.75) AS q3 FROM lca_filings WHERE ${where}`,
  );
  const levels = await db.query<{ level: number | null; n: number }>(
    `SELECT wage_level AS level, count(*)::INTEGER AS n FROM lca_filings WHERE ${where} GROUP BY 1 ORDER BY 1 NULLS LAST`,
  );
  return { ...f, levels };
}

function independent(pred: (r: Row) => boolean) {
  const picked = rows.filter(pred);
  const wages = picked.map(annualOf).filter(usableWage);
  const levelCounts = new Map<number | null, number>();
  for (const r of picked) levelCounts.set(levelOf(r), (levelCounts.get(levelOf(r)) ?? 0) + 1);
  return {
    n: picked.length,
    q1: round2(quantile(wages, 0.25)),
    median: round2(quantile(wages, 0.5)),
    q3: round2(quantile(wages, 0.75)),
    levels: [...levelCounts].map(([level, n]) => ({ level, n })).sort((a, b) => (a.level ?? 9) - (b.level ?? 9)),
  };
}

describe('DOL LCA excerpt (real rows, committed fixture)', () => {
  it('loads the certified physician and lab filings, replacing the embedded ones, and says what it left out', async () => {
    const r = await load(excerpt);
    const physicians = rows.filter(isPhysician).length;
    const lab = rows.filter(isLab).length;
    expect(r.rows).toBe(physicians + lab);
    expect(r.summary).toContain(`${physicians.toLocaleString('en-US')} physicians, ${lab.toLocaleString('en-US')} lab`);
    expect(r.summary).toContain(`${(rows.length - physicians - lab).toLocaleString('en-US')} rows for other occupations`);
    expect(r.vintage).toBe('FY2025 Q2');
    expect(r.table).toBe('lca_filings');
    const [{ sources }] = await db.query<{ sources: string }>(`SELECT string_agg(DISTINCT source_id, ',') AS sources FROM lca_filings`);
    expect(sources).toBe(r.id);
  });

  it('gives the Texas medical laboratory scientists the count, quartiles and level mix counted from the file', async () => {
    await load(excerpt);
    const app = await figures(`specialty = 'medical laboratory scientist' AND state = 'TX'`);
    const expected = independent((r) => r.WORKSITE_STATE === 'TX' && isMls(r));
    expect(app.n).toBe(expected.n);
    expect(app.n).toBeGreaterThan(40);
    expect(round2(app.q1)).toBe(expected.q1);
    expect(round2(app.median)).toBe(expected.median);
    expect(round2(app.q3)).toBe(expected.q3);
    expect(app.levels).toEqual(expected.levels);
  });

  it('annualises every pay unit and leaves implausible wages out of the figures, naming their lines', async () => {
    const r = await load(excerpt);
    const kept = rows.filter((x) => isPhysician(x) || isLab(x));
    const implausible = kept.filter((x) => !usableWage(annualOf(x)));
    expect(implausible.length).toBeGreaterThan(3);
    expect(r.warnings.join('\n')).toContain(`${implausible.length} wage(s) are implausible`);
    expect(r.warnings.join('\n')).toContain(
      `line ${implausible[0].__line}: "${implausible[0].WAGE_RATE_OF_PAY_FROM} per ${implausible[0].WAGE_UNIT_OF_PAY}`,
    );
    const [{ wages, notes }] = await db.query<{ wages: number; notes: number }>(
      `SELECT count(annual_wage)::INTEGER AS wages, count(*) FILTER (wage_note = 'implausible')::INTEGER AS notes FROM lca_filings`,
    );
    expect(notes).toBe(implausible.length);
    expect(wages).toBe(kept.length - implausible.length);
    // Each unit, once: the app's annual figure equals this file's rate × periods per year.
    for (const unit of ['Hour', 'Month', 'Bi-Weekly', 'Week']) {
      const sample = kept.find((x) => x.WAGE_UNIT_OF_PAY === unit && usableWage(annualOf(x)) && x.WORKSITE_STATE !== '');
      if (!sample) continue;
      const [{ n }] = await db.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM lca_filings WHERE state = ? AND round(annual_wage, 2) = ?`,
        [sample.WORKSITE_STATE, round2(annualOf(sample))],
      );
      expect(n, unit).toBeGreaterThan(0);
    }
  });

  it('cleans mojibake dashes, control characters and tabs, and matches worksite counties to FIPS', async () => {
    const r = await load(excerpt);
    expect(r.warnings.join('\n')).toMatch(/mis-encoded or invisible characters/);
    const [{ dirty }] = await db.query<{ dirty: number }>(
      `SELECT count(*)::INTEGER AS dirty FROM lca_filings WHERE regexp_matches(employer, '[\\x00-\\x1F\\x7F-\\xA0“]')`,
    );
    expect(dirty).toBe(0);
    const harris = rows.filter((x) => x.WORKSITE_STATE === 'TX' && x.WORKSITE_COUNTY === 'HARRIS' && (isPhysician(x) || isLab(x))).length;
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM lca_filings WHERE county_fips = '48201'`);
    expect(n).toBe(harris);
  });

  it('maps physicians, all other, by job title and says how many it could not map', async () => {
    const r = await load(excerpt);
    const other = rows.filter((x) => x.SOC_CODE.startsWith('29-1229'));
    const nephrologists = other.filter((x) => /nephrolog/i.test(x.JOB_TITLE) && !/resident|fellow/i.test(x.JOB_TITLE)).length;
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM lca_filings WHERE specialty = 'nephrology'`);
    expect(n).toBe(nephrologists);
    const [{ unmapped }] = await db.query<{ unmapped: number }>(
      `SELECT count(*)::INTEGER AS unmapped FROM lca_filings WHERE mapping = 'unmapped'`,
    );
    expect(r.summary).toContain(`${unmapped.toLocaleString('en-US')} without a specialty`);
    expect(unmapped).toBeGreaterThan(0);
  });
});

describe('DOL LCA files as users have them', () => {
  const header = Papa.parse<string[]>(excerpt.replace(/^\ufeff/, '')).data[0];

  it('reads a spreadsheet re-save: columns reordered, CRLF, no BOM, ZIP leading zeros and thousands separators', async () => {
    await load(excerpt);
    const before = await figures(`specialty = 'medical laboratory scientist' AND state = 'TX'`);
    const order = [...header].reverse();
    const resaved = Papa.unparse(
      {
        fields: order,
        data: rows.map((r) =>
          order.map((c) => {
            if (c === 'WORKSITE_POSTAL_CODE') return r[c].replace(/^0+/, '');
            if (c === 'WAGE_RATE_OF_PAY_FROM' && r.WAGE_UNIT_OF_PAY === 'Year') return Number(r[c]).toLocaleString('en-US');
            return r[c];
          }),
        ),
      },
      { newline: '\r\n' },
    );
    const r = await load(resaved, 'resaved.csv');
    expect(r.rows).toBe(rows.filter((x) => isPhysician(x) || isLab(x)).length);
    expect(await figures(`specialty = 'medical laboratory scientist' AND state = 'TX'`)).toEqual(before);
  });

  it('reads DOL’s full layout: a hundred columns; counts "Certified" H-1B only, certified-then-withdrawn apart (casebook D1)', async () => {
    const extra = Array.from({ length: 80 }, (_, i) => `EXTRA_COLUMN_${i}`);
    const full = [...header, 'CASE_STATUS', 'VISA_CLASS', ...extra];
    const status = (i: number) =>
      i % 10 === 0 ? 'Denied' : i % 10 === 1 ? 'Withdrawn' : i % 10 === 2 ? 'Certified - Withdrawn' : 'Certified';
    const visa = (i: number) => (i % 17 === 0 ? 'E-3 Australian' : 'H-1B');
    const text = Papa.unparse({
      fields: full,
      data: rows.map((r, i) => [...header.map((c) => r[c]), status(i), visa(i), ...extra.map(() => 'x')]),
    });
    const r = await load(text, 'LCA_Disclosure_Data_FY2025_Q2_full.csv');
    // D1: CASE_STATUS "Certified" exactly, VISA_CLASS "H-1B" only; "Certified - Withdrawn" apart.
    const ours = (x: Row) => isPhysician(x) || isLab(x);
    const expected = rows.filter((x, i) => ours(x) && i % 10 > 2 && i % 17 !== 0).length;
    const withdrawnApart = rows.filter((x, i) => ours(x) && i % 10 === 2 && i % 17 !== 0).length;
    expect(r.rows).toBe(expected);
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM lca_withdrawn`);
    expect(n).toBe(withdrawnApart);
    expect(r.summary).toContain(`${withdrawnApart.toLocaleString('en-US')} certified then withdrawn, shown apart`);
    const reason = (text: string) => r.dropped!.find((d) => d.reason.startsWith(text))?.rows;
    expect(reason('not H-1B')).toBe(rows.filter((x, i) => ours(x) && i % 17 === 0).length);
    expect(reason('denied')).toBe(rows.filter((x, i) => ours(x) && i % 10 === 0 && i % 17 !== 0).length);
  });

  it('reads a tab inside a quoted field as a space', async () => {
    const mls = rows.find((x) => x.WORKSITE_STATE === 'GA' && isMls(x))!;
    const text = Papa.unparse({ fields: header, data: [header.map((c) => (c === 'EMPLOYER_NAME' ? `Tab\tHospital, Inc.` : mls[c]))] });
    expect(text).toContain('"Tab\tHospital, Inc."');
    const r = await load(text, 'tab.csv');
    expect(r.rows).toBe(1);
    const [{ employer }] = await db.query<{ employer: string }>(`SELECT employer FROM lca_filings`);
    expect(employer).toBe('Tab Hospital, Inc.');
  });

  it('refuses a file whose pay units are not DOL’s, naming the column, the lines and the values', async () => {
    await load(excerpt);
    const lines = excerpt.split('\n');
    const target = rows.filter((r) => (isPhysician(r) || isLab(r)) && r.WAGE_UNIT_OF_PAY === 'Year').slice(0, 2);
    for (const t of target) lines[lineOf(t) - 1] = lines[lineOf(t) - 1].replace(',Year,', ',Annually,');
    const e = await refused(lines.join('\n'), 'units.csv');
    expect(e.message).toMatch(
      /^units\.csv: column "WAGE_UNIT_OF_PAY" has 2 value\(s\) that are not a DOL pay unit \(Year, Hour, Week, Bi-Weekly, Month\), such as "Annually"/,
    );
    expect(e.details[0]).toBe(`line ${target[0].__line}, column "WAGE_UNIT_OF_PAY": "Annually"`);
  });

  it('refuses a file whose units are systematically wrong (hourly rates labelled Year)', async () => {
    await load(excerpt);
    const text = Papa.unparse({
      fields: header,
      data: rows.map((r) => header.map((c) => (c === 'WAGE_UNIT_OF_PAY' && r[c] === 'Hour' ? 'Year' : r[c]))),
    });
    const e = await refused(text, 'wrong-units.csv');
    expect(e.message).toMatch(
      /^wrong-units\.csv: \d+ of \d+ wages in columns "WAGE_RATE_OF_PAY_FROM" and "WAGE_UNIT_OF_PAY" cannot be used .* Are the pay units right\?/,
    );
    expect(e.details[0]).toMatch(/^line \d+: ".* per Year = \$\d+ a year"$/);
  });

  it('refuses a file without a column it needs, naming it', async () => {
    const without = header.filter((c) => c !== 'PW_WAGE_LEVEL');
    const text = Papa.unparse({ fields: without, data: rows.slice(0, 5).map((r) => without.map((c) => r[c])) });
    const e = await refused(text, 'cut.csv');
    expect(e.message).toBe(
      'cut.csv looks like a DOL LCA disclosure file but lacks 1 column(s) the loader needs: PW_WAGE_LEVEL. Nothing was loaded.',
    );
  });

  it('refuses a Windows/Latin-1 re-save (mojibake in the making) and a broken line, changing nothing', async () => {
    await load(excerpt);
    const latin1 = Buffer.from(
      excerpt
        .replace(/^\ufeff/, '')
        .replaceAll('–', '-')
        .replace('Medical Technologist', 'Médical Technologist'),
      'latin1',
    );
    const before = await snapshot();
    await expect(loadUpload(db, new Uint8Array(latin1), 'latin1.csv')).rejects.toThrow(/latin1\.csv is not UTF-8 text; nothing was loaded/);
    expect(await snapshot()).toEqual(before);
    const lines = excerpt.split('\n');
    lines[5] = `${lines[5]},"unterminated`;
    const e = await refused(lines.join('\n'), 'broken.csv');
    expect(e.message).toMatch(/^broken\.csv: 1 line\(s\) could not be read/);
    expect(e.details[0]).toMatch(/^line 6\b/);
  });

  it('refuses a DOL file with no physician or lab filings', async () => {
    const nurses = rows.filter((r) => r.SOC_CODE.startsWith('29-1141'));
    const e = await refused(Papa.unparse({ fields: header, data: nurses.map((r) => header.map((c) => r[c])) }), 'nurses.csv');
    expect(e.message).toMatch(/^nurses\.csv has no certified H-1B filings for physicians or lab technologists/);
  });
});

describe.skipIf(!sharedAvailable)('the full DOL FY2025 Q2 file (in ../shared only: too large to commit)', () => {
  const full = sharedAvailable ? parseRows(new TextDecoder().decode(readShared('dol_lca_healthcare_soc29_fy2025_q2.csv'))) : [];

  it('loads every physician and lab filing, with the medians counted from the file', async () => {
    const r = await loadUpload(db, readShared('dol_lca_healthcare_soc29_fy2025_q2.csv'), 'dol.csv');
    expect(r.rows).toBe(full.filter((x) => isPhysician(x) || isLab(x)).length);
    const mlsWages = full.filter(isMls).map(annualOf).filter(usableWage);
    const [{ n, median }] = await db.query<{ n: number; median: number }>(
      `SELECT count(annual_wage)::INTEGER AS n, quantile_cont(annual_wage, 0.5) AS median FROM lca_filings WHERE specialty = 'medical laboratory scientist'`,
    );
    expect(n).toBe(mlsWages.length);
    expect(round2(median)).toBe(round2(quantile(mlsWages, 0.5)));
    const byState = new Map<string, number>();
    for (const x of full.filter(isPhysician)) byState.set(x.WORKSITE_STATE, (byState.get(x.WORKSITE_STATE) ?? 0) + 1);
    const app = await db.query<{ state: string; n: number }>(
      `SELECT state, count(*)::INTEGER AS n FROM lca_filings WHERE occupation_group = 'physician' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5`,
    );
    for (const s of app) expect(s.n, s.state).toBe(byState.get(s.state));
  });

  it('gives the same table as the embedded summary, which tools/build-embedded-market.mjs built from it', async () => {
    const fresh = await createNodeEngine();
    await loadEmbeddedDatasets(fresh);
    const columns =
      'period, soc, onet, occupation_group, specialty, mapping, employer, employer_key, cap_exempt_check, state, county_fips, wage_level, annual_wage, wage_note, full_time';
    const embedded = await fresh.query(`SELECT ${columns} FROM lca_filings ORDER BY ALL`);
    await loadUpload(fresh, readShared('dol_lca_healthcare_soc29_fy2025_q2.csv'), 'dol.csv');
    expect(await fresh.query(`SELECT ${columns} FROM lca_filings ORDER BY ALL`)).toEqual(embedded);
  });
});
