// What HRSA shortage figures are loaded: each state-summary table (discipline × date) and each
// discipline's detail file, with how many of the 50 states and DC they cover.
import { namedQuery } from '../cache/coordinator';
import { HPSA_BY_STATE } from '../tables/summaries';
import type { HpsaSource } from '../../model/hpsa-sources';

// The detail files' coverage is read from hpsa_by_state (scope 'all': every designation): it holds
// every discipline, state and latest date of the detail rows, in a few hundred rows.
export const hpsaSources = () =>
  namedQuery<HpsaSource>(
    'hpsa-sources',
    ['ref_hpsa_state', HPSA_BY_STATE, 'ref_states'],
    `SELECT 'summary' AS kind, discipline, as_of AS "asOf", any_value(published_states)::INTEGER AS states,
            bool_or(pct_need_met IS NOT NULL) AS "hasNeedMet", bool_or(practitioners_needed IS NOT NULL) AS "hasPractitioners",
            bool_or(population IS NOT NULL) AS "hasPopulation", any_value(source) AS source, NULL::VARCHAR AS "stateList"
     FROM ref_hpsa_state GROUP BY discipline, as_of
     UNION ALL
     SELECT 'detail', h.discipline, coalesce(strftime(max(h.record_date), '%Y-%m-%d'), 'an unstated date'),
            count(DISTINCT h.state) FILTER (WHERE s.is_state_or_dc)::INTEGER, false, true, true,
            'HRSA HPSA detail file', array_to_string(list_sort(list_distinct(list(h.state))), ', ')
     FROM ${HPSA_BY_STATE} h LEFT JOIN ref_states s ON s.state = h.state WHERE h.scope = 'all' GROUP BY h.discipline
     ORDER BY 1, 2, 3 DESC`,
  );
