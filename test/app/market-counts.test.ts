// Casebook D1 through the loaders, DuckDB and the text the Market screen and the report share: what
// an LCA count counts, in a DOL file with CASE_STATUS, VISA_CLASS and TOTAL_WORKER_POSITIONS, and
// across two quarterly files of one fiscal year. Expected counts are made here from the excerpt.
import { describe, it, expect, beforeAll } from 'vitest';
import Papa from 'papaparse';
import type { SqlEngine } from '../../src/data/engine/engine';
import { marketSummary } from '../../src/data/queries/market';
import { marketCountsText } from '../../src/app/market/market';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets, loadUpload } from '../helpers/app-data';
import { bytes } from '../helpers/hpsa-fixture';
import { DOL_EXCERPT, fixtureText, isMls, parseRows, type Row } from '../helpers/market-fixture';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

const excerpt = fixtureText(DOL_EXCERPT).replace(/^\ufeff/, '');
const header = Papa.parse<string[]>(excerpt.split('\n')[0]).data[0];
const rows = parseRows(excerpt);
const fields = [...header, 'CASE_STATUS', 'VISA_CLASS', 'TOTAL_WORKER_POSITIONS'];
// Row i: every 7th "Certified - Withdrawn", every 11th an E-3, the rest certified H-1B; 1–3 positions.
const status = (i: number) => (i % 7 === 0 ? 'Certified - Withdrawn' : 'Certified');
const visa = (i: number) => (i % 11 === 0 ? 'E-3 Australian' : 'H-1B');
const positions = (i: number) => 1 + (i % 3);
const file = (rs: { r: Row; i: number }[]) =>
  Papa.unparse({ fields, data: rs.map(({ r, i }) => [...header.map((c) => r[c]), status(i), visa(i), String(positions(i))]) });

async function summary() {
  const q = marketSummary({ region: { kind: 'nation' }, occupation: 'medical laboratory scientist' });
  const [s] = await db.query<Parameters<typeof marketCountsText>[0]>(q.sql, q.params);
  return s;
}

describe('what an LCA count counts (casebook D1)', () => {
  const indexed = rows.map((r, i) => ({ r, i }));
  const counted = (rs: { r: Row; i: number }[]) => rs.filter(({ r, i }) => isMls(r) && status(i) === 'Certified' && visa(i) === 'H-1B');

  it('counts certified H-1B filings only, withdrawn ones apart, with their worker positions, and says so', async () => {
    await loadUpload(db, bytes(file(indexed)), 'LCA_Disclosure_Data_FY2025_Q2.csv');
    const s = await summary();
    const ours = counted(indexed);
    const withdrawn = indexed.filter(({ r, i }) => isMls(r) && status(i) === 'Certified - Withdrawn' && visa(i) === 'H-1B');
    expect(s.filings).toBe(ours.length);
    expect(s.unchecked).toBe(0);
    expect(s.positions).toBe(ours.reduce((n, { i }) => n + positions(i), 0));
    expect(s.withdrawn).toBe(withdrawn.length);
    const text = marketCountsText(s);
    expect(text.headline).toMatch(new RegExp(`^${ours.length} LCA filings for ${s.positions} worker positions by `));
    expect(text.notes.join(' ')).toContain(`${withdrawn.length} cases certified, then withdrawn by the employer, are shown apart`);
    expect(text.notes.join(' ')).toMatch(/not a petition, an approval or a hire/);
    expect(text.notes.join(' ')).not.toMatch(/could not be checked/);
  });

  it('counts a case given in two quarterly files of the same fiscal year once', async () => {
    // The next quarter's file: every other row again (same case numbers), and the rest as new cases.
    const q3 = indexed.map(({ r, i }) => ({
      r: { ...r, Quarter: 'Q3', CASE_NUMBER: i % 2 === 0 ? r.CASE_NUMBER : `${r.CASE_NUMBER}-Q3` },
      i,
    }));
    const loaded = await loadUpload(db, bytes(file(q3)), 'LCA_Disclosure_Data_FY2025_Q3.csv');
    expect(loaded.summary).toMatch(/case\(s\) already loaded from another quarter.s file now count once/);
    const s = await summary();
    const cases = new Set([...counted(indexed), ...counted(q3)].map(({ r }) => r.CASE_NUMBER));
    expect(s.filings).toBe(cases.size);
    expect(cases.size).toBeLessThan(counted(indexed).length + counted(q3).length);
  });
});
