// Employer names → the key that groups their spellings and the name-based flags (model/market/
// employers), computed once per distinct name for the SQL to join to.
import type { SqlEngine } from '../../engine/engine';
import { createLookup } from '../csv-stage';
import { employerKey, looksCapExempt, looksMedical } from '../../../model/market/employers';

/** `table(employer, employer_key, cap_exempt_check, medical)` for the distinct non-empty names `namesSql` returns (column `employer`). */
export async function createEmployerLookup(db: SqlEngine, table: string, namesSql: string): Promise<void> {
  const names = await db.query<{ employer: string }>(`SELECT DISTINCT employer FROM (${namesSql}) WHERE employer IS NOT NULL`);
  await createLookup(
    db,
    table,
    { employer: 'VARCHAR', employer_key: 'VARCHAR', cap_exempt_check: 'BOOLEAN', medical: 'BOOLEAN' },
    names.map(({ employer }) => [employer, employerKey(employer), looksCapExempt(employer), looksMedical(employer)]),
  );
}
