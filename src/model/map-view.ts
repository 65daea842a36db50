// The shortage map's view: level, discipline, metric and filters. Pure data, kept in the URL so a
// link reopens the same view.

export type MapLevel = 'county' | 'state';
export type Discipline = 'Primary Care' | 'Mental Health' | 'Dental Health';
export type DesignationClass = 'all' | 'area' | 'facility';
export type Rurality = 'all' | 'rural' | 'metro';

const BOTH = ['county', 'state'] as const;
const STATE = ['state'] as const;

/**
 * What each map metric is: label and unit, the table its figures come from, the levels it exists
 * at, decimals shown, and its colour scheme ('supply': low values mean need, ranked lowest first).
 */
export const METRICS = {
  max_score: {
    label: 'Highest HPSA score',
    unit: 'HPSA score (higher = greater need)',
    hpsa: true,
    table: 'hpsa',
    levels: BOTH,
    digits: 0,
    scheme: 'need',
  },
  weighted_score: {
    label: 'HPSA score, population-weighted',
    unit: 'HPSA score weighted by designation population',
    hpsa: true,
    table: 'hpsa',
    levels: BOTH,
    digits: 1,
    scheme: 'need',
  },
  fte_needed: {
    label: 'FTE practitioners needed',
    unit: 'full-time-equivalent practitioners',
    hpsa: true,
    table: 'hpsa',
    levels: BOTH,
    digits: 1,
    scheme: 'need',
  },
  population: {
    label: 'Population in area HPSAs',
    unit: 'people in geographic and population HPSAs',
    hpsa: true,
    table: 'hpsa',
    levels: BOTH,
    digits: 0,
    scheme: 'need',
  },
  designations: {
    label: 'Number of designations',
    unit: 'HPSA designations',
    hpsa: true,
    table: 'hpsa',
    levels: BOTH,
    digits: 0,
    scheme: 'need',
  },
  specialty_gap: {
    label: 'Specialty gap per 100k (estimate)',
    unit: 'physicians per 100k below the national average',
    hpsa: false,
    table: 'ref_specialty_supply',
    levels: STATE,
    digits: 1,
    scheme: 'need',
  },
  lab_per_100k: {
    label: 'Lab technologists and technicians per 100k',
    unit: 'employed per 100k population, where BLS publishes it',
    hpsa: false,
    table: 'ref_lab_workforce',
    levels: STATE,
    digits: 1,
    scheme: 'supply',
  },
  lab_wage: {
    label: 'Lab technologists and technicians: mean annual wage',
    unit: 'US dollars a year (BLS OEWS May 2023)',
    hpsa: false,
    table: 'ref_lab_workforce',
    levels: STATE,
    digits: 0,
    scheme: 'supply',
  },
} as const;
export type Metric = keyof typeof METRICS;

export const STATUS_OPTIONS = ['Designated', 'Proposed For Withdrawal', 'Withdrawn'] as const;

export interface MapView {
  level: MapLevel;
  discipline: Discipline;
  metric: Metric;
  statuses: string[];
  designationClass: DesignationClass;
  /** Two-letter state codes; empty = all. */
  states: string[];
  censusRegion: string;
  censusDivision: string;
  hhsRegion: string;
  rural: Rurality;
  specialty: string;
  /** The county FIPS or state FIPS whose details are open. */
  selected: string;
}

export const DEFAULT_VIEW: MapView = {
  level: 'county',
  discipline: 'Primary Care',
  metric: 'fte_needed',
  statuses: ['Designated', 'Proposed For Withdrawal'],
  designationClass: 'all',
  states: [],
  censusRegion: '',
  censusDivision: '',
  hhsRegion: '',
  rural: 'all',
  specialty: 'primary care',
  selected: '',
};

const DISCIPLINES: Discipline[] = ['Primary Care', 'Mental Health', 'Dental Health'];

/** A metric that cannot be shown at the chosen level falls back to a sensible one. */
export function normaliseView(v: MapView): MapView {
  const levels: readonly string[] = METRICS[v.metric].levels;
  return levels.includes(v.level) ? v : { ...v, metric: 'fte_needed' };
}

export function viewToParams(v: MapView): URLSearchParams {
  const p = new URLSearchParams();
  const put = (k: string, value: string, fallback: string) => value !== fallback && p.set(k, value);
  put('level', v.level, DEFAULT_VIEW.level);
  put('discipline', v.discipline, DEFAULT_VIEW.discipline);
  put('metric', v.metric, DEFAULT_VIEW.metric);
  put('status', v.statuses.join(','), DEFAULT_VIEW.statuses.join(','));
  put('type', v.designationClass, DEFAULT_VIEW.designationClass);
  put('states', v.states.join(','), '');
  put('region', v.censusRegion, '');
  put('division', v.censusDivision, '');
  put('hhs', v.hhsRegion, '');
  put('rural', v.rural, DEFAULT_VIEW.rural);
  put('specialty', v.specialty, DEFAULT_VIEW.specialty);
  put('selected', v.selected, '');
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
  return normaliseView({
    level: pick(p.get('level'), ['county', 'state'] as const, DEFAULT_VIEW.level),
    discipline: pick(p.get('discipline'), DISCIPLINES, DEFAULT_VIEW.discipline),
    metric: pick(p.get('metric'), Object.keys(METRICS) as Metric[], DEFAULT_VIEW.metric),
    statuses: statuses.length ? statuses : DEFAULT_VIEW.statuses,
    designationClass: pick(p.get('type'), ['all', 'area', 'facility'] as const, DEFAULT_VIEW.designationClass),
    states: (p.get('states') ?? '').split(',').filter((s) => /^[A-Z]{2}$/.test(s)),
    censusRegion: text('region', /^[A-Za-z ]{0,30}$/),
    censusDivision: text('division', /^[A-Za-z ]{0,30}$/),
    hhsRegion: text('hhs', /^([1-9]|10)?$/),
    rural: pick(p.get('rural'), ['all', 'rural', 'metro'] as const, DEFAULT_VIEW.rural),
    specialty: text('specialty', /^[a-z/ ]{0,40}$/) || DEFAULT_VIEW.specialty,
    selected: text('selected', /^([0-9]{2}|[0-9]{5})?$/),
  });
}
