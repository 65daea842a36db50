// HRSA shortage figures for a service area (counties and/or whole states), the only basis of
// suggested targets: detail-file designations counted once each, and HRSA's published state
// summaries for whole states no detail file covers.
import { namedQuery } from '../cache/coordinator';
import type { ServiceArea } from '../../model/types';
import type { AreaDetailRow, AreaSummaryRow } from '../../model/targets';

const list = (xs: readonly string[]) => xs.map(() => '?').join(', ');

/** Detail-file designations touching the area's counties or whole states, each designation once. */
export function serviceAreaDetail(area: ServiceArea) {
  const inArea: string[] = [];
  const params: unknown[] = [];
  if (area.counties.length) {
    inArea.push(`county_fips IN (${list(area.counties)})`);
    params.push(...area.counties);
  }
  if (area.states.length) {
    inArea.push(`state IN (${list(area.states)})`);
    params.push(...area.states);
  }
  return namedQuery<AreaDetailRow>(
    'service-area-detail',
    ['hpsa'],
    `WITH ids AS (SELECT DISTINCT discipline, hpsa_id FROM hpsa
                  WHERE (${inArea.join(' OR ') || 'false'}) AND status IN ('Designated', 'Proposed For Withdrawal')),
     d AS (SELECT h.discipline, h.hpsa_id, any_value(h.fte_needed) AS fte, any_value(h.ratio_goal) AS goal,
                  bool_or(h.designation_type IN ('Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population')) AS is_area,
                  max(h.record_date) AS record_date, any_value(h.state) AS state
           FROM hpsa h SEMI JOIN ids USING (discipline, hpsa_id) GROUP BY 1, 2)
     SELECT discipline, strftime(max(record_date), '%Y-%m-%d') AS as_of, count(*)::INTEGER AS designations,
            count(fte)::INTEGER AS with_fte, count(*) FILTER (WHERE fte IS NULL AND NOT is_area)::INTEGER AS facility_without_fte,
            count(*) FILTER (WHERE fte IS NULL AND is_area)::INTEGER AS other_without_fte, sum(fte)::DOUBLE AS fte_needed,
            array_to_string(list_sort(list_distinct(list(goal) FILTER (WHERE fte IS NOT NULL AND goal IS NOT NULL))), ', ') AS ratio_goals,
            array_to_string(list_sort(list_distinct(list(state))), ', ') AS states
     FROM d GROUP BY discipline ORDER BY discipline`,
    params,
    area,
  );
}

/** Every published summary row for the given states (the model picks one vintage per discipline). */
export function stateSummaryRows(states: readonly string[]) {
  return namedQuery<AreaSummaryRow>(
    'state-summary-rows',
    ['ref_hpsa_state'],
    `SELECT discipline, as_of, state, designations::INTEGER AS designations, practitioners_needed::DOUBLE AS practitioners_needed,
            published_states::INTEGER AS published_states, source
     FROM ref_hpsa_state WHERE state IN (${states.length ? list(states) : "''"})
     ORDER BY discipline, as_of DESC, state`,
    [...states],
  );
}
