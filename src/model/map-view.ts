// The shortage map's view: level, discipline, metric, vintage and filters. Pure data, kept in the
// URL so a link reopens the same view.
import type { SupplyMeasure } from './county-supply';

export type MapLevel = 'county' | 'state';
export type Discipline = 'Primary Care' | 'Mental Health' | 'Dental Health';
export type DesignationClass = 'all' | 'area' | 'facility';
export type Rurality = 'all' | 'rural' | 'metro';

const BOTH = ['county', 'state'] as const;
const STATE = ['state'] as const;

/**
 * Where a metric's figures come from: HRSA's shortage designations (state summaries or a detail
 * file), providers by county (AHRF and NPPES via County Health Rankings & Roadmaps), AAMC's
 * physician workforce by state, AAMC's specialty counts, BLS's lab workforce, and demand: DOL's
 * H-1B wage filings (LCAs).
 */
export type MetricKind = 'hpsa' | 'supply' | 'physicians' | 'specialty' | 'lab' | 'demand';

/** Columns of HRSA's state summary (ref_hpsa_state) a metric reads; null: detail files only. */
export type SummaryField = 'designations' | 'population' | 'practitioners_needed' | 'pct_need_met';

interface MetricInfo {
  kind: MetricKind;
  label: string;
  unit: string;
  levels: readonly MapLevel[];
  digits: number;
  /** 'need': high values mean need (ranked highest first); 'supply': low values do; 'neutral': neither. */
  scheme: 'need' | 'supply' | 'neutral';
  /** HPSA metrics: the state-summary column, or null where only detail files have the figure. */
  summary?: SummaryField | null;
  /** HPSA metrics: whether a detail file gives it. */
  detail?: boolean;
  /** Workforce metrics: the column of the metric's table. */
  column?: string;
  /** Provider supply: the measure, and whether the figure is a rate per 100,000 people or people per provider. */
  measure?: SupplyMeasure;
  form?: 'per_100k' | 'pop_per';
}

/** Every map metric: label and unit, where its figures come from, the levels it exists at, decimals shown, colours. */
export const METRICS = {
  fte_needed: {
    kind: 'hpsa',
    label: 'Practitioners needed (FTE)',
    unit: 'full-time practitioners needed to remove the designations',
    levels: BOTH,
    digits: 1,
    scheme: 'need',
    summary: 'practitioners_needed',
    detail: true,
  },
  designations: {
    kind: 'hpsa',
    label: 'Number of designations',
    unit: 'HPSA designations',
    levels: BOTH,
    digits: 0,
    scheme: 'need',
    summary: 'designations',
    detail: true,
  },
  population: {
    kind: 'hpsa',
    label: 'Population of HPSAs',
    unit: 'people in geographic and population HPSAs',
    levels: BOTH,
    digits: 0,
    scheme: 'need',
    summary: 'population',
    detail: true,
  },
  need_met: {
    kind: 'hpsa',
    label: '% of need met',
    unit: "% of the practitioners needed who practise there (HRSA's summary)",
    levels: STATE,
    digits: 1,
    scheme: 'supply',
    summary: 'pct_need_met',
    detail: false,
  },
  max_score: {
    kind: 'hpsa',
    label: 'Highest HPSA score',
    unit: 'HPSA score (higher = greater need)',
    levels: BOTH,
    digits: 0,
    scheme: 'need',
    summary: null,
    detail: true,
  },
  weighted_score: {
    kind: 'hpsa',
    label: 'HPSA score, population-weighted',
    unit: 'HPSA score weighted by designation population',
    levels: BOTH,
    digits: 1,
    scheme: 'need',
    summary: null,
    detail: true,
  },
  supply_pcp_per_100k: {
    kind: 'supply',
    label: 'Primary-care physicians per 100k',
    unit: 'primary-care physicians (MD and DO in patient care, residents excluded) per 100,000 people',
    levels: BOTH,
    digits: 1,
    scheme: 'supply',
    measure: 'pcp',
    form: 'per_100k',
  },
  supply_pop_per_pcp: {
    kind: 'supply',
    label: 'People per primary-care physician',
    unit: 'people per primary-care physician (by head count)',
    levels: BOTH,
    digits: 0,
    scheme: 'need',
    measure: 'pcp',
    form: 'pop_per',
  },
  supply_mhp_per_100k: {
    kind: 'supply',
    label: 'Mental-health providers per 100k',
    unit: 'mental-health providers (psychiatrists, psychologists, counsellors, social workers…) per 100,000 people',
    levels: BOTH,
    digits: 1,
    scheme: 'supply',
    measure: 'mhp',
    form: 'per_100k',
  },
  supply_other_pcp_per_100k: {
    kind: 'supply',
    label: 'Other primary-care providers per 100k',
    unit: 'nurse practitioners, physician assistants and clinical nurse specialists in primary care per 100,000 people',
    levels: BOTH,
    digits: 1,
    scheme: 'supply',
    measure: 'other_pcp',
    form: 'per_100k',
  },
  supply_dentists_per_100k: {
    kind: 'supply',
    label: 'Dentists per 100k',
    unit: 'dentists per 100,000 people',
    levels: BOTH,
    digits: 1,
    scheme: 'supply',
    measure: 'dentists',
    form: 'per_100k',
  },
  physicians_per_100k: {
    kind: 'physicians',
    label: 'Active physicians per 100k',
    unit: 'active physicians per 100,000 people',
    levels: STATE,
    digits: 1,
    scheme: 'supply',
    column: 'active_per_100k',
  },
  primary_care_per_100k: {
    kind: 'physicians',
    label: 'Active primary-care physicians per 100k',
    unit: 'active primary-care physicians per 100,000 people',
    levels: STATE,
    digits: 1,
    scheme: 'supply',
    column: 'primary_care_per_100k',
  },
  general_surgery_per_100k: {
    kind: 'physicians',
    label: 'General surgeons per 100k',
    unit: 'active general surgeons per 100,000 people',
    levels: STATE,
    digits: 1,
    scheme: 'supply',
    column: 'general_surgery_per_100k',
  },
  img_share: {
    kind: 'physicians',
    label: 'IMGs, % of active physicians',
    unit: '% of active physicians who are international medical graduates',
    levels: STATE,
    digits: 1,
    scheme: 'neutral',
    column: 'pct_img',
  },
  female_share: {
    kind: 'physicians',
    label: 'Women, % of active physicians',
    unit: '% of active physicians who are women',
    levels: STATE,
    digits: 1,
    scheme: 'neutral',
    column: 'pct_female',
  },
  age_60_share: {
    kind: 'physicians',
    label: 'Aged 60 or over, % of active physicians',
    unit: '% of active physicians aged 60 or over',
    levels: STATE,
    digits: 1,
    scheme: 'need',
    column: 'pct_age_60_plus',
  },
  specialty_physicians: {
    kind: 'specialty',
    label: 'Active physicians in the specialty',
    unit: 'active physicians (a count, not a rate)',
    levels: STATE,
    digits: 0,
    scheme: 'neutral',
    column: 'active_physicians',
  },
  lab_wage: {
    kind: 'lab',
    label: 'Lab technologists and technicians: mean annual wage',
    unit: 'US dollars a year',
    levels: STATE,
    digits: 0,
    scheme: 'supply',
    column: 'annual_mean_wage',
  },
  lab_employment: {
    kind: 'lab',
    label: 'Lab technologists and technicians employed',
    unit: 'jobs, where BLS publishes the state figure',
    levels: STATE,
    digits: 0,
    scheme: 'neutral',
  },
  lca_physicians: {
    kind: 'demand',
    label: 'H-1B LCA filings: physicians',
    unit: 'H-1B LCA filings (employers’ attestations before a petition, not hires) for physicians in the loaded DOL quarter, residents and fellows excluded',
    levels: STATE,
    digits: 0,
    scheme: 'need',
  },
  lca_physicians_per_100k: {
    kind: 'demand',
    label: 'H-1B LCA filings: physicians per 100k people',
    unit: 'physician H-1B LCA filings in the loaded DOL quarter per 100,000 people (Census 2023)',
    levels: STATE,
    digits: 2,
    scheme: 'need',
  },
  lca_lab: {
    kind: 'demand',
    label: 'H-1B LCA filings: lab technologists',
    unit: 'H-1B LCA filings (employers’ attestations before a petition, not hires) for lab technologists and technicians in the loaded DOL quarter',
    levels: STATE,
    digits: 0,
    scheme: 'need',
  },
  lca_lab_per_100k: {
    kind: 'demand',
    label: 'H-1B LCA filings: lab technologists per 100k people',
    unit: 'lab technologist H-1B LCA filings in the loaded DOL quarter per 100,000 people (Census 2023)',
    levels: STATE,
    digits: 2,
    scheme: 'need',
  },
} as const satisfies Record<string, MetricInfo>;
export type Metric = keyof typeof METRICS;

/** The metric's facts, typed as the general shape (optional fields readable). */
export const metricInfo = (m: Metric): MetricInfo => METRICS[m];

/** Groups for the "Colour by" list. */
export const METRIC_GROUPS: { label: string; kinds: MetricKind[] }[] = [
  { label: 'HRSA shortage designations', kinds: ['hpsa'] },
  { label: 'Providers by county (AHRF, NPPES via County Health Rankings)', kinds: ['supply'] },
  { label: 'Physicians (AAMC)', kinds: ['physicians', 'specialty'] },
  { label: 'Laboratory workforce (BLS)', kinds: ['lab'] },
  { label: 'H-1B LCA filings (DOL)', kinds: ['demand'] },
];

/** The tables a metric's figures come from, for its source line. */
export const METRIC_TABLES: Record<MetricKind, readonly string[]> = {
  hpsa: ['ref_hpsa_state', 'hpsa'],
  supply: ['supply_chr2025', 'supply_chr2022'],
  physicians: ['ref_physicians_state'],
  specialty: ['ref_physician_specialty_state'],
  lab: ['ref_lab_workforce'],
  demand: ['lca_filings'],
};

/** BLS lab employment: two vintages, each in its own column, never merged. */
export const LAB_EMPLOYMENT_VINTAGES = [
  { asOf: '2024-05', column: 'employment_2024_05', label: 'May 2024' },
  { asOf: '2023-05', column: 'employment_2023_05', label: 'May 2023' },
] as const;

export const STATUS_OPTIONS = ['Designated', 'Proposed For Withdrawal', 'Withdrawn'] as const;

export interface MapView {
  level: MapLevel;
  discipline: Discipline;
  metric: Metric;
  /**
   * Which vintage the map shows: a state-summary date ("2021-09-30"), "detail" for the loaded
   * detail file, a lab-employment month ("2023-05"), a provider measure's year ("2019"); '' for the default.
   */
  asOf: string;
  statuses: string[];
  designationClass: DesignationClass;
  /** Two-letter state codes; empty = all. */
  states: string[];
  censusRegion: string;
  censusDivision: string;
  hhsRegion: string;
  rural: Rurality;
  /** Specialty id (src/model/specialties.ts) for the specialty metric. */
  specialty: string;
  /** The county FIPS or state FIPS whose details are open. */
  selected: string;
  /** What the summary cards and the table's total row add up: the view's areas, or the active service area's own. */
  totals: 'view' | 'area';
}

/** The first screen: every state, coloured by HRSA's published primary-care need. */
export const DEFAULT_VIEW: MapView = {
  level: 'state',
  discipline: 'Primary Care',
  metric: 'fte_needed',
  asOf: '',
  statuses: ['Designated', 'Proposed For Withdrawal'],
  designationClass: 'all',
  states: [],
  censusRegion: '',
  censusDivision: '',
  hhsRegion: '',
  rural: 'all',
  specialty: 'family medicine',
  selected: '',
  totals: 'view',
};

export const DISCIPLINES: Discipline[] = ['Primary Care', 'Mental Health', 'Dental Health'];

/**
 * The metric each level opens with: states by HRSA's published primary-care need (every state has
 * it); counties by primary-care physicians per 100,000 people, which every county has (HRSA's
 * county detail is embedded for California only).
 */
export const DEFAULT_METRIC: Readonly<Record<MapLevel, Metric>> = { state: 'fte_needed', county: 'supply_pcp_per_100k' };

/** The view at another level: a level's default metric becomes the other level's; a chosen one is kept. */
export function withLevel(v: MapView, level: MapLevel): MapView {
  if (level === v.level) return v;
  const metric = v.metric === DEFAULT_METRIC[v.level] ? DEFAULT_METRIC[level] : v.metric;
  return normaliseView({ ...v, level, metric, asOf: metric === v.metric ? v.asOf : '' });
}

/** A metric that cannot be shown at the chosen level falls back to a sensible one. */
export function normaliseView(v: MapView): MapView {
  const levels: readonly string[] = METRICS[v.metric].levels;
  return levels.includes(v.level) ? v : { ...v, metric: 'fte_needed' };
}

/** The URL parameters the map view writes (other screens keep theirs beside them). */
export const MAP_PARAMS = [
  'level',
  'discipline',
  'metric',
  'asof',
  'status',
  'type',
  'states',
  'region',
  'division',
  'hhs',
  'rural',
  'specialty',
  'selected',
  'totals',
] as const;

export function viewToParams(v: MapView): URLSearchParams {
  const p = new URLSearchParams();
  const put = (k: string, value: string, fallback: string) => value !== fallback && p.set(k, value);
  put('level', v.level, DEFAULT_VIEW.level);
  put('discipline', v.discipline, DEFAULT_VIEW.discipline);
  put('metric', v.metric, DEFAULT_METRIC[v.level]);
  put('asof', v.asOf, '');
  put('status', v.statuses.join(','), DEFAULT_VIEW.statuses.join(','));
  put('type', v.designationClass, DEFAULT_VIEW.designationClass);
  put('states', v.states.join(','), '');
  put('region', v.censusRegion, '');
  put('division', v.censusDivision, '');
  put('hhs', v.hhsRegion, '');
  put('rural', v.rural, DEFAULT_VIEW.rural);
  put('specialty', v.specialty, DEFAULT_VIEW.specialty);
  put('selected', v.selected, '');
  put('totals', v.totals, DEFAULT_VIEW.totals);
  return p;
}

/** Reads a view from URL parameters; unknown or hostile values fall back to the defaults. */
export function viewFromParams(p: URLSearchParams): MapView {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  const text = (k: string, pattern: RegExp) => {
    const v = p.get(k) ?? '';
    return pattern.test(v) ? v : '';
  };
  const statuses = (p.get('status') ?? DEFAULT_VIEW.statuses.join(','))
    .split(',')
    .filter((s) => (STATUS_OPTIONS as readonly string[]).includes(s));
  const level = pick(p.get('level'), ['county', 'state'] as const, DEFAULT_VIEW.level);
  return normaliseView({
    level,
    discipline: pick(p.get('discipline'), DISCIPLINES, DEFAULT_VIEW.discipline),
    metric: pick(p.get('metric'), Object.keys(METRICS) as Metric[], DEFAULT_METRIC[level]),
    asOf: text('asof', /^(detail|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$/),
    statuses: statuses.length ? statuses : DEFAULT_VIEW.statuses,
    designationClass: pick(p.get('type'), ['all', 'area', 'facility'] as const, DEFAULT_VIEW.designationClass),
    states: (p.get('states') ?? '').split(',').filter((s) => /^[A-Z]{2}$/.test(s)),
    censusRegion: text('region', /^[A-Za-z ]{0,30}$/),
    censusDivision: text('division', /^[A-Za-z ]{0,30}$/),
    hhsRegion: text('hhs', /^([1-9]|10)?$/),
    rural: pick(p.get('rural'), ['all', 'rural', 'metro'] as const, DEFAULT_VIEW.rural),
    specialty: text('specialty', /^[a-z/ ]{0,40}$/) || DEFAULT_VIEW.specialty,
    selected: text('selected', /^([0-9]{2}|[0-9]{5})?$/),
    totals: pick(p.get('totals'), ['view', 'area'] as const, DEFAULT_VIEW.totals),
  });
}
