// One of the project's own reference tables (datasets/ref, datasets/national…) into the table its
// manifest entry names, every column as DuckDB reads it except those the entry types (FIPS codes
// kept as text). The table is replaced whole.
import type { SourceLoader } from './loader';
import { sqlIdent, sqlString } from '../engine/sql';
import { DataLoadError, describeDuckDbError } from './csv-stage';
import { formatNumber } from '../../model/format';

export const table: SourceLoader = {
  id: 'table',
  async load(db, entry, file) {
    const types = entry.types
      ? `, types = {${Object.entries(entry.types)
          .map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`)
          .join(', ')}}`
      : '';
    try {
      await db.query(
        `CREATE OR REPLACE TABLE ${sqlIdent(entry.table)} AS SELECT * FROM read_csv(${sqlString(file.registeredName)}, header = true${types})`,
      );
    } catch (e) {
      throw new DataLoadError(`${entry.file} could not be loaded.`, [describeDuckDbError(e)]);
    }
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sqlIdent(entry.table)}`);
    return { changed: [entry.table], rows: n, summary: `${formatNumber(n)} rows`, warnings: [] };
  },
};
