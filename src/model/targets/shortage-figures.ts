// A service area's HRSA shortage figures, one per discipline and source, from what is loaded: a
// detail file's designations where one covers the area's states, else HRSA's published summary for
// whole states. Nothing is apportioned or estimated: a county in a state with no detail file gets no
// figure (the state's summary figure is context only), and two vintages are never added together.
import type { HpsaSource } from '../hpsa-sources';
import { sourceLabel, asOfText } from '../hpsa-sources';
import type { ServiceArea } from '../types';
import { stateByFips } from '../workspace/us-states';
import { formatNumber } from '../format';

/** One discipline's designations in the area, from the loaded detail file (query: service-area-detail). */
export interface AreaDetailRow {
  discipline: string;
  as_of: string | null;
  /** Designated and proposed-for-withdrawal designations touching the area, each once. */
  designations: number;
  /** Those with an FTE figure ("HPSA Shortage"); those without: facilities, and others. */
  with_fte: number;
  facility_without_fte: number;
  other_without_fte: number;
  /** Sum of the FTE figures, unrounded. */
  fte_needed: number | null;
  /** HRSA's ratio goals behind the FTE figures, e.g. "3000:1, 3500:1". */
  ratio_goals: string | null;
  /** States the designations are in, comma-separated. */
  states: string;
}

/** A state's row in one of HRSA's published summary tables (query: state-summary-rows). */
export interface AreaSummaryRow {
  discipline: string;
  as_of: string;
  state: string;
  designations: number;
  practitioners_needed: number | null;
  published_states: number;
  source: string;
}

/** HRSA's measured need for one discipline in (part of) a service area. */
export interface ShortageFigure {
  /** HRSA discipline: "Primary Care", "Mental Health" or "Dental Health". */
  discipline: string;
  basis: 'detail' | 'summary';
  /** The detail file's date, or the summary table's. */
  asOf: string;
  /** "HRSA detail file as of 2024-03-27 (CA only)", "HRSA state summary as of 2021-12-31". */
  source: string;
  /** The states whose designations the figure sums. */
  states: string[];
  /** FTE practitioners needed to remove the designations, unrounded (HRSA's figure, a floor). */
  fteNeeded: number;
  designations: number;
  /** Detail files only: designations with an FTE figure, facility designations and others without one. */
  withFte: number | null;
  facilityWithoutFte: number | null;
  otherWithoutFte: number | null;
  /** Ratio goals behind the FTE figures (detail files), e.g. ["3000:1", "3500:1"]. */
  ratioGoals: string[];
}

export interface AreaShortage {
  figures: ShortageFigure[];
  /** What has no figure, and why (a sentence each). */
  gaps: string[];
}

/** The disciplines whose designations physicians remove (dental HPSAs need dentists, outside this plan). */
const PHYSICIAN_DISCIPLINES = ['Primary Care', 'Mental Health'];

const stateOfCounty = (fips: string) => stateByFips(fips.slice(0, 2))?.code ?? fips.slice(0, 2);
const split = (s: string | null | undefined) => (s ? s.split(', ').filter(Boolean) : []);
const joinStates = (xs: readonly string[]) => [...xs].sort().join(', ');

/** The summary vintage covering most of these states with a practitioners-needed figure; the newest on a tie. */
function pickVintage(rows: readonly AreaSummaryRow[], states: readonly string[]): AreaSummaryRow[] {
  const byDate = new Map<string, AreaSummaryRow[]>();
  for (const r of rows)
    if (states.includes(r.state) && r.practitioners_needed != null) byDate.set(r.as_of, [...(byDate.get(r.as_of) ?? []), r]);
  const [best] = [...byDate.values()].sort((a, b) => b.length - a.length || b[0].as_of.localeCompare(a[0].as_of));
  return best ?? [];
}

function summarySource(rows: readonly AreaSummaryRow[]): string {
  const r = rows[0];
  return sourceLabel({
    kind: 'summary',
    discipline: r.discipline,
    asOf: r.as_of,
    states: r.published_states,
    hasNeedMet: false,
    hasPractitioners: true,
    hasPopulation: true,
    source: r.source,
  });
}

/**
 * The area's figures for each HPSA discipline that has a source loaded. Counties count whole
 * designations from the detail file, each once however many counties it spans; whole states take
 * the detail file where it covers them, else HRSA's summary.
 */
export function areaShortage(
  area: ServiceArea,
  sources: readonly HpsaSource[],
  detail: readonly AreaDetailRow[],
  summaries: readonly AreaSummaryRow[],
): AreaShortage {
  const figures: ShortageFigure[] = [];
  const gaps: string[] = [];
  for (const discipline of PHYSICIAN_DISCIPLINES) {
    const file = sources.find((s) => s.kind === 'detail' && s.discipline === discipline);
    const covered = new Set(split(file?.stateList));
    const d = detail.find((r) => r.discipline === discipline);
    if (!sources.some((s) => s.discipline === discipline)) continue;
    if (file && d && d.designations > 0)
      figures.push({
        discipline,
        basis: 'detail',
        asOf: d.as_of ?? file.asOf,
        source: sourceLabel(file),
        states: split(d.states),
        fteNeeded: d.fte_needed ?? 0,
        designations: d.designations,
        withFte: d.with_fte,
        facilityWithoutFte: d.facility_without_fte,
        otherWithoutFte: d.other_without_fte,
        ratioGoals: split(d.ratio_goals),
      });
    const mine = summaries.filter((r) => r.discipline === discipline);
    const wholeStates = area.states.filter((s) => !covered.has(s));
    if (wholeStates.length) {
      const chosen = pickVintage(mine, wholeStates);
      if (chosen.length)
        figures.push({
          discipline,
          basis: 'summary',
          asOf: chosen[0].as_of,
          source: summarySource(chosen),
          states: chosen.map((r) => r.state),
          fteNeeded: chosen.reduce((t, r) => t + (r.practitioners_needed ?? 0), 0),
          designations: chosen.reduce((t, r) => t + r.designations, 0),
          withFte: null,
          facilityWithoutFte: null,
          otherWithoutFte: null,
          ratioGoals: [],
        });
      const missing = wholeStates.filter((s) => !chosen.some((r) => r.state === s));
      const tables = sources.filter((s) => s.kind === 'summary' && s.discipline === discipline && s.hasPractitioners);
      if (missing.length && tables.length)
        gaps.push(
          `${discipline}: no practitioners-needed figure for ${joinStates(missing)} in the loaded tables (${tables.map(sourceLabel).join('; ')}); load HRSA's detail file for ${missing.length === 1 ? 'it' : 'them'}.`,
        );
    }
    const countyStates = [...new Set(area.counties.map(stateOfCounty))].filter((s) => !covered.has(s) && !area.states.includes(s));
    for (const s of countyStates.sort()) {
      const [context] = pickVintage(mine, [s]);
      gaps.push(
        `${discipline}: no county figures for ${s} (no detail file covers it)${
          context
            ? `; HRSA's summary gives ${formatNumber(context.practitioners_needed, 0)} practitioners needed for the whole state as of ${asOfText(context.as_of)} — context only, not split by county`
            : ''
        }. Load HRSA's detail file for county figures.`,
      );
    }
  }
  return { figures, gaps };
}
