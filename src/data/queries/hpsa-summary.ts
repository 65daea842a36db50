import { namedQuery } from '../coordinator';
import { AREA_DESIGNATION_SQL, HPSA_TABLE } from '../hpsa-schema';

export interface HpsaSummaryRow {
  discipline: string;
  status: string;
  designations: number;
  rows: number;
  fte_needed: number | null;
  population: number | null;
}

// Designation-level figures repeat on every component row: take them once per HPSA ID.
export const hpsaSummary = () =>
  namedQuery<HpsaSummaryRow>(
    'hpsa-summary',
    [HPSA_TABLE],
    `WITH d AS (
       SELECT discipline, status, hpsa_id, any_value(fte_needed) AS fte,
         any_value(CASE WHEN ${AREA_DESIGNATION_SQL} THEN designation_population END) AS pop, count(*) AS n
       FROM ${HPSA_TABLE} GROUP BY ALL)
     SELECT discipline, status, count(*)::INTEGER AS designations, sum(n)::INTEGER AS rows,
            round(sum(fte), 1)::DOUBLE AS fte_needed, sum(pop)::DOUBLE AS population
     FROM d GROUP BY discipline, status
     ORDER BY discipline, CASE status WHEN 'Designated' THEN 0 WHEN 'Proposed For Withdrawal' THEN 1 ELSE 2 END`,
  );
