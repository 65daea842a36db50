// The market tables as datasets: a user's DOL or USCIS file (through the loaders), and the embedded
// summaries built by tools/build-embedded-market.mjs, which are already in the tables' own columns.
import type { SqlEngine } from '../engine';
import { sqlString } from '../sql';
import { DataLoadError, describeDuckDbError, type CsvSource } from '../csv-stage';
import { CANONICAL_SCHEMAS, LCA_TABLE, SPONSORS_TABLE, createLcaTableSql, createSponsorsTableSql } from './market-schema';
import type { LcaColumns } from './lca-format';
import { H1B_LAYOUT_LABEL, type H1bColumns, type H1bLayout } from './h1b-format';
import { loadLcaFile } from './lca-loader';
import { loadH1bFile } from './h1b-loader';
import { createEmployerLookup } from './employer-lookup';
import { WAGE_UNIT_RULE } from '../../model/market/wage-units';

const fmt = (n: number) => n.toLocaleString('en-US');

export type MarketFormat = { kind: 'dol-lca'; columns: LcaColumns } | { kind: 'uscis-h1b'; layout: H1bLayout; columns: H1bColumns };

/** What a loaded market file is, for the data-sources list (the caller adds id, licence, origin). */
export interface MarketDataset {
  title: string;
  publisher: string;
  vintage: string;
  source: string;
  table: string;
  rows: number;
  parts: string[];
  summary: string;
  warnings: string[];
}

export async function loadMarketUpload(
  db: SqlEngine,
  format: MarketFormat,
  opts: CsvSource & { sourceId: string; now: Date },
): Promise<MarketDataset> {
  if (format.kind === 'dol-lca') {
    const r = await loadLcaFile(db, { ...opts, columns: format.columns });
    const skipped = [
      r.otherOccupations && `${fmt(r.otherOccupations)} rows for other occupations`,
      r.notCertifiedH1b && `${fmt(r.notCertifiedH1b)} not certified or not H-1B`,
    ].filter(Boolean);
    return {
      title: `H-1B wage filings (LCAs), physicians and lab technologists — ${r.period.label} (your file)`,
      publisher: 'US Department of Labor, Office of Foreign Labor Certification (LCA disclosure data)',
      vintage: r.period.label,
      source: `Period from ${r.period.basis}. Offered wages annualised: ${WAGE_UNIT_RULE}.`,
      table: LCA_TABLE,
      rows: r.rows,
      parts: ['filings'],
      summary: `${fmt(r.rows)} filings (${fmt(r.physicians)} physicians, ${fmt(r.lab)} lab; ${fmt(r.trainees)} residents/fellows, ${fmt(r.unmapped)} without a specialty, ${fmt(r.withoutLevel)} without a wage level)${skipped.length ? `; not loaded: ${skipped.join(', ')}` : ''}. Replaces the filings loaded before.`,
      warnings: r.warnings,
    };
  }
  const r = await loadH1bFile(db, { ...opts, layout: format.layout, columns: format.columns });
  const years = r.years.map((y) => `FY${y.fiscalYear}`);
  return {
    title: `H-1B sponsors in health care — ${years.join(', ')} (your file)`,
    publisher: 'US Citizenship and Immigration Services, H-1B Employer Data Hub',
    vintage: r.years.map((y) => `FY${y.fiscalYear}${y.note ? ' (partial year)' : ''}`).join(', '),
    source: `${H1B_LAYOUT_LABEL[r.layout]}; ${fmt(r.naics62Rows)} NAICS 62 rows and ${fmt(r.academicRows)} academic medical centre rows (NAICS 61, by name) kept of ${fmt(r.rowsRead)}.`,
    table: SPONSORS_TABLE,
    rows: r.rows,
    parts: years,
    summary: `${r.years.map((y) => `FY${y.fiscalYear}: ${fmt(y.employers)} employers, ${fmt(y.initialApprovals)} initial approvals, ${fmt(y.initialDenials)} denials${y.note ? ` — ${y.note}` : ''}`).join('; ')}. Replaces the same fiscal years loaded before.`,
    warnings: r.warnings,
  };
}

/**
 * An embedded summary: a CSV already in the table's columns, without source_id and the columns
 * derived from employer names (recomputed here by the same code as for a user's file).
 */
export async function loadMarketSummary(db: SqlEngine, opts: { table: string; registeredName: string; sourceId: string }): Promise<number> {
  const schema = CANONICAL_SCHEMAS[opts.table];
  if (!schema) throw new DataLoadError(`datasets/manifest.json: no market table "${opts.table}"`);
  await db.query(opts.table === LCA_TABLE ? createLcaTableSql() : createSponsorsTableSql());
  const columns = schema.filter(([c]) => !SUMMARY_DERIVED.includes(c));
  try {
    await db.query(`CREATE OR REPLACE TEMP TABLE summary_stage AS SELECT * FROM read_csv(${sqlString(opts.registeredName)},
        header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
        columns = {${columns.map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`).join(', ')}})`);
    await createEmployerLookup(db, 'summary_employers', 'SELECT employer FROM summary_stage');
    await db.query(`INSERT INTO ${opts.table} BY NAME
      SELECT s.*, ${sqlString(opts.sourceId)} AS source_id, coalesce(e.employer_key, '') AS employer_key, coalesce(e.cap_exempt_check, false) AS cap_exempt_check
      FROM summary_stage s LEFT JOIN summary_employers e USING (employer)`);
  } catch (e) {
    throw new DataLoadError(`The embedded ${opts.table} summary could not be loaded.`, [describeDuckDbError(e)]);
  } finally {
    for (const t of ['summary_stage', 'summary_employers']) await db.query(`DROP TABLE IF EXISTS ${t}`);
  }
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${opts.table} WHERE source_id = ?`, [opts.sourceId]);
  return n;
}

/** Columns an embedded summary leaves out: the source, and what is derived from the employer's name. */
export const SUMMARY_DERIVED: readonly string[] = ['source_id', 'employer_key', 'cap_exempt_check'];
