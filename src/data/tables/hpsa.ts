// The canonical `hpsa` table: one row per component of a designation (a census tract, county,
// facility...), as HRSA publishes it. Designation-level fields repeat on every component row, so
// designations are counted by hpsa_id and their populations/FTE are never added across components.

export const HPSA_TABLE = 'hpsa';

export const HPSA_COLUMNS = [
  ['discipline', 'VARCHAR'], // 'Primary Care' | 'Mental Health' | 'Dental Health'
  ['hpsa_id', 'VARCHAR'],
  ['hpsa_name', 'VARCHAR'],
  ['designation_type', 'VARCHAR'],
  ['status', 'VARCHAR'], // 'Designated' | 'Proposed For Withdrawal' | 'Withdrawn'
  ['score', 'INTEGER'],
  ['state', 'VARCHAR'],
  ['county_fips', 'VARCHAR'], // five digits, text; NULL where HRSA has XXXXX
  ['county_name', 'VARCHAR'],
  ['hhs_region', 'VARCHAR'],
  ['rural_status', 'VARCHAR'],
  ['designation_population', 'DOUBLE'],
  ['fte_needed', 'DOUBLE'], // HRSA "HPSA Shortage": FTE practitioners needed to remove the designation
  ['ratio_goal', 'VARCHAR'], // HRSA "HPSA Provider Ratio Goal": the ratio fte_needed brings it to, e.g. "3500:1"; NULL when the file has no such column
  ['designation_date', 'DATE'],
  ['update_date', 'DATE'],
  ['component_type', 'VARCHAR'],
  ['record_date', 'DATE'], // HRSA data-warehouse snapshot date
  ['source_id', 'VARCHAR'], // which loaded dataset the row came from
] as const;

export const createHpsaTableSql = (name: string = HPSA_TABLE): string =>
  `CREATE TABLE IF NOT EXISTS ${name} (${HPSA_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`;

export const HPSA_STATUSES = ['Designated', 'Proposed For Withdrawal', 'Withdrawn'] as const;
export const HPSA_DISCIPLINES = ['Primary Care', 'Mental Health', 'Dental Health'] as const;

/**
 * Geographic and population HPSAs cover people who live in an area. Facility designations (FQHCs,
 * rural health clinics, tribal sites, prisons) carry service-area populations that overlap them and
 * each other, so populations are only added over area designations.
 */
export const AREA_DESIGNATION_TYPES = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'] as const;
export const AREA_DESIGNATION_SQL = `designation_type IN (${AREA_DESIGNATION_TYPES.map((t) => `'${t}'`).join(', ')})`;
