// Providers by county, state and nation as the map screen and the report say them: the vintage line,
// one place's every figure (both releases side by side, its state and the nation beside), a county's
// 2014–2021 trend, the view's and a service area's totals, and the area's primary-care physicians
// per 100,000 people for the report's first page. Each figure carries its year and source.
import type { Coordinator } from '../../data/cache/coordinator';
import { areaSupply, type AreaSupplyRow, type PlaceSupplyRow, type SupplyTotal, type TrendRow } from '../../data/queries/county-supply';
import {
  CONNECTICUT_NOTE,
  MEASURE_INFO,
  RECOVERED_NOTE,
  SUPPLY_MEASURES,
  SUPPLY_RELEASES,
  TREND_SOURCE,
  releaseIndex,
  supplySource,
  type SupplyMeasure,
} from '../../model/county-supply';
import { countOf, formatNumber } from '../../model/format';
import { METRICS, type MapView } from '../../model/map-view';
import type { ServiceArea } from '../../model/types';
import { stateByCode, stateByFips } from '../../model/workspace';
import type { AreaSupply, Unavailable } from '../report/report-input';
import type { FigureTable } from './state-figures';
import { noMatchText } from './view-words';

/** The provider metric's measure, form and the release the view shows (index into SUPPLY_RELEASES). */
export function supplyMetric(view: MapView): { measure: SupplyMeasure; form: 'per_100k' | 'pop_per'; shown: 0 | 1 } | null {
  const m = METRICS[view.metric];
  if (m.kind !== 'supply' || !m.measure || !m.form) return null;
  return { measure: m.measure, form: m.form, shown: releaseIndex(m.measure, view.asOf) };
}

/** The year of a release's figures for the view's measure: the shown release's unless `release` says which. */
export const releaseYear = (s: { measure: SupplyMeasure; shown: 0 | 1 }, release: 0 | 1 = s.shown): number =>
  SUPPLY_RELEASES[release].years[s.measure];

/** "3 counties", "1 state": a count of the view's areas. */
export const areasCount = (view: MapView, n: number): string =>
  view.level === 'county' ? countOf(n, 'county', 'counties') : countOf(n, 'state', 'states');

/** "HRSA Area Health Resources File 2022, via County Health Rankings & Roadmaps 2025": the source of the release a view shows. */
export function supplyVintage(view: MapView): string {
  const s = supplyMetric(view);
  if (!s) return '';
  const release = SUPPLY_RELEASES[s.shown];
  return supplySource(s.measure, release.years[s.measure], release.release);
}

/** The other release's label, e.g. "2019 (CHR&R 2022 release)": its year and County Health Rankings & Roadmaps' release. */
export function otherReleaseLabel(measure: SupplyMeasure, shown: 0 | 1): string {
  const other = SUPPLY_RELEASES[1 - shown];
  return `${other.years[measure]} (CHR&R ${other.release} release)`;
}

/** The choices of "Figures as of" for a provider metric: each release's year for it. */
export function supplyVintageOptions(view: MapView): { value: string; label: string }[] {
  const s = supplyMetric(view);
  if (!s) return [];
  return SUPPLY_RELEASES.map((r, i) => ({
    value: i === 0 ? '' : String(r.years[s.measure]),
    label: `${r.years[s.measure]}: ${supplySource(s.measure, r.years[s.measure], r.release)}`,
  }));
}

const releaseOf = (release: number) => SUPPLY_RELEASES.find((r) => r.release === release) ?? SUPPLY_RELEASES[0];

/** Notes under a table of provider figures: the releases are never added; Connecticut; what was recovered. */
function supplyNotes(ids: readonly string[]): string[] {
  return [
    'Each release is shown with its own year and source, side by side; the two are never added together or averaged.',
    ...(ids.some((id) => id.startsWith('09')) ? [CONNECTICUT_NOTE] : []),
    RECOVERED_NOTE,
  ];
}

const placeName = (fips: string, name: string) =>
  fips === '00000' ? 'United States' : fips.endsWith('000') ? (stateByFips(fips.slice(0, 2))?.name ?? fips) : name;

/** The first columns of a providers table, a place's or a service area's, and their cells. */
const FIGURE_COLUMNS: FigureTable['columns'] = [
  { label: 'Providers' },
  { label: 'Year', nowrap: true },
  { label: 'Count', digits: 0 },
  { label: 'Population', digits: 0 },
  { label: 'Per 100,000 people', digits: 1 },
  { label: 'People per provider', digits: 0 },
];
const figureCells = (
  m: SupplyMeasure,
  year: number,
  r: { providers: number | null; people: number | null; per_100k: number | null; pop_per: number | null } | undefined,
) => [MEASURE_INFO[m].label, String(year), r?.providers ?? null, r?.people ?? null, r?.per_100k ?? null, r?.pop_per ?? null];

/**
 * Every provider figure of one county or state, both releases side by side, each with its year and
 * source, its state's and the nation's rate of the same year beside it.
 */
export function placeSupplyTable(geo: string, name: string, rows: readonly PlaceSupplyRow[]): FigureTable {
  const own = geo.length === 2 ? `${geo}000` : geo;
  const rate = (fips: string, r: PlaceSupplyRow) =>
    rows.find((x) => x.fips === fips && x.measure === r.measure && x.release === r.release)?.per_100k ?? null;
  const state = `${geo.slice(0, 2)}000`;
  const ownRows = rows.filter((r) => r.fips === own);
  return {
    id: `supply-${geo}`,
    title: `${placeName(own, name)}: health-care providers, both releases`,
    columns: [
      ...FIGURE_COLUMNS,
      ...(own === state ? [] : [{ label: `${placeName(state, '')}: per 100,000`, digits: 1 }]),
      { label: 'United States: per 100,000', digits: 1 },
      { label: 'Source' },
    ],
    rows: SUPPLY_MEASURES.flatMap((m) =>
      SUPPLY_RELEASES.map((release) => {
        const r = ownRows.find((x) => x.measure === m && x.release === release.release);
        const year = r?.year ?? release.years[m];
        return [
          ...figureCells(m, year, r),
          ...(own === state ? [] : [r ? rate(state, r) : null]),
          r ? rate('00000', r) : null,
          r ? supplySource(m, year, release.release) : `no figure in County Health Rankings & Roadmaps ${release.release}`,
        ];
      }),
    ),
    notes: supplyNotes([own]),
  };
}

/** The 2014–2021 trend as a table (the chart's numbers): people per primary-care physician by year. */
export function trendTable(geo: string, rows: readonly TrendRow[]): FigureTable {
  return {
    id: `trend-${geo}`,
    title: `The chart's figures`,
    columns: [{ label: 'Year', nowrap: true }, { label: 'People per primary-care physician', digits: 0 }, { label: 'Quality flag' }],
    rows: rows.map((r) => [
      String(r.year),
      r.pop_per_pcp === 0 ? 'no physician (2,000 people or fewer)' : r.pop_per_pcp,
      r.quality == null ? null : (['strong', 'marginal', 'weak'][r.quality - 1] ?? String(r.quality)),
    ]),
    notes: [
      `${TREND_SOURCE}: a ratio by head count for each year. No ratio: no physician counted in a county of more than 2,000 people, or no figure that year. Ratios of one county over time; never added across counties.`,
    ],
  };
}

export interface SupplyCard {
  key: string;
  value: string;
  label: string;
}

/** The view's totals as cards: the shown release's rate and count, the other release beside it, never added to it. */
export function supplyCards(view: MapView, totals: readonly SupplyTotal[]): SupplyCard[] {
  const s = supplyMetric(view);
  if (!s) return [];
  const info = METRICS[view.metric];
  const main = totals.find((t) => t.release === SUPPLY_RELEASES[s.shown].release);
  const other = totals.find((t) => t.release === SUPPLY_RELEASES[1 - s.shown].release);
  if (!main) return [];
  const areas = view.level === 'county' ? 'counties' : 'states';
  // The release's year, also where no area shown has a figure of it (Connecticut).
  const year = releaseYear(s);
  const unit =
    s.form === 'per_100k'
      ? `${MEASURE_INFO[s.measure].providers} per 100,000 people`
      : `people per ${MEASURE_INFO[s.measure].providers.replace(/s$/, '')}`;
  const cards: SupplyCard[] = [
    {
      key: 'rate',
      value: formatNumber(main.value, info.digits),
      label:
        main.areas > 0
          ? `${unit}, ${year}: the ${formatNumber(main.areas)} ${areas} shown with a figure, counts and people summed`
          : main.missing === 0
            ? `${unit}, ${year}: ${noMatchText(view).replace(/^No/, 'no')}`
            : `${unit}, ${year}: none of the ${areas} shown has a figure`,
    },
    { key: 'providers', value: formatNumber(main.providers), label: `${MEASURE_INFO[s.measure].providers}, ${year}` },
    {
      key: 'people',
      value: formatNumber(main.people),
      label: `people they serve (population, ${SUPPLY_RELEASES[s.shown].populations[s.measure]})`,
    },
  ];
  if (other?.value != null)
    cards.push({
      key: 'other',
      value: formatNumber(other.value, info.digits),
      label: `${unit}, ${otherReleaseLabel(s.measure, s.shown)}: shown beside, never added`,
    });
  return cards;
}

/** What the view's totals leave out, and the nation's own figure when the view is the whole country. */
export function supplyTotalsNotes(view: MapView, totals: readonly SupplyTotal[]): string[] {
  const s = supplyMetric(view);
  const main = totals.find((t) => t.release === SUPPLY_RELEASES[s?.shown ?? 0].release);
  if (!s || !main) return [];
  const year = releaseYear(s);
  const notes: string[] = [];
  if (main.missing > 0) {
    const ct = main.missing_ids.split(', ').every((id) => id.startsWith('09'));
    notes.push(
      `${areasCount(view, main.missing)} shown ha${main.missing === 1 ? 's' : 've'} no ${year} figure and ${main.missing === 1 ? 'is' : 'are'} left out of the totals${ct ? ' (Connecticut)' : ''}.`,
    );
  }
  if (main.nation_value != null)
    notes.push(
      `The nation’s own row: ${formatNumber(main.nation_providers)} ${MEASURE_INFO[s.measure].providers}, ${formatNumber(main.nation_people)} people, ${formatNumber(main.nation_value, METRICS[view.metric].digits)}${s.form === 'per_100k' ? ' per 100,000' : ' people per provider'}${main.nation_providers !== main.providers ? ' (it counts Connecticut, which no state or county row does)' : ''}.`,
    );
  return notes;
}

/** The members of a service area whose figures are added: whole states, and counties outside them. */
export function supplyMembers(area: Pick<ServiceArea, 'counties' | 'states'>): { counties: string[]; states: string[] } {
  const whole = new Set(area.states.map((s) => stateByCode(s)?.fips).filter(Boolean));
  return { counties: area.counties.filter((c) => !whole.has(c.slice(0, 2))), states: [...area.states] };
}

export function areaSupplyQuery(area: Pick<ServiceArea, 'counties' | 'states'>) {
  const m = supplyMembers(area);
  return areaSupply(m.counties, m.states);
}

export async function gatherAreaSupply(coordinator: Pick<Coordinator, 'query'>, area: ServiceArea): Promise<AreaSupplyRow[]> {
  return coordinator.query(areaSupplyQuery(area));
}

/** A member's name in a list of gaps: a county's label, or a state's name. */
type NameOf = (fips: string) => string;
const missingText = (ids: string, nameOf: NameOf) =>
  ids
    .split(', ')
    .filter(Boolean)
    .map((id) => (id.endsWith('000') ? (stateByFips(id.slice(0, 2))?.name ?? id) : nameOf(id)))
    .join(', ');

/** A service area's providers: per measure, both releases side by side, counts and people summed, rates from the sums. */
export function areaSupplyTable(areaName: string, rows: readonly AreaSupplyRow[], nameOf: NameOf): FigureTable {
  return {
    id: 'area-supply',
    title: `${areaName}: health-care providers, counts summed over its counties and states`,
    columns: [...FIGURE_COLUMNS, { label: 'Without a figure (left out)' }, { label: 'Source' }],
    rows: SUPPLY_MEASURES.flatMap((m) =>
      SUPPLY_RELEASES.map((release) => {
        const r = rows.find((x) => x.measure === m && x.release === release.release);
        const year = r?.year ?? release.years[m];
        return [
          ...figureCells(m, year, r),
          r?.missing_ids ? missingText(r.missing_ids, nameOf) : '',
          supplySource(m, year, release.release),
        ];
      }),
    ),
    notes: [
      'Counts and populations are summed over the area’s counties (a whole state by its own row); the rates are computed from the sums, never averaged.',
      ...supplyNotes(rows.flatMap((r) => r.missing_ids.split(', '))),
    ],
  };
}

/**
 * The area's primary-care physicians per 100,000 people for the report's first page: the newest
 * release with a figure for every county; else the older one if it has them all; else the newest,
 * saying which counties lack a figure.
 */
export function primaryCareSupply(rows: readonly AreaSupplyRow[], nameOf: NameOf): AreaSupply | Unavailable {
  const pcp = SUPPLY_RELEASES.map((r) => rows.find((x) => x.measure === 'pcp' && x.release === r.release));
  const complete = pcp.find((r) => r && r.providers != null && !r.missing_ids);
  const chosen = complete ?? pcp.find((r) => r?.providers != null);
  if (!chosen || chosen.providers == null || chosen.people == null || chosen.per_100k == null || chosen.year == null)
    return { unavailable: 'no county of the area has a primary-care physician figure in either release' };
  const gap = chosen.missing_ids ? `; left out, without a figure: ${missingText(chosen.missing_ids, nameOf)}` : '';
  const older = complete && complete !== pcp[0] ? ' (the newest release lacks a figure for some of its counties)' : '';
  return {
    physicians: chosen.providers,
    population: chosen.people,
    perHundredThousand: chosen.per_100k,
    year: String(chosen.year),
    source: `${supplySource('pcp', chosen.year, releaseOf(chosen.release).release)}${older}; counts summed over the area, the rate from the sums${gap}`,
  };
}
