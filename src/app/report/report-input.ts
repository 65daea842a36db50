// Everything an exported report shows, as plain data, made by gatherReport from what the screens
// show: buildReportHtml turns it into one file and needs nothing else (no DOM, no network). Strings
// in it are data and are always escaped, except the charts' serialised SVG, which is sanitised.
import type { NextStep } from '../../model/forecast/next-step';
import type { LoadedDataset } from '../../data/loaders/dataset';
import type { AreaValue } from '../../data/queries/shortage';
import type { ForecastResult } from '../../model/forecast/result';
import type { MapView } from '../../model/map-view';
import type { HpsaSource } from '../../model/hpsa-sources';
import type { FigureTable } from '../map/state-figures';
import type { ValueBasis } from '../../model/timing/assumptions';
import type { Candidate, DiversityTarget, ServiceArea, Target } from '../../model/types';
import type { GroupCounts, MarketSummary } from '../../data/queries/market';
import type { MarketTable } from '../market/market';

/** A section that could not be built, with the reason shown in its place. */
export interface Unavailable {
  unavailable: string;
}

export type ReportDataset = Pick<
  LoadedDataset,
  'id' | 'title' | 'publisher' | 'vintage' | 'source' | 'license' | 'sample' | 'estimate' | 'coverage' | 'table' | 'origin' | 'replacedBy'
>;

export interface ReportMap {
  view: MapView;
  /** As on the map screen, e.g. "Practitioners needed (FTE) — Primary Care". */
  heading: string;
  /** The figures' source and date, as on the map's legend. */
  vintage: string;
  /** The HRSA source the map shows and, at state level, the one beside it (HPSA metrics). */
  main: HpsaSource | null;
  companion: HpsaSource | null;
  /** The rows behind the map, as areaValues returns them. */
  rows: AreaValue[];
  /** The choropleth, serialised by the app (XMLSerializer). */
  svg: string;
  /** Its legend, serialised the same way. */
  legend: string;
}

export interface ReportForecast {
  result: ForecastResult;
  /** Per target id: what to do next and by when. */
  nextSteps: Record<string, NextStep>;
  /** The Pipeline screen's charts, serialised: all candidates' arrivals, and one per target (the first TARGET_CHARTS). */
  charts: { total: string; targets: { targetId: string; svg: string }[] };
}

export interface ReportMarket {
  /** "Medical laboratory scientist (MLS) — Texas": the Market screen's view in the URL. */
  heading: string;
  summary: MarketSummary;
  group: GroupCounts;
  /** The Market screen's tables, in its order: wage levels, employers, sponsors by year, top sponsors. */
  tables: MarketTable[];
  /** The screen's charts, serialised (null where a chart has no rows): by table id. */
  charts: Record<string, string | null>;
  /** The offers saved on targets. */
  offers: MarketTable;
  /** Sources, periods and rules, as under the screen's figures. */
  notes: string[];
}

export interface ReportAssumption {
  group: string;
  label: string;
  value: string;
  defaultValue: string;
  changed: boolean;
  /** "your value" when edited in the workspace, else the default's confidence. */
  basis: ValueBasis;
  /** S- and R-numbers, cited in `ReportAssumptions.sources`. */
  sources: readonly string[];
  note: string;
}

export interface ReportAssumptions {
  rows: ReportAssumption[];
  /** Citation text per S-number. */
  sources: Record<string, string>;
  /** When the sources were collected: immigration rules change. */
  vintage: string;
}

export interface ReportInput {
  title: string;
  /** ISO timestamp. */
  generatedAt: string;
  datasets: ReportDataset[];
  map: ReportMap | Unavailable;
  /** Every published figure for the state chosen on the map and the service area's states, as the details panel shows them. */
  stateFigures: { state: string; tables: FigureTable[] }[];
  serviceAreas: ServiceArea[];
  /** County display names by FIPS, for the service-area listing; FIPS is shown where one is missing. */
  countyNames: Record<string, string>;
  targets: Target[];
  diversityTargets: DiversityTarget[];
  /** The pipeline; empty when none was loaded. */
  candidates: Candidate[];
  /** The Pipeline screen's funnel chart, serialised; null without candidates. */
  funnelChart: string | null;
  forecast: ReportForecast | Unavailable;
  market: ReportMarket | Unavailable;
  assumptions: ReportAssumptions;
  /** Candidate-level rows (one per person) appear only when true. */
  includeCandidates: boolean;
}

export const isUnavailable = (section: object): section is Unavailable => 'unavailable' in section;
