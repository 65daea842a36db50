// The map screen's workflow, shared with the report: which HRSA source the view shows, its queries,
// and how the figures' source and date are said (legend, table, details, report).
import type { NamedQuery } from '../../data/cache/coordinator';
import { areaValues, regionPipeline, shortageSummary, type AreaValue } from '../../data/queries/shortage';
import { supplySummary, supplyValues } from '../../data/queries/county-supply';
import { SUPPLY_RELEASES } from '../../model/county-supply';
import { companionSource, mainSource, sourceLabel, STATES_AND_DC, type HpsaSource } from '../../model/hpsa-sources';
import { LAB_EMPLOYMENT_VINTAGES, METRICS, normaliseView, type MapView } from '../../model/map-view';
import { specialtyLabel } from '../../model/specialties';
import { supplyMetric, supplyVintage } from './supply-figures';

export interface ShortageView {
  /** The HRSA source the map is coloured from (HPSA metrics); null for workforce metrics or when none is loaded. */
  main: HpsaSource | null;
  /** At state level, the other HRSA source, shown beside it. */
  companion: HpsaSource | null;
  values: ReturnType<typeof areaValues>;
  /** Summary cards: HPSA metrics. */
  summary: ReturnType<typeof shortageSummary> | null;
  /** Summary cards: provider metrics (both releases' totals). */
  supply: ReturnType<typeof supplySummary> | null;
}

export function shortageView(view: MapView, sources: readonly HpsaSource[]): ShortageView {
  const kind = METRICS[view.metric].kind;
  if (kind === 'supply') return { main: null, companion: null, values: supplyValues(view), summary: null, supply: supplySummary(view) };
  const hpsa = kind === 'hpsa';
  const main = hpsa ? mainSource(view, sources) : null;
  const companion = companionSource(view, main, sources);
  return { main, companion, values: areaValues(view, main, companion), summary: hpsa ? shortageSummary(view, main) : null, supply: null };
}

/**
 * The map screen's queries with each other state chosen in its state filter (or all states), as
 * the filter would set the view: what the screen is likely to ask next, asked ahead in the
 * background (Coordinator.prefetch). Nearest first in the filter's order, after the one shown.
 */
export function otherStateQueries(view: MapView, sources: readonly HpsaSource[], states: readonly string[]): NamedQuery<unknown>[] {
  const shown = view.states.length === 1 ? view.states[0] : view.states.length ? null : '';
  const choices = ['', ...states];
  const at = Math.max(0, shown === null ? 0 : choices.indexOf(shown));
  const order = [...choices.slice(at + 1), ...choices.slice(0, at)].filter((s) => s !== shown);
  return order.flatMap((state) => {
    const v = normaliseView({ ...view, states: state ? [state] : [] });
    const q = shortageView(v, sources);
    const asked: (NamedQuery<unknown> | null)[] = [q.values, q.summary, q.supply, regionPipeline(v)];
    return asked.filter((x): x is NamedQuery<unknown> => x !== null);
  });
}

/** "Practitioners needed (FTE) — Primary Care", "Active physicians in the specialty — Psychiatry". */
export function mapHeading(view: MapView): string {
  const metric = METRICS[view.metric];
  if (metric.kind === 'hpsa') return `${metric.label} — ${view.discipline}`;
  if (metric.kind === 'specialty') return `${metric.label} — ${specialtyLabel(view.specialty)}`;
  const supply = supplyMetric(view);
  if (supply) return `${metric.label} — ${SUPPLY_RELEASES[supply.shown].years[supply.measure]}`;
  return metric.label;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2023-05" → "May 2023"; other dates as given. */
export const monthText = (asOf: string): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(asOf);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : asOf;
};

/** Where the map's figures come from and their date, e.g. "HRSA state summary as of 2021-12-31", "AAMC, as of 2018-12-31". */
export function vintageText(view: MapView, main: HpsaSource | null, rows: readonly AreaValue[]): string {
  const metric = METRICS[view.metric];
  const dates = [...new Set(rows.map((r) => r.as_of).filter((d): d is string => !!d))].sort();
  const when = dates.length ? dates.map(monthText).join(', ') : 'no date';
  switch (metric.kind) {
    case 'hpsa':
      return main ? sourceLabel(main) : `No HRSA ${view.discipline.toLowerCase()} figures are loaded`;
    case 'physicians':
    case 'specialty':
      return `AAMC State Physician Workforce Data Report, as of ${when}`;
    case 'lab':
      return `BLS Occupational Employment and Wage Statistics, ${when}`;
    case 'demand':
      return `DOL OFLC LCA disclosure data, ${when} (LCA filings, one per case)`;
    case 'supply':
      return supplyVintage(view);
  }
}

/** What a hatched area (no figure) means for this view. */
export function noDataText(view: MapView, main: HpsaSource | null): string {
  const metric = METRICS[view.metric];
  if (metric.kind === 'hpsa' && main?.kind === 'summary' && main.states < STATES_AND_DC)
    return `not in this table (partial: ${main.states} of ${STATES_AND_DC} states)`;
  if (metric.kind === 'hpsa' && main?.kind === 'detail')
    return view.metric === 'fte_needed'
      ? 'no FTE figure: no designation in the loaded detail file, or only designations without an FTE figure in HRSA’s file (most FQHC and tribal designations)'
      : 'no designation in the loaded detail file';
  if (metric.kind === 'specialty') return 'no published figure';
  if (metric.kind === 'supply')
    return `no figure in this release${view.level === 'county' ? ' (Connecticut: see the note above the map)' : ''}; Puerto Rico: in neither release (both cover the 50 states and DC only)`;
  if (view.metric === 'lab_employment') {
    const v = LAB_EMPLOYMENT_VINTAGES.find((x) => x.asOf === view.asOf) ?? LAB_EMPLOYMENT_VINTAGES[0];
    return `BLS employment for ${v.label} not in the loaded tables`;
  }
  return 'no value in the loaded data';
}
