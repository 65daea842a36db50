// The tables the local index holds (local-index.ts), each with the engine tables it comes from and
// the SQL that fills it: the map's pre-joined designation × county table, the small reference
// tables the map's queries join, and the pipeline counted by site state, specialty and stage (a
// pre-aggregate: a million candidates become a few thousand rows, and the counts add up exactly).
import type { LocalTableSource } from './local-index';
import { HPSA_AREA_TABLE } from './derived';
import { PIPELINE_TABLE } from './pipeline-table';

export const LOCAL_TABLES = {
  [HPSA_AREA_TABLE]: {
    reads: [HPSA_AREA_TABLE],
    sql: `SELECT discipline, status, is_area, hpsa_id, state, county_fips, score, fte, pop, record_date, state_fips, rural,
                 census_region, census_division, hhs_region, n_counties FROM ${HPSA_AREA_TABLE}`,
  },
  ref_states: {
    reads: ['ref_states'],
    sql: `SELECT state_fips, state, state_name, census_region, census_division, hhs_region, is_state_or_dc FROM ref_states`,
  },
  ref_counties: { reads: ['ref_counties'], sql: `SELECT county_fips, state, county_name FROM ref_counties` },
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
