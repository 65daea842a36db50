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
import type { PublicSource } from '../../model/timing/sources';
import type { ServiceAreaTotals } from '../map/service-area-totals';
import type { FeePolicy } from './plan-page';

/** A section that could not be built, with the reason shown in its place. */
export interface Unavailable {
  unavailable: string;
}

export type ReportDataset = Pick<
  LoadedDataset,
  | 'id'
  | 'title'
  | 'publisher'
  | 'vintage'
  | 'source'
  | 'license'
  | 'sample'
  | 'estimate'
  | 'coverage'
  | 'table'
  | 'origin'
  | 'replacedBy'
  | 'file'
  | 'rows'
  | 'rowsLeft'
  | 'partlyReplacedBy'
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
  /**
   * Expected government fees of the pipeline (all routes) under the other $100,000 fee scenario
   * (`result.fee.counterfactual`), from the same forecast run again with only that changed; null when it could not run.
   */
  counterfactualFeesUsd: number | null;
  /** Per candidate id: the Pipeline screen's timeline of the candidate, serialised, for the candidates at risk (empty until that screen draws one). */
  timelines: Record<string, string>;
}

export interface ReportMarket {
  /** "Medical laboratory scientist (MLS) — Texas": the view shown. */
  heading: string;
  summary: MarketSummary;
  group: GroupCounts;
  /** The Market screen's tables, in its order: wage levels, employers, sponsors by year, top sponsors. */
  tables: MarketTable[];
  /** The screen's charts, serialised (null where a chart has no rows): by table id. */
  charts: Record<string, string | null>;
  /** Sources, periods and rules, as under the screen's figures. */
  notes: string[];
  /** Each chart's source and period, by table id: said under the chart. */
  chartSources: Record<string, string>;
}

/** The Market section: one view per occupation and place (the targets', or the Market screen's), and the offers saved on targets. */
export interface ReportMarkets {
  views: ReportMarket[];
  offers: MarketTable;
}

/** Which views the evidence shows: the plan's (the service area, the targets' occupations and states) or the screens' last choice. */
export type ViewChoice = 'plan' | 'screen';

/** The report's first page: where, with its own totals. */
export interface ReportArea {
  area: ServiceArea;
  /** "8 counties in California". */
  extent: string;
  totals: ServiceAreaTotals | Unavailable;
  /**
   * Primary-care physicians per 100,000 people in the area, with their year and source (HRSA Area
   * Health Resources File via County Health Rankings & Roadmaps): counts summed, the rate from the sums.
   */
  primaryCareSupply: AreaSupply | Unavailable;
  /** The area's providers per measure, both releases side by side (app/map/supply-figures.ts); printed in the appendix. */
  supplyTable?: FigureTable;
}

export interface AreaSupply {
  physicians: number;
  population: number;
  perHundredThousand: number;
  /** The figures' year, e.g. "2022". */
  year: string;
  /** Publisher and dataset, e.g. "HRSA Area Health Resources File, via County Health Rankings & Roadmaps". */
  source: string;
}

export interface ReportAssumption {
  group: string;
  label: string;
  value: string;
  defaultValue: string;
  changed: boolean;
  /** "your value" when edited in the workspace, else the default's confidence. */
  basis: ValueBasis;
  /** Keys of `ReportAssumptions.sources`; the report prints them as numbered references. */
  sources: readonly string[];
  note: string;
}

export interface ReportAssumptions {
  rows: ReportAssumption[];
  /** Each source cited, by its key: publisher, title and public address (the keys stay inside the project). */
  sources: Readonly<Record<string, PublicSource>>;
  /** When the sources were collected: immigration rules change. */
  vintage: string;
}

export interface ReportInput {
  title: string;
  /** ISO timestamp. */
  generatedAt: string;
  datasets: ReportDataset[];
  /** Files of the person's loaded before (kept in this browser) that are not loaded now: named, never silently replaced. */
  goneFiles?: string[];
  /** Page one's place: the active service area and its totals; null when none is set. */
  area: ReportArea | null;
  /** Which views the map and the market sections show, and in words what they are. */
  views: { map: ViewChoice; market: ViewChoice; mapText: string; marketText: string };
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
  market: ReportMarkets | Unavailable;
  assumptions: ReportAssumptions;
  /** The $100,000 fee scenario and the employer's policy the forecast ran with, in words. */
  policy: FeePolicy;
  /** Candidate-level rows (one per person) appear only when true. */
  includeCandidates: boolean;
}

export const isUnavailable = (section: object): section is Unavailable => 'unavailable' in section;
