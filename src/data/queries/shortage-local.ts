// The local forms of the shortage map's queries (shortage.ts): the same rows as their SQL, from the
// local index's columns, in a few milliseconds. Each function follows its SQL step by step; the
// tests run both on the same data and compare them (test/data/local-queries.test.ts).
import { codesOf, column, type Cell, type LocalTable, type LocalTables } from '../local-table';
import { HPSA_AREA_TABLE } from '../derived';
import type { MapView } from '../../model/map-view';
import type { AreaValue, RegionPipelineRow, ShortageSummary } from './shortage';
import {
  DecimalSum,
  conditionsTest,
  isRegionCondition,
  isoDate,
  maxOf,
  orderBy,
  regionsFollowState,
  round,
  rowsWhere,
  type Condition,
} from './local-sql';

type Num = number | null;
type Text = string | null;

/** Row numbers of `table` by the value of `key`, for joins. */
function rowsBy(table: LocalTable, key: string): Map<Cell, number[]> {
  const out = new Map<Cell, number[]>();
  column<Cell>(table, key).forEach((k, i) => {
    if (k === null) return; // NULL joins nothing
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  });
  return out;
}

/** AGGREGATES of shortage.ts over a group of designation rows. */
class Figures {
  designations = 0;
  shared = 0;
  private fte = new DecimalSum();
  private pop: Num = null;
  private maxScore: Num = null;
  private scorePop: Num = null;
  private date: Num = null;

  add(score: Num, fte: Num, pop: Num, date: Num): void {
    this.designations++;
    this.fte.add(fte);
    if (pop !== null) this.pop = (this.pop ?? 0) + pop;
    this.maxScore = maxOf(this.maxScore, score);
    if (score !== null && pop !== null) this.scorePop = (this.scorePop ?? 0) + score * pop;
    this.date = maxOf(this.date, date);
  }

  get row() {
    return {
      designations: this.designations,
      fte_needed: this.fte.value ?? 0,
      population: this.pop ?? 0,
      max_score: this.maxScore,
      weighted_score: this.scorePop === null || !this.pop ? null : round(this.scorePop / this.pop, 1),
      as_of: isoDate(this.date),
    };
  }
}

const areaColumns = (a: LocalTable) => ({
  hpsa: column<string>(a, 'hpsa_id'),
  score: column<number>(a, 'score'),
  fte: column<number>(a, 'fte'),
  pop: column<number>(a, 'pop'),
  date: column<number>(a, 'record_date'),
});

const NO_OTHER = { other_as_of: null, other_designations: null, other_fte_needed: null, other_population: null };

const byValueThenName = (rows: AreaValue[]) => orderBy(rows, { get: (r) => r.value, desc: true }, { get: (r) => r.name });

/** area-values:county. */
export function countyValues(t: LocalTables, v: MapView, conditions: Condition[]): AreaValue[] {
  const a = t[HPSA_AREA_TABLE];
  const county = column<string>(a, 'county_fips');
  const shared = column<number>(a, 'n_counties');
  const c = areaColumns(a);
  const groups = new Map<string, Figures>();
  for (const i of rowsWhere(a, conditions)) {
    const geo = county[i];
    if (geo === null) continue;
    let g = groups.get(geo);
    if (!g) groups.set(geo, (g = new Figures()));
    g.add(c.score[i], c.fte[i], c.pop[i], c.date[i]);
    if ((shared[i] ?? 0) > 1) g.shared++;
  }
  const names = t.ref_counties;
  const nameOf = column<Text>(names, 'county_name');
  const stateOf = column<Text>(names, 'state');
  const namesBy = rowsBy(names, 'county_fips');
  const rows: AreaValue[] = [];
  for (const [geo, g] of groups) {
    const f = g.row;
    const value = (f as Record<string, Num | string>)[v.metric];
    for (const n of namesBy.get(geo) ?? [null]) {
      rows.push({
        geo,
        name: `${(n === null ? null : nameOf[n]) ?? geo}, ${(n === null ? null : stateOf[n]) ?? ''}`,
        state: (n === null ? null : stateOf[n]) ?? '',
        value: typeof value === 'number' ? value : null,
        as_of: f.as_of,
        designations: f.designations,
        fte_needed: f.fte_needed,
        population: f.population,
        need_met: null,
        max_score: f.max_score,
        weighted_score: f.weighted_score,
        shared_designations: g.shared,
        ...NO_OTHER,
      });
    }
  }
  return byValueThenName(rows);
}

type StateFigures = Record<string, Num | string> & { as_of: Text; designations: Num; fte_needed: Num; population: Num };

/** Per designation (by its code), its first values and latest date: any_value and max as in the SQL. */
interface Designation {
  score: Num;
  fte: Num;
  pop: Num;
  date: Num;
}

/** Adds row i to its designation, or starts it: the first value that is not NULL (any_value), the latest date. */
function addTo(d: Designation | undefined, i: number, c: ReturnType<typeof areaColumns>): Designation {
  if (!d) return { score: c.score[i], fte: c.fte[i], pop: c.pop[i], date: c.date[i] };
  d.score ??= c.score[i];
  d.fte ??= c.fte[i];
  d.pop ??= c.pop[i];
  d.date = maxOf(d.date, c.date[i]);
  return d;
}

/** perStateDetail over the rows: each designation once per state, then AGGREGATES by state. */
function detailByState(a: LocalTable, rows: number[]): Map<string, StateFigures> {
  const fips = column<string>(a, 'state_fips');
  const ids = codesOf(column<Cell>(a, 'hpsa_id')).codes;
  const c = areaColumns(a);
  const designations = new Map<string, Map<number, Designation>>();
  for (const i of rows) {
    const geo = fips[i];
    if (geo === null) continue;
    let byId = designations.get(geo);
    if (!byId) designations.set(geo, (byId = new Map<number, Designation>()));
    byId.set(ids[i], addTo(byId.get(ids[i]), i, c));
  }
  const out = new Map<string, StateFigures>();
  for (const [geo, byId] of designations) {
    const g = new Figures();
    for (const d of byId.values()) g.add(d.score, d.fte, d.pop, d.date);
    out.set(geo, g.row);
  }
  return out;
}

/** Per-state figures for the view's other filters, kept per table (Mosaic's pre-aggregate for the region filter). */
const byStateCache = new WeakMap<LocalTable, Map<string, Map<string, StateFigures>>>();

/**
 * perStateDetail: with the region filter only picking states (the table's region columns follow
 * its state), the figures of every state for the other filters are computed once and a region
 * change only picks states from them.
 */
function perStateDetail(a: LocalTable, conditions: Condition[]): Map<string, StateFigures> {
  if (!regionsFollowState(a)) return detailByState(a, rowsWhere(a, conditions));
  const others = conditions.filter((x) => !isRegionCondition(x));
  const key = JSON.stringify(others);
  let cache = byStateCache.get(a);
  if (!cache) byStateCache.set(a, (cache = new Map<string, Map<string, StateFigures>>()));
  let all = cache.get(key);
  if (!all) cache.set(key, (all = detailByState(a, rowsWhere(a, others))));
  return all;
}

/** area-values:state-summary and area-values:state-detail. */
export function stateValues(
  t: LocalTables,
  v: MapView,
  o: { hpsa: Condition[]; geo: Condition[]; summaryAsOf: string; mainIsSummary: boolean },
): AreaValue[] {
  const det = perStateDetail(t[HPSA_AREA_TABLE], o.hpsa);
  const h = t.ref_hpsa_state;
  const hDiscipline = column<Text>(h, 'discipline');
  const hAsOf = column<Text>(h, 'as_of');
  const hState = column<Text>(h, 'state');
  const summaries = new Map<Cell, StateFigures[]>();
  for (let i = 0; i < h.length; i++) {
    if (hDiscipline[i] !== v.discipline || hAsOf[i] !== o.summaryAsOf || hState[i] === null) continue;
    const sm: StateFigures = {
      designations: column<number>(h, 'designations')[i],
      population: column<number>(h, 'population')[i],
      fte_needed: column<number>(h, 'practitioners_needed')[i],
      need_met: column<number>(h, 'pct_need_met')[i],
      as_of: hAsOf[i],
    };
    summaries.set(hState[i], [...(summaries.get(hState[i]) ?? []), sm]);
  }
  const st = t.ref_states;
  const inRegion = conditionsTest(o.geo, st);
  const fips = column<Text>(st, 'state_fips');
  const names = column<string>(st, 'state_name');
  const states = column<string>(st, 'state');
  const rows: AreaValue[] = [];
  for (let i = 0; i < st.length; i++) {
    const d = fips[i] === null ? undefined : det.get(fips[i]!);
    for (const sm of summaries.get(states[i]) ?? [undefined]) {
      if ((!d && !sm) || !inRegion(i)) continue;
      const [m, other] = o.mainIsSummary ? [sm, d] : [d, sm];
      const value = m?.[v.metric];
      rows.push({
        geo: fips[i] as string,
        name: names[i] as string,
        state: states[i] as string,
        value: typeof value === 'number' ? value : null,
        as_of: m?.as_of ?? null,
        designations: m?.designations ?? null,
        fte_needed: m?.fte_needed ?? null,
        population: m?.population ?? null,
        need_met: (sm?.need_met as Num | undefined) ?? null,
        max_score: (d?.max_score as Num | undefined) ?? null,
        weighted_score: (d?.weighted_score as Num | undefined) ?? null,
        shared_designations: null,
        other_as_of: other?.as_of ?? null,
        other_designations: other?.designations ?? null,
        other_fte_needed: other?.fte_needed ?? null,
        other_population: other?.population ?? null,
      });
    }
  }
  return byValueThenName(rows);
}

/** A state workforce figure: its table, value column, date (a column or a fixed month) and which rows count. */
export type WorkforceFigure = { table: string; value: string; where: Condition | 'present' | 'all' } & (
  { asOfColumn: string } | { asOf: string }
);

/** area-values for the AAMC and BLS metrics. */
export function workforceValues(t: LocalTables, figure: WorkforceFigure, geo: Condition[]): AreaValue[] {
  const w = t[figure.table];
  const value = column<number>(w, figure.value);
  const asOf = 'asOfColumn' in figure ? column<Text>(w, figure.asOfColumn) : null;
  const counts =
    figure.where === 'all' ? () => true : figure.where === 'present' ? (i: number) => value[i] !== null : conditionsTest([figure.where], w);
  const byState = rowsBy(w, 'state');
  const st = t.ref_states;
  const inRegion = conditionsTest(geo, st);
  const rows: AreaValue[] = [];
  for (let i = 0; i < st.length; i++) {
    if (!inRegion(i)) continue;
    for (const j of byState.get(column<Text>(st, 'state')[i]) ?? []) {
      if (!counts(j)) continue;
      rows.push({
        geo: column<string>(st, 'state_fips')[i] as string,
        name: column<string>(st, 'state_name')[i] as string,
        state: column<string>(st, 'state')[i] as string,
        value: value[j],
        as_of: asOf ? asOf[j] : 'asOf' in figure ? figure.asOf : null,
        designations: null,
        fte_needed: null,
        population: null,
        need_met: null,
        max_score: null,
        weighted_score: null,
        shared_designations: null,
        ...NO_OTHER,
      });
    }
  }
  return byValueThenName(rows);
}

/** shortage-summary:summary: the summary table's states in the region, and its US row. */
export function summaryTotals(t: LocalTables, discipline: string, asOf: string, geo: Condition[]): ShortageSummary[] {
  const h = t.ref_hpsa_state;
  const hState = column<Text>(h, 'state');
  const mine = (i: number) => column<Text>(h, 'discipline')[i] === discipline && column<Text>(h, 'as_of')[i] === asOf;
  const st = t.ref_states;
  const states = rowsBy(st, 'state');
  const inRegion = conditionsTest(geo, st);
  const sum = { designations: null as Num, practitioners_needed: null as Num, population: null as Num };
  let areas = 0;
  let us: number | undefined;
  for (let i = 0; i < h.length; i++) {
    if (!mine(i)) continue;
    if (hState[i] === 'US' && us === undefined) us = i;
    for (const s of states.get(hState[i]) ?? []) {
      if (!inRegion(s)) continue;
      areas++;
      for (const k of Object.keys(sum) as (keyof typeof sum)[]) {
        const x = column<number>(h, k)[i];
        if (x !== null) sum[k] = (sum[k] ?? 0) + x;
      }
    }
  }
  const usValue = (k: string) => (us === undefined ? null : column<number>(h, k)[us]);
  return [
    {
      basis: 'summary',
      as_of: asOf,
      designations: sum.designations,
      fte_needed: sum.practitioners_needed,
      population: sum.population,
      areas,
      max_score: null,
      us_designations: usValue('designations'),
      us_population: usValue('population'),
      us_fte_needed: usValue('practitioners_needed'),
    },
  ];
}

/** shortage-summary:detail: each designation in the view once, and the counties they touch. */
export function detailTotals(t: LocalTables, conditions: Condition[]): ShortageSummary[] {
  const a = t[HPSA_AREA_TABLE];
  const c = areaColumns(a);
  const ids = codesOf(column<Cell>(a, 'hpsa_id')).codes;
  const county = column<Text>(a, 'county_fips');
  const designations = new Map<number, Designation>();
  const counties = new Set<string>();
  for (const i of rowsWhere(a, conditions)) {
    if (county[i] !== null) counties.add(county[i]);
    designations.set(ids[i], addTo(designations.get(ids[i]), i, c));
  }
  const fte = new DecimalSum();
  let pop: Num = null;
  let score: Num = null;
  let date: Num = null;
  for (const d of designations.values()) {
    fte.add(d.fte);
    if (d.pop !== null) pop = (pop ?? 0) + d.pop;
    score = maxOf(score, d.score);
    date = maxOf(date, d.date);
  }
  return [
    {
      basis: 'detail',
      as_of: isoDate(date),
      designations: designations.size,
      fte_needed: fte.value,
      population: pop,
      areas: counties.size,
      max_score: score,
      us_designations: null,
      us_population: null,
      us_fte_needed: null,
    },
  ];
}

/** filter-options. */
export function filterOptions(t: LocalTables) {
  const st = t.ref_states;
  const rows = Array.from({ length: st.length }, (_, i) => ({
    state: column<string>(st, 'state')[i] as string,
    state_name: column<string>(st, 'state_name')[i] as string,
    census_region: column<Text>(st, 'census_region')[i],
    census_division: column<Text>(st, 'census_division')[i],
    hhs_region: column<Num>(st, 'hhs_region')[i],
  }));
  return orderBy(rows, { get: (r) => r.state_name });
}

/** specialty-options: each specialty once, with the first AAMC field and date given for it. */
export function specialtyOptions(t: LocalTables) {
  const w = t.ref_physician_specialty_state;
  const out = new Map<Text, { specialty: string; aamc_field: string; as_of: string }>();
  for (let i = 0; i < w.length; i++) {
    const key = column<Text>(w, 'specialty')[i];
    const r = out.get(key) ?? { specialty: key as string, aamc_field: null as unknown as string, as_of: null as unknown as string };
    r.aamc_field ??= column<string>(w, 'aamc_field')[i] as string;
    r.as_of ??= column<string>(w, 'as_of')[i] as string;
    out.set(key, r);
  }
  return orderBy([...out.values()], { get: (r) => r.specialty });
}

/** region-pipeline, from the pipeline counted by site state, specialty and stage. */
export function regionPipeline(t: LocalTables, geo: Condition[]): RegionPipelineRow[] {
  const p = t.pipeline_counts;
  const st = t.ref_states;
  const states = rowsBy(st, 'state');
  const inRegion = conditionsTest(geo, st);
  const stage = column<Text>(p, 'stage');
  const n = column<number>(p, 'n');
  const out = new Map<Text, RegionPipelineRow>();
  for (let i = 0; i < p.length; i++) {
    // LEFT JOIN ref_states: a site without a state row passes only when no region filter is set.
    const matches = states.get(column<Text>(p, 'site_state')[i]) ?? [null];
    for (const s of matches) {
      if (geo.length && (s === null || !inRegion(s))) continue;
      const specialty = column<Text>(p, 'specialty')[i];
      const r = out.get(specialty) ?? { specialty: specialty as string, active: 0, arrived: 0 };
      if (stage[i] !== null && stage[i] !== 'arrived' && stage[i] !== 'withdrawn') r.active += n[i] ?? 0;
      if (stage[i] === 'arrived') r.arrived += n[i] ?? 0;
      out.set(specialty, r);
    }
  }
  return orderBy([...out.values()], { get: (r) => r.active, desc: true }, { get: (r) => r.specialty });
}
