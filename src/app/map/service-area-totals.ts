// A service area's own HRSA totals, per discipline: practitioners needed, designations (each counted
// once however many of the area's counties it touches) and the population of its geographic and
// population HPSAs — the figures the report's first page states and the map screen can show for a
// chosen area. Made from the map's own queries: the designations of each county (or whole state) a
// detail file covers, and HRSA's published summary for whole states no detail file covers. The two
// kinds are separate totals with their own dates, never added together.
import type { NamedQuery } from '../../data/cache/coordinator';
import { hpsaSources } from '../../data/queries/hpsa-sources';
import { areaDesignations, shortageSummary, type DesignationRow } from '../../data/queries/shortage';
import { AREA_DESIGNATION_TYPES } from '../../data/tables/hpsa';
import { sourceLabel, type HpsaSource } from '../../model/hpsa-sources';
import { DEFAULT_VIEW, type Discipline, type MapView } from '../../model/map-view';
import type { ServiceArea } from '../../model/types';
import { stateByCode, stateByFips } from '../../model/workspace';

/** The disciplines physicians remove shortages in (dental HPSAs need dentists, outside the plan). */
const DISCIPLINES: Discipline[] = ['Primary Care', 'Mental Health'];

export interface AreaTotal {
  discipline: Discipline;
  basis: 'detail' | 'summary';
  /** "HRSA detail file as of 2024-03-27 (CA only)", "HRSA state summary as of 2021-12-31". */
  source: string;
  /** The figures' date. */
  asOf: string;
  designations: number;
  /**
   * FTE practitioners needed to remove the designations (HRSA's figure, a floor), summed over those
   * with a figure: a blank "HPSA Shortage" is unknown, not 0. null where none of them has one.
   */
  fteNeeded: number | null;
  /** Designations without an FTE figure in HRSA's file, left out of `fteNeeded` (0 for summary tables). */
  fteMissing: number;
  /** People in geographic and population HPSAs (facility designations carry overlapping populations, not added); null where the table has none. */
  population: number | null;
  /** Designations that reach beyond the area, counted whole (detail files only). */
  extendBeyond: number;
}

export interface ServiceAreaTotals {
  totals: AreaTotal[];
  /** What has no total, and why. */
  gaps: string[];
}

interface Querier {
  query<Row>(q: NamedQuery<Row>): Promise<Row[]>;
}

const AREA_TYPES: readonly string[] = AREA_DESIGNATION_TYPES;

/** The view whose queries the totals reuse: the discipline's current designations, nothing else filtered. */
const totalsView = (discipline: Discipline, states: string[] = []): MapView => ({
  ...DEFAULT_VIEW,
  level: 'county',
  discipline,
  states,
  statuses: ['Designated', 'Proposed For Withdrawal'],
});

/**
 * The designations' totals, each designation once with its figures whole; one without an FTE figure
 * in HRSA's file is left out of the FTE (unknown, not 0) and counted in `fteMissing`. `rows` hold one row per
 * designation and county (or state) queried; a designation reaches beyond the area when it covers
 * more counties than it has rows here (`countiesOnly`: the area is made of counties only).
 */
export function sumDesignations(rows: readonly DesignationRow[], countiesOnly: boolean) {
  const rowsOf = new Map<string, number>();
  for (const r of rows) rowsOf.set(r.hpsa_id, (rowsOf.get(r.hpsa_id) ?? 0) + 1);
  const once = new Map(rows.map((r) => [r.hpsa_id, r]));
  let fteNeeded: number | null = null;
  let fteMissing = 0;
  let population = 0;
  let extendBeyond = 0;
  for (const d of once.values()) {
    if (d.fte_needed == null) fteMissing++;
    else fteNeeded = (fteNeeded ?? 0) + d.fte_needed;
    if (AREA_TYPES.includes(d.designation_type)) population += d.designation_population ?? 0;
    if (countiesOnly && d.n_counties > (rowsOf.get(d.hpsa_id) ?? 0)) extendBeyond++;
  }
  return { designations: once.size, fteNeeded, fteMissing, population, extendBeyond };
}

async function detailTotal(db: Querier, discipline: Discipline, file: HpsaSource, geos: string[], countiesOnly: boolean) {
  const view = totalsView(discipline);
  const rows = (await Promise.all(geos.map((geo) => db.query(areaDesignations(view, geo))))).flat();
  if (!rows.length) return null;
  return {
    discipline,
    basis: 'detail' as const,
    source: sourceLabel(file),
    asOf:
      rows
        .map((r) => r.as_of ?? '')
        .sort()
        .at(-1) || file.asOf,
    ...sumDesignations(rows, countiesOnly),
  };
}

/** The newest summary table with a practitioners-needed figure for every one of these states; null when none has them all. */
async function summaryTotal(db: Querier, discipline: Discipline, sources: readonly HpsaSource[], states: string[]) {
  const tables = sources
    .filter((s) => s.kind === 'summary' && s.discipline === discipline && s.hasPractitioners)
    .sort((a, b) => b.asOf.localeCompare(a.asOf));
  for (const table of tables) {
    const [row] = await db.query(shortageSummary(totalsView(discipline, states), table));
    if (!row || row.areas < states.length || row.fte_needed == null) continue;
    return {
      discipline,
      basis: 'summary' as const,
      source: sourceLabel(table),
      asOf: table.asOf,
      designations: row.designations ?? 0,
      fteNeeded: row.fte_needed,
      fteMissing: 0,
      population: table.hasPopulation ? row.population : null,
      extendBeyond: 0,
    };
  }
  return null;
}

/** The area's totals for each discipline with figures loaded: detail files where they cover it, HRSA's summaries for other whole states. */
export async function gatherServiceAreaTotals(db: Querier, area: ServiceArea): Promise<ServiceAreaTotals> {
  const sources = await db.query(hpsaSources());
  const totals: AreaTotal[] = [];
  const gaps: string[] = [];
  for (const discipline of DISCIPLINES) {
    const file = sources.find((s) => s.kind === 'detail' && s.discipline === discipline);
    const covered = new Set((file?.stateList ?? '').split(', ').filter(Boolean));
    const stateOf = (county: string) => stateByFips(county.slice(0, 2))?.code ?? '';
    // Counties inside a whole state of the area are counted with it.
    const detailGeos = [
      ...area.counties.filter((c) => covered.has(stateOf(c)) && !area.states.includes(stateOf(c))),
      ...area.states.filter((s) => covered.has(s)).map((s) => stateByCode(s)?.fips ?? ''),
    ].filter(Boolean);
    const wholeStatesElsewhere = area.states.filter((s) => !covered.has(s));
    const uncoveredCounties = area.counties.filter((c) => !covered.has(stateOf(c)) && !area.states.includes(stateOf(c)));
    const [detail, summary] = await Promise.all([
      file && detailGeos.length ? detailTotal(db, discipline, file, detailGeos, area.states.length === 0) : null,
      wholeStatesElsewhere.length ? summaryTotal(db, discipline, sources, wholeStatesElsewhere) : null,
    ]);
    if (detail) totals.push(detail);
    if (summary) totals.push(summary);
    if (uncoveredCounties.length)
      gaps.push(
        `${discipline}: no county figures for ${uncoveredCounties.length === 1 ? 'one county' : `${uncoveredCounties.length} counties`} of the area (no HRSA detail file for their state is loaded).`,
      );
    if (wholeStatesElsewhere.length && !summary)
      gaps.push(`${discipline}: no published state figures for ${wholeStatesElsewhere.join(', ')} in the loaded tables.`);
  }
  return { totals, gaps };
}
