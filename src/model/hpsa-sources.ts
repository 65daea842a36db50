// Which of HRSA's shortage figures a view shows. Two kinds exist: HRSA's published state summaries
// (one table per quarter; some tables cover only part of the country) and detail files (one row per
// designation component; embedded for California, or the user's download). A map shows one vintage:
// the other kind, when it exists, is shown beside it, never added to it.
import { METRICS, metricInfo, type Discipline, type MapView, type Metric } from './map-view';

export const STATES_AND_DC = 51;
/** A detail file with designations in at least this many of the 50 states and DC is a national file. */
export const NATIONAL_DETAIL_STATES = 50;

export interface HpsaSource {
  kind: 'summary' | 'detail';
  discipline: string;
  /** Summary: the table's date ("2021-09-30", or a year where the source gives no date); detail: the data-warehouse date. */
  asOf: string;
  /** How many of the 50 states and DC it has figures for. */
  states: number;
  /** The summary columns this table publishes (detail files have them all but % of need met). */
  hasNeedMet: boolean;
  hasPractitioners: boolean;
  hasPopulation: boolean;
  /** Who published it (summary), or the detail file's description. */
  source: string;
  /** Detail: the two-letter states it covers, comma-separated. */
  stateList?: string;
}

/** The value of MapView.asOf that picks this source. */
export const sourceKey = (s: HpsaSource): string => (s.kind === 'detail' ? 'detail' : s.asOf);

/** Whether the source gives this metric's figure. */
export function offersMetric(s: HpsaSource, metric: Metric): boolean {
  const info = metricInfo(metric);
  if (info.kind !== 'hpsa') return false;
  if (s.kind === 'detail') return !!info.detail;
  switch (info.summary) {
    case 'designations':
      return true;
    case 'population':
      return s.hasPopulation;
    case 'practitioners_needed':
      return s.hasPractitioners;
    case 'pct_need_met':
      return s.hasNeedMet;
    default:
      return false;
  }
}

// ISO dates order as plain text: no locale collator (its first use, on the first screen, costs ~10 ms).
const newestFirst = (a: HpsaSource, b: HpsaSource) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0);

/** The discipline's sources that can colour the map with this metric at this level, newest first. */
export function sourcesFor(view: Pick<MapView, 'discipline' | 'metric' | 'level'>, all: readonly HpsaSource[]): HpsaSource[] {
  return all
    .filter((s) => s.discipline === view.discipline && offersMetric(s, view.metric) && (view.level === 'state' || s.kind === 'detail'))
    .sort((a, b) => (a.kind === b.kind ? newestFirst(a, b) : a.kind === 'detail' ? -1 : 1));
}

/**
 * The source the map is coloured from: the one the view names, else a national detail file, else
 * the newest summary that covers every state, else the newest summary or the detail file.
 */
export function mainSource(view: Pick<MapView, 'discipline' | 'metric' | 'level' | 'asOf'>, all: readonly HpsaSource[]): HpsaSource | null {
  const usable = sourcesFor(view, all);
  const named = usable.find((s) => sourceKey(s) === view.asOf);
  if (named) return named;
  const summaries = usable.filter((s) => s.kind === 'summary');
  return (
    usable.find((s) => s.kind === 'detail' && s.states >= NATIONAL_DETAIL_STATES) ??
    summaries.find((s) => s.states === STATES_AND_DC) ??
    summaries[0] ??
    usable[0] ??
    null
  );
}

/**
 * The figures shown beside the main ones at state level: the detail file beside a summary, or the
 * summary the map would otherwise show beside a detail file.
 */
export function companionSource(
  view: Pick<MapView, 'discipline' | 'level'>,
  main: HpsaSource | null,
  all: readonly HpsaSource[],
): HpsaSource | null {
  if (!main || view.level !== 'state') return null;
  if (main.kind === 'summary') return all.find((s) => s.kind === 'detail' && s.discipline === view.discipline) ?? null;
  return mainSource(
    { discipline: view.discipline, metric: 'designations', level: 'state', asOf: '' },
    all.filter((s) => s.kind === 'summary'),
  );
}

/** "HRSA state summary as of 2025-03-31 (partial: 28 of 51 states)", "HRSA detail file, data warehouse 2024-03-27 (CA)". */
export function sourceLabel(s: HpsaSource): string {
  if (s.kind === 'detail') {
    const national = s.states >= NATIONAL_DETAIL_STATES;
    return `HRSA detail file as of ${s.asOf}${national ? '' : ` (${s.stateList || `${s.states} state${s.states === 1 ? '' : 's'}`} only)`}`;
  }
  return `HRSA state summary as of ${asOfText(s.asOf)}${s.states < STATES_AND_DC ? ` (partial: ${s.states} of ${STATES_AND_DC} states)` : ''}`;
}

/** A date as given; a bare year is said to be one, since the source gave no exact date. */
export const asOfText = (asOf: string): string => (/^[0-9]{4}$/.test(asOf) ? `${asOf} (exact date not stated)` : asOf);

/** Whether the view's status, type and rural filters change the figures (only detail files carry them). */
export const filtersApply = (main: HpsaSource | null): boolean => main?.kind === 'detail';

/** The discipline's summaries, for the vintage list. */
export function disciplineSources(discipline: Discipline, all: readonly HpsaSource[]): HpsaSource[] {
  return all.filter((s) => s.discipline === discipline).sort(newestFirst);
}

/** Metrics at the view's level that some loaded source of the discipline offers. */
export function availableHpsaMetrics(view: Pick<MapView, 'discipline' | 'level'>, all: readonly HpsaSource[]): Metric[] {
  return (Object.keys(METRICS) as Metric[]).filter(
    (m) => (METRICS[m].levels as readonly string[]).includes(view.level) && sourcesFor({ ...view, metric: m }, all).length > 0,
  );
}
