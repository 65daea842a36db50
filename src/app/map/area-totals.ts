// Totals on the map screen: of the view (its areas' figures summed by the engine) or, when the user
// chooses it, of the active service area (its own HRSA totals, each designation once, and its
// providers, counts summed and rates from the sums) — never the state's or the nation's in its place.
// The summary cards and the table's total row both come from here; the report's first page says the same.
import type { AreaSupplyRow, SupplyTotal } from '../../data/queries/county-supply';
import type { ShortageSummary } from '../../data/queries/shortage';
import { SUPPLY_RELEASES } from '../../model/county-supply';
import { countOf, formatNumber } from '../../model/format';
import { METRICS, type Discipline, type MapView } from '../../model/map-view';
import type { ServiceArea } from '../../model/types';
import { isUnavailable, type Unavailable } from '../report/report-input';
import type { AreaTotal, ServiceAreaTotals } from './service-area-totals';
import { noMatchText } from './view-words';
import { areasCount, primaryCareSupply, releaseYear, supplyMetric, type SupplyCard } from './supply-figures';

/** A table's total row: a label and a value per column key (areaColumns); columns without one stay empty. */
export interface TotalRow {
  label: string;
  values: Record<string, number | string | null>;
}

/** The disciplines whose HRSA totals a service area has (dental HPSAs are outside the plan). */
export const totalsDiscipline = (view: MapView): Discipline =>
  METRICS[view.metric].kind === 'hpsa' && view.discipline !== 'Dental Health' ? view.discipline : 'Primary Care';

/** The view's own total row, from the queries behind its summary cards; null for metrics that cannot be added (a state's rate or wage). */
export function viewTotalRow(
  view: MapView,
  hpsa: ShortageSummary | undefined,
  supply: readonly SupplyTotal[] | undefined,
): TotalRow | null {
  const s = supplyMetric(view);
  if (s && supply) {
    const main = supply.find((t) => t.release === SUPPLY_RELEASES[s.shown].release);
    const other = supply.find((t) => t.release === SUPPLY_RELEASES[1 - s.shown].release);
    if (!main) return null;
    // Connecticut's counties have no figures of the newest release: say so, not "the 0 counties".
    const label =
      main.areas > 0
        ? `Total of the ${areasCount(view, main.areas)} with a figure`
        : main.missing === 0
          ? noMatchText(view)
          : `No ${releaseYear(s)} figure here${other && other.areas > 0 ? `; beside it, the ${releaseYear(s, s.shown === 0 ? 1 : 0)} figures of ${areasCount(view, other.areas)} summed` : ''}`;
    return {
      label,
      values: {
        value: main.value,
        as_of: main.year == null ? null : String(main.year),
        providers: main.providers,
        people: main.people,
        other_value: other?.value ?? null,
        other_providers: other?.providers ?? null,
        other_people: other?.people ?? null,
      },
    };
  }
  if (METRICS[view.metric].kind === 'hpsa' && hpsa) {
    const values: TotalRow['values'] = {
      designations: hpsa.designations,
      fte_needed: hpsa.fte_needed,
      fte_missing: hpsa.fte_missing ?? null,
      population: hpsa.population,
      as_of: hpsa.as_of,
    };
    if (view.metric in values) values.value = values[view.metric];
    return { label: `Total of the view (${hpsa.basis === 'detail' ? 'each designation once' : 'HRSA’s state rows summed'})`, values };
  }
  return null;
}

/** The area's HRSA total for the discipline: the detail files' where they cover it, else the published summary's. */
const hrsaTotal = (totals: ServiceAreaTotals | Unavailable | undefined, discipline: Discipline): AreaTotal | undefined =>
  totals && !isUnavailable(totals)
    ? (totals.totals.find((t) => t.discipline === discipline && t.basis === 'detail') ??
      totals.totals.find((t) => t.discipline === discipline))
    : undefined;

/** The service area's total row for the view's columns: its HRSA figures (each designation once) or its providers. */
export function areaTotalRow(
  view: MapView,
  area: ServiceArea,
  totals: ServiceAreaTotals | Unavailable | undefined,
  supply: readonly AreaSupplyRow[] | undefined,
): TotalRow | null {
  const s = supplyMetric(view);
  const label = `Service area ${area.name}`;
  if (s) {
    if (!supply) return null;
    const of = (i: 0 | 1) => supply.find((r) => r.measure === s.measure && r.release === SUPPLY_RELEASES[i].release);
    const value = (r: AreaSupplyRow | undefined) => (r ? (s.form === 'per_100k' ? r.per_100k : r.pop_per) : null);
    const [main, other] = [of(s.shown), of(s.shown === 0 ? 1 : 0)];
    return {
      label,
      values: {
        value: value(main),
        as_of: main?.year == null ? null : String(main.year),
        providers: main?.providers ?? null,
        people: main?.people ?? null,
        other_value: value(other),
        other_providers: other?.providers ?? null,
        other_people: other?.people ?? null,
      },
    };
  }
  if (METRICS[view.metric].kind !== 'hpsa') return null;
  const t = hrsaTotal(totals, totalsDiscipline(view));
  if (!t) return null;
  const values: TotalRow['values'] = {
    designations: t.designations,
    fte_needed: t.fteNeeded,
    fte_missing: t.fteMissing,
    population: t.population,
    as_of: t.asOf,
  };
  if (view.metric in values) values.value = values[view.metric];
  return { label: `${label} (each designation once; ${t.source})`, values };
}

/** "; 2 designations without an FTE figure in HRSA’s file left out" (their need is unknown, not 0), as the view's cards say it. */
export const fteMissingWords = (t: Pick<AreaTotal, 'fteMissing'>): string =>
  t.fteMissing ? `; ${countOf(t.fteMissing, 'designation')} without an FTE figure in HRSA’s file left out` : '';

/** The area's cards: its HRSA figures for the discipline and its primary-care physicians per 100,000, each with its source and date. */
export function areaTotalCards(
  view: MapView,
  totals: ServiceAreaTotals | Unavailable | undefined,
  supply: readonly AreaSupplyRow[] | undefined,
  nameOf: (fips: string) => string,
): { cards: SupplyCard[]; notes: string[] } {
  const discipline = totalsDiscipline(view);
  const t = hrsaTotal(totals, discipline);
  const cards: SupplyCard[] = [];
  const notes: string[] = [];
  if (t) {
    const when = `${t.source}${t.source.includes(t.asOf) ? '' : `, data of ${t.asOf}`}`;
    cards.push(
      {
        key: 'area-fte',
        value: formatNumber(t.fteNeeded, t.basis === 'detail' ? 1 : 0),
        label: `${discipline} practitioners needed (FTE) to remove the area’s designations${fteMissingWords(t)} — ${when}`,
      },
      {
        key: 'area-designations',
        value: formatNumber(t.designations),
        label: `${discipline} designations touching the area, each counted once — ${when}`,
      },
      { key: 'area-population', value: formatNumber(t.population), label: `people in its geographic and population HPSAs — ${when}` },
    );
    if (t.extendBeyond > 0)
      notes.push(
        `${countOf(t.extendBeyond, 'designation reaches', 'designations reach')} beyond the area, counted whole as HRSA sizes them.`,
      );
  } else if (totals && isUnavailable(totals)) notes.push(`HRSA figures: ${totals.unavailable}`);
  else if (totals) notes.push(`No HRSA ${discipline.toLowerCase()} figures are loaded for the area.`);
  if (totals && !isUnavailable(totals)) notes.push(...totals.gaps);
  if (supply) {
    const pcp = primaryCareSupply(supply, nameOf);
    if (isUnavailable(pcp)) notes.push(`Primary-care physicians: ${pcp.unavailable}.`);
    else {
      cards.push(
        {
          key: 'area-pcp-rate',
          value: formatNumber(pcp.perHundredThousand, 1),
          label: `primary-care physicians per 100,000 people, ${pcp.year}`,
        },
        {
          key: 'area-pcp',
          value: formatNumber(pcp.physicians),
          label: `primary-care physicians, ${pcp.year}, for ${formatNumber(pcp.population)} people`,
        },
      );
      notes.push(`Primary-care physicians: ${pcp.source}`);
    }
  }
  return { cards, notes };
}
