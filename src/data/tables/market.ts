// The market tables: DOL's LCA filings (one row per case for physicians and lab technologists:
// those that count, certified H-1B, and apart from them those certified then withdrawn) and USCIS
// H-1B sponsors (one row per health-care employer, state and fiscal year). Loaders of users' files
// and the embedded summaries fill the same columns.

export const LCA_TABLE = 'lca_filings';
/** Cases certified, then withdrawn by the employer ("Certified - Withdrawn"): shown apart, never counted as filings. */
export const LCA_WITHDRAWN_TABLE = 'lca_withdrawn';
export const SPONSORS_TABLE = 'h1b_sponsors';

export const LCA_SCHEMA = [
  ['source_id', 'VARCHAR'],
  /** e.g. "FY2025 Q2": DOL publishes the file by federal fiscal year and quarter. */
  ['period', 'VARCHAR'],
  /** DOL's CASE_NUMBER ("I-200-25012-123456"): one case is one filing, whichever quarterly files hold it. */
  ['case_number', 'VARCHAR'],
  /**
   * The file had CASE_STATUS and VISA_CLASS, so the row is a certified H-1B filing; false for a
   * copy without them (the embedded FY2025 Q2 extract), whose status and class could not be checked.
   */
  ['status_checked', 'BOOLEAN'],
  /** TOTAL_WORKER_POSITIONS: new, continued, changed-employer, concurrent and amended positions together; NULL when the copy lacks it. */
  ['positions', 'INTEGER'],
  ['soc', 'VARCHAR'],
  /** The O*NET-SOC code when the filer gave its suffix ("29-1229.02"). */
  ['onet', 'VARCHAR'],
  /** 'physician' | 'lab' (see model/market/occupations). */
  ['occupation_group', 'VARCHAR'],
  /** A specialty id from model/specialties, or NULL (trainee or unmapped). */
  ['specialty', 'VARCHAR'],
  /** How the specialty was decided: soc, onet, title, soc-default, trainee, unmapped. */
  ['mapping', 'VARCHAR'],
  ['employer', 'VARCHAR'],
  ['employer_key', 'VARCHAR'],
  ['cap_exempt_check', 'BOOLEAN'],
  ['state', 'VARCHAR'],
  ['county_fips', 'VARCHAR'],
  ['wage_level', 'TINYINT'],
  /** Offered wage (WAGE_RATE_OF_PAY_FROM) for a full-time year; NULL when unusable (see wage_note). */
  ['annual_wage', 'DOUBLE'],
  /** NULL, 'unreadable' or 'implausible' (the unit is probably wrong). */
  ['wage_note', 'VARCHAR'],
  ['full_time', 'BOOLEAN'],
] as const;

export const SPONSORS_SCHEMA = [
  ['source_id', 'VARCHAR'],
  ['fiscal_year', 'INTEGER'],
  /** Why the year is not a full year's figures (e.g. "partial year"); NULL for a complete year. */
  ['year_note', 'VARCHAR'],
  ['employer', 'VARCHAR'],
  ['employer_key', 'VARCHAR'],
  ['state', 'VARCHAR'],
  /** Two-digit NAICS sector: 62 health care, or 61 for an academic medical centre by name. */
  ['naics', 'VARCHAR'],
  ['cap_exempt_check', 'BOOLEAN'],
  ['initial_approvals', 'INTEGER'],
  ['initial_denials', 'INTEGER'],
  ['continuing_approvals', 'INTEGER'],
  ['continuing_denials', 'INTEGER'],
] as const;

const ddl = (table: string, schema: readonly (readonly [string, string])[]) =>
  `CREATE TABLE IF NOT EXISTS ${table} (${schema.map(([c, t]) => `${c} ${t}`).join(', ')})`;

export const createLcaTableSql = () => [ddl(LCA_TABLE, LCA_SCHEMA), ddl(LCA_WITHDRAWN_TABLE, LCA_SCHEMA)].join(';\n');
export const createSponsorsTableSql = () => ddl(SPONSORS_TABLE, SPONSORS_SCHEMA);

/** Column types for reading an embedded summary of a table straight into it. */
export const CANONICAL_SCHEMAS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  [LCA_TABLE]: LCA_SCHEMA,
  [SPONSORS_TABLE]: SPONSORS_SCHEMA,
};
