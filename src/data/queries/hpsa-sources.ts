// What HRSA shortage figures are loaded: each state-summary table (discipline × date) and each
// discipline's detail file, with how many of the 50 states and DC they cover.
import { namedQuery } from '../coordinator';
import { HPSA_AREA_TABLE } from '../derived';
import { codesOf, column, type Cell, type LocalTables } from '../local-table';
import type { HpsaSource } from '../../model/hpsa-sources';
import { isoDate, maxOf, orderBy } from './local-sql';

// The detail files' coverage is read from hpsa_area: it holds every discipline, state and latest
// date of the detail rows, and the local index holds it too (the map's first screen needs this).
export const hpsaSources = () =>
  namedQuery<HpsaSource>(
    'hpsa-sources',
    ['ref_hpsa_state', HPSA_AREA_TABLE, 'ref_states'],
    `SELECT 'summary' AS kind, discipline, as_of AS "asOf", any_value(published_states)::INTEGER AS states,
            bool_or(pct_need_met IS NOT NULL) AS "hasNeedMet", bool_or(practitioners_needed IS NOT NULL) AS "hasPractitioners",
            bool_or(population IS NOT NULL) AS "hasPopulation", any_value(source) AS source, NULL::VARCHAR AS "stateList"
     FROM ref_hpsa_state GROUP BY discipline, as_of
     UNION ALL
     SELECT 'detail', h.discipline, coalesce(strftime(max(h.record_date), '%Y-%m-%d'), 'an unstated date'),
            count(DISTINCT h.state) FILTER (WHERE s.is_state_or_dc)::INTEGER, false, true, true,
            'HRSA HPSA detail file', array_to_string(list_sort(list_distinct(list(h.state))), ', ')
     FROM ${HPSA_AREA_TABLE} h LEFT JOIN ref_states s ON s.state = h.state GROUP BY h.discipline
     ORDER BY 1, 2, 3 DESC`,
    undefined,
    undefined,
    { tables: ['ref_hpsa_state', HPSA_AREA_TABLE, 'ref_states'], run: localSources },
  );

function localSources(t: LocalTables): HpsaSource[] {
  const out: HpsaSource[] = [];
  const h = t.ref_hpsa_state;
  const summaries = new Map<string, HpsaSource>();
  for (let i = 0; i < h.length; i++) {
    const discipline = column<string>(h, 'discipline')[i];
    const asOf = column<string>(h, 'as_of')[i];
    const key = JSON.stringify([discipline, asOf]);
    const s = summaries.get(key) ?? {
      kind: 'summary' as const,
      discipline: discipline as string,
      asOf: asOf as string,
      states: null as unknown as number,
      hasNeedMet: false,
      hasPractitioners: false,
      hasPopulation: false,
      source: null as unknown as string,
      stateList: null as unknown as string,
    };
    s.states ??= column<number>(h, 'published_states')[i] as number;
    s.source ??= column<string>(h, 'source')[i] as string;
    s.hasNeedMet ||= column<Cell>(h, 'pct_need_met')[i] !== null;
    s.hasPractitioners ||= column<Cell>(h, 'practitioners_needed')[i] !== null;
    s.hasPopulation ||= column<Cell>(h, 'population')[i] !== null;
    summaries.set(key, s);
  }
  out.push(...summaries.values());
  const a = t[HPSA_AREA_TABLE];
  const st = t.ref_states;
  const stateOrDc = new Map<Cell, boolean>();
  for (let i = 0; i < st.length; i++) if (column<boolean>(st, 'is_state_or_dc')[i]) stateOrDc.set(column<Cell>(st, 'state')[i], true);
  // Per discipline (by its code): the latest date and the states (by their codes).
  const disciplines = codesOf(column<Cell>(a, 'discipline'));
  const stateCodes = codesOf(column<Cell>(a, 'state'));
  const dates = column<number>(a, 'record_date');
  const latest: (number | null)[] = disciplines.dict.map(() => null);
  const seen = disciplines.dict.map(() => new Uint8Array(stateCodes.dict.length));
  for (let i = 0; i < a.length; i++) {
    const d = disciplines.codes[i];
    latest[d] = maxOf(latest[d], dates[i]);
    seen[d][stateCodes.codes[i]] = 1;
  }
  const details = new Map<string, { date: number | null; states: string[] }>();
  disciplines.dict.forEach((discipline, d) =>
    details.set(discipline as string, {
      date: latest[d],
      states: stateCodes.dict.filter((s, k): s is string => s !== null && seen[d][k] === 1),
    }),
  );
  for (const [discipline, d] of details) {
    const states = d.states.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    out.push({
      kind: 'detail',
      discipline,
      asOf: isoDate(d.date) ?? 'an unstated date',
      states: states.filter((s) => stateOrDc.get(s)).length,
      hasNeedMet: false,
      hasPractitioners: true,
      hasPopulation: true,
      source: 'HRSA HPSA detail file',
      stateList: states.join(', '),
    });
  }
  return orderBy(out, { get: (s) => s.kind }, { get: (s) => s.discipline }, { get: (s) => s.asOf, desc: true });
}
