// The embedded market summaries (tools/build-embedded-market.mjs: DOL filings and USCIS sponsors,
// already in their table's columns) into `lca_filings` or `h1b_sponsors`, with source_id and the
// columns derived from employer names recomputed by the same code as for a user's file.
import type { SourceLoader } from './loader';
import { sqlString } from '../engine/sql';
import { DataLoadError, describeDuckDbError } from './csv-stage';
import { CANONICAL_SCHEMAS, LCA_TABLE, createLcaTableSql, createSponsorsTableSql } from '../tables/market';
import { createEmployerLookup } from './market/employer-lookup';
import { formatNumber } from '../../model/format';

/** Columns an embedded summary leaves out: the source, and what is derived from the employer's name. */
export const SUMMARY_DERIVED: readonly string[] = ['source_id', 'employer_key', 'cap_exempt_check'];

export const marketSummary: SourceLoader = {
  id: 'market-summary',
  async load(db, entry, file) {
    const schema = CANONICAL_SCHEMAS[entry.table];
    if (!schema) throw new DataLoadError(`datasets/manifest.json: no market table "${entry.table}"`);
    await db.query(entry.table === LCA_TABLE ? createLcaTableSql() : createSponsorsTableSql());
    const columns = schema.filter(([c]) => !SUMMARY_DERIVED.includes(c));
    try {
      await db.query(`CREATE OR REPLACE TEMP TABLE summary_stage AS SELECT * FROM read_csv(${sqlString(file.registeredName)},
          header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
          columns = {${columns.map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`).join(', ')}})`);
      await createEmployerLookup(db, 'summary_employers', 'SELECT employer FROM summary_stage');
      await db.query(`INSERT INTO ${entry.table} BY NAME
        SELECT s.*, ${sqlString(file.sourceId)} AS source_id, coalesce(e.employer_key, '') AS employer_key, coalesce(e.cap_exempt_check, false) AS cap_exempt_check
        FROM summary_stage s LEFT JOIN summary_employers e USING (employer)`);
    } catch (e) {
      throw new DataLoadError(`The embedded ${entry.table} summary could not be loaded.`, [describeDuckDbError(e)]);
    } finally {
      for (const t of ['summary_stage', 'summary_employers']) await db.query(`DROP TABLE IF EXISTS ${t}`);
    }
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${entry.table} WHERE source_id = ?`, [file.sourceId]);
    return { changed: [entry.table], rows: n, summary: `${formatNumber(n)} rows`, warnings: [] };
  },
};
