import { namedQuery } from '../cache/coordinator';
import { AREA_DESIGNATION_SQL, HPSA_TABLE } from '../tables/hpsa';

export interface HpsaSummaryRow {
  discipline: string;
  status: string;
  designations: number;
  fte_needed: number | null;
  population: number | null;
  as_of: string | null;
}

// Designation-level figures repeat on every component row: take them once per HPSA ID.
export const hpsaSummary = () =>
  namedQuery<HpsaSummaryRow>(
    'hpsa-summary',
    [HPSA_TABLE],
    `WITH d AS (
       SELECT discipline, status, hpsa_id, any_value(fte_needed) AS fte,
         any_value(CASE WHEN ${AREA_DESIGNATION_SQL} THEN designation_population END) AS pop, max(record_date) AS record_date
       FROM ${HPSA_TABLE} GROUP BY ALL)
     SELECT discipline, status, count(*)::INTEGER AS designations, round(sum(fte), 2)::DOUBLE AS fte_needed, sum(pop)::DOUBLE AS population,
            strftime(max(record_date), '%Y-%m-%d') AS as_of
     FROM d GROUP BY discipline, status
     ORDER BY discipline, CASE status WHEN 'Designated' THEN 0 WHEN 'Proposed For Withdrawal' THEN 1 ELSE 2 END`,
  );

export interface SummaryTableRow {
  discipline: string;
  as_of: string;
  published_states: number;
  source: string;
  us_designations: number | null;
  us_population: number | null;
  us_practitioners_needed: number | null;
}

/** HRSA's state summary tables loaded, with their coverage and published US row. */
export const summaryTables = () =>
  namedQuery<SummaryTableRow>(
    'summary-tables',
    ['ref_hpsa_state'],
    `SELECT discipline, as_of, any_value(published_states)::INTEGER AS published_states, any_value(source) AS source,
            any_value(designations) FILTER (WHERE state = 'US')::DOUBLE AS us_designations,
            any_value(population) FILTER (WHERE state = 'US')::DOUBLE AS us_population,
            any_value(practitioners_needed) FILTER (WHERE state = 'US')::DOUBLE AS us_practitioners_needed
     FROM ref_hpsa_state GROUP BY discipline, as_of ORDER BY discipline DESC, as_of DESC`,
  );
