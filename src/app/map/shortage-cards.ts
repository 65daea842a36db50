// The HRSA summary cards of the map's view: its designations, practitioners needed and people, from
// HRSA's state summary or the loaded detail file; when the place filters exclude each other, the first
// card says no area matches them, naming them, as the provider cards do.
import type { ShortageSummary } from '../../data/queries/shortage';
import { countOf, formatNumber } from '../../model/format';
import type { MapView } from '../../model/map-view';
import { anyPlaceMatches, noMatchText, type StatePlace } from './view-words';

/** [key, value, label] of each card; `states` (the states table) tells whether any place passes the filters. */
export function shortageCards(view: MapView, s: ShortageSummary, states?: readonly StatePlace[]): [string, string, string][] {
  const us = (v: number | null, digits = 0) => (v == null ? '' : ` (US ${formatNumber(v, digits)}, territories included)`);
  const cards: [string, string, string][] =
    s.basis === 'summary'
      ? [
          [
            'designations',
            formatNumber(s.designations),
            `${view.discipline} designations in ${s.areas === 1 ? 'the state or territory' : `the ${formatNumber(s.areas)} states and territories`} shown${us(s.us_designations)}`,
          ],
          ['fte', formatNumber(s.fte_needed), `practitioners needed to remove them${us(s.us_fte_needed)}`],
          ['population', formatNumber(s.population), `people in designated HPSAs${us(s.us_population)}`],
        ]
      : [
          [
            'designations',
            formatNumber(s.designations),
            `${view.discipline} designations (${view.statuses.join(', ') || 'no status chosen'}), each counted once`,
          ],
          [
            'fte',
            formatNumber(s.fte_needed, 1),
            `FTE practitioners needed to remove them${s.fte_missing ? `; ${countOf(s.fte_missing, 'designation')} without an FTE figure in HRSA’s file left out` : ''}`,
          ],
          ['population', formatNumber(s.population), 'people in geographic and population HPSAs'],
          ['counties', formatNumber(s.areas), 'counties with at least one designation'],
          ['score', formatNumber(s.max_score), 'highest HPSA score'],
        ];
  if (states?.length && !anyPlaceMatches(view, states)) {
    const [key, value] = cards[0];
    cards[0] = [key, value, `${view.discipline} designations: ${noMatchText(view).replace(/^No/, 'no')}`];
  }
  return cards;
}
