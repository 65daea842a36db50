// Published workforce figures by state: AAMC's physician workforce (2018) and BLS's laboratory
// workforce, for the map's details panel and as context beside specialty and laboratory targets.
import { namedQuery } from '../cache/coordinator';
import type { SpecialtyCountRow, StateWorkforceRow } from '../../model/workforce-context';
import type { StateSummaryFigure } from '../../model/state-figures';

const list = (xs: readonly string[]) => (xs.length ? xs.map(() => '?').join(', ') : "''");

export const stateWorkforce = (states: readonly string[]) =>
  namedQuery<StateWorkforceRow>(
    'state-workforce',
    ['ref_states', 'ref_physicians_state', 'ref_lab_workforce'],
    `SELECT st.state, st.state_name, p.as_of AS aamc_as_of, p.active_per_100k, p.patient_care_per_100k, p.primary_care_per_100k,
            p.general_surgery_per_100k, p.pct_img, p.pct_female, p.pct_age_60_plus, p.active_physicians::INTEGER AS active_physicians,
            l.annual_mean_wage, l.hourly_mean_wage, l.wage_as_of, l.employment_2023_05::INTEGER AS employment_2023_05,
            l.employment_2024_05::INTEGER AS employment_2024_05, l.licensure_required
     FROM ref_states st LEFT JOIN ref_physicians_state p ON p.state = st.state LEFT JOIN ref_lab_workforce l ON l.state = st.state
     WHERE st.state IN (${list(states)}) ORDER BY st.state_name`,
    [...states],
  );

export const specialtyCounts = (states: readonly string[]) =>
  namedQuery<SpecialtyCountRow>(
    'specialty-counts',
    ['ref_physician_specialty_state'],
    `SELECT state, specialty, aamc_field, active_physicians::INTEGER AS active_physicians, as_of
     FROM ref_physician_specialty_state WHERE state IN (${list(states)}) ORDER BY state, specialty`,
    [...states],
  );

/** Every HRSA summary table, with the state's row where it has one and the published US row beside it. */
export const stateSummaries = (state: string) =>
  namedQuery<StateSummaryFigure>(
    'state-summaries',
    ['ref_hpsa_state'],
    `WITH t AS (SELECT discipline, as_of, any_value(published_states)::INTEGER AS published_states, any_value(source) AS source
                FROM ref_hpsa_state GROUP BY ALL)
     SELECT t.*, h.designations::DOUBLE AS designations, h.population::DOUBLE AS population, h.pct_need_met::DOUBLE AS pct_need_met,
            h.practitioners_needed::DOUBLE AS practitioners_needed, us.designations::DOUBLE AS us_designations,
            us.population::DOUBLE AS us_population, us.practitioners_needed::DOUBLE AS us_practitioners_needed
     FROM t LEFT JOIN ref_hpsa_state h ON h.discipline = t.discipline AND h.as_of = t.as_of AND h.state = ?
            LEFT JOIN ref_hpsa_state us ON us.discipline = t.discipline AND us.as_of = t.as_of AND us.state = 'US'
     ORDER BY t.discipline DESC, t.as_of DESC`,
    [state],
  );
