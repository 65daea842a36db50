// HRSA's published state summaries for one state, as the details panel and the report list them:
// every table, newest first, with the state's row where the table has one and the US row beside it.
import { STATES_AND_DC, asOfText } from './hpsa-sources';

/** One summary table's figures for a state (query: state-summaries). */
export interface StateSummaryFigure {
  discipline: string;
  as_of: string;
  published_states: number;
  source: string;
  designations: number | null;
  population: number | null;
  pct_need_met: number | null;
  practitioners_needed: number | null;
  us_designations: number | null;
  us_population: number | null;
  us_practitioners_needed: number | null;
}

/** "2021-12-31", "2025-03-31 (partial: 28 of 51 states)", "2023 (exact date not stated)". */
export function tableVintage(f: Pick<StateSummaryFigure, 'as_of' | 'published_states'>): string {
  const partial = f.published_states < STATES_AND_DC ? ` (partial: ${f.published_states} of ${STATES_AND_DC} states)` : '';
  return `${asOfText(f.as_of)}${partial}`;
}

/** Whether the table has the state: a partial table may not. */
export const hasState = (f: StateSummaryFigure): boolean => f.designations != null;
