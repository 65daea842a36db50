// The tables the local index holds (local-index.ts), each with the engine tables it comes from and
// the SQL that fills it: the map's pre-joined designation × county table (derived in JavaScript
// from the component rows), the small reference
// tables the map's queries join, and the pipeline counted by site state, specialty and stage (a
// pre-aggregate: a million candidates become a few thousand rows, and the counts add up exactly).
import type { LocalTableSource } from './local-index';
import { HPSA_AREA_SOURCE_SQL, HPSA_AREA_TABLE, areaRows } from './derived';
import { HPSA_TABLE } from './hpsa-schema';
import { PIPELINE_TABLE } from './pipeline-table';

export const LOCAL_TABLES = {
  // Derived here from the component rows, as DuckDB derives its own hpsa_area (derived.ts).
  [HPSA_AREA_TABLE]: {
    reads: [HPSA_TABLE, 'ref_states', 'ref_counties'],
    sql: HPSA_AREA_SOURCE_SQL,
    derive: { uses: ['ref_states', 'ref_counties'], run: areaRows },
  },
  ref_states: {
    reads: ['ref_states'],
    sql: `SELECT state_fips, state, state_name, census_region, census_division, hhs_region, is_state_or_dc FROM ref_states`,
  },
  ref_counties: { reads: ['ref_counties'], sql: `SELECT county_fips, state, county_name, rural FROM ref_counties` },
  ref_hpsa_state: { reads: ['ref_hpsa_state'], sql: `SELECT * FROM ref_hpsa_state` },
  ref_physicians_state: { reads: ['ref_physicians_state'], sql: `SELECT * FROM ref_physicians_state` },
  ref_physician_specialty_state: { reads: ['ref_physician_specialty_state'], sql: `SELECT * FROM ref_physician_specialty_state` },
  ref_lab_workforce: { reads: ['ref_lab_workforce'], sql: `SELECT * FROM ref_lab_workforce` },
  pipeline_counts: {
    reads: [PIPELINE_TABLE],
    sql: `SELECT site_state, specialty, stage, count(*)::INTEGER AS n FROM ${PIPELINE_TABLE} GROUP BY ALL`,
  },
} satisfies Record<string, LocalTableSource>;

export type LocalTableName = keyof typeof LOCAL_TABLES;
