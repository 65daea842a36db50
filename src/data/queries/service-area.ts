// Shortage figures for a service area (counties and/or whole states), the basis of suggested targets.
import { namedQuery } from '../coordinator';
import type { ServiceArea } from '../../model/types';

export interface AreaShortageRow {
  source: 'HPSA' | 'specialty gap' | 'lab workforce gap';
  /** HPSA discipline or physician specialty; '' for the lab workforce. */
  name: string;
  fte_needed: number;
  designations: number | null;
  estimate: boolean;
}

const list = (xs: string[]) => xs.map(() => '?').join(', ');

/** Whole states plus counties; a county's share of a state figure goes by population (an estimate). */
function areaWeights(area: ServiceArea): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (area.states.length) {
    parts.push(`SELECT state, 1.0 AS weight FROM ref_states WHERE state IN (${list(area.states)})`);
    params.push(...area.states);
  }
  if (area.counties.length) {
    parts.push(`SELECT c.state, sum(c.population_2023) / any_value(s.population_2023) AS weight
      FROM ref_counties c JOIN ref_states s ON s.state = c.state
      WHERE c.county_fips IN (${list(area.counties)}) AND c.state NOT IN (${area.states.length ? list(area.states) : "''"})
      GROUP BY c.state`);
    params.push(...area.counties, ...area.states);
  }
  return { sql: parts.join(' UNION ALL ') || 'SELECT NULL::VARCHAR AS state, 0.0 AS weight WHERE false', params };
}

export function serviceAreaShortage(area: ServiceArea) {
  const inArea: string[] = [];
  const hpsaParams: unknown[] = [];
  if (area.counties.length) {
    inArea.push(`county_fips IN (${list(area.counties)})`);
    hpsaParams.push(...area.counties);
  }
  if (area.states.length) {
    inArea.push(`state IN (${list(area.states)})`);
    hpsaParams.push(...area.states);
  }
  const where = inArea.length ? `(${inArea.join(' OR ')})` : 'false';
  const w = areaWeights(area);
  return namedQuery<AreaShortageRow>(
    `service-area-shortage`,
    ['hpsa', 'ref_states', 'ref_counties', 'ref_specialty_supply', 'ref_lab_workforce'],
    `WITH d AS (
       SELECT discipline, hpsa_id, any_value(fte_needed) AS fte FROM hpsa
       WHERE ${where} AND status IN ('Designated', 'Proposed For Withdrawal') GROUP BY ALL),
     w AS (${w.sql}),
     lab_national AS (SELECT sum(employment) / sum(population_2023) * 100000 AS per_100k FROM ref_lab_workforce WHERE employment IS NOT NULL)
     SELECT 'HPSA' AS source, discipline AS name, round(coalesce(sum(fte), 0), 1)::DOUBLE AS fte_needed, count(*)::INTEGER AS designations, false AS estimate
       FROM d GROUP BY discipline
     UNION ALL
     SELECT 'specialty gap', g.specialty, round(sum(g.gap * w.weight), 1)::DOUBLE, NULL, true
       FROM ref_specialty_supply g JOIN w ON w.state = g.state GROUP BY g.specialty
     UNION ALL
     SELECT 'lab workforce gap', '', round(sum((n.per_100k - l.per_100k) * l.population_2023 / 100000 * w.weight), 1)::DOUBLE, NULL, true
       FROM ref_lab_workforce l JOIN w ON w.state = l.state, lab_national n
       HAVING count(*) > 0
     ORDER BY 1, 2`,
    [...hpsaParams, ...w.params],
    area,
  );
}
