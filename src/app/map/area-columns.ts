// The columns of the table behind the map, shared by the screen's table, its CSV and the report:
// the metric with its date, the HRSA figures from the same source, and the other source's figures
// beside them under their own label and date.
import type { AreaValue } from '../../data/queries/shortage';
import type { HpsaSource } from '../../model/hpsa-sources';
import { METRICS, type MapView } from '../../model/map-view';
import { monthText } from './shortage-view';
import { MEASURE_INFO, SUPPLY_RELEASES } from '../../model/county-supply';
import { otherReleaseLabel, releaseYear, supplyMetric } from './supply-figures';
import { noProviderCounted, noProviderText, otherNoProviderCounted } from './area-rank';

export interface AreaColumn {
  key: string;
  label: string;
  /** Decimals for numbers; text columns have none. */
  digits?: number;
  value: (r: AreaValue) => number | string | null;
}

type HpsaField = 'designations' | 'fte_needed' | 'population' | 'need_met' | 'max_score' | 'weighted_score';

const HPSA_FIELDS: { key: HpsaField; label: string; digits: number; summary: boolean; detail: boolean }[] = [
  { key: 'designations', label: 'Designations', digits: 0, summary: true, detail: true },
  { key: 'fte_needed', label: 'Practitioners needed (FTE)', digits: 1, summary: true, detail: true },
  { key: 'population', label: 'Population of HPSAs', digits: 0, summary: true, detail: true },
  { key: 'need_met', label: '% of need met', digits: 2, summary: true, detail: false },
  { key: 'max_score', label: 'Highest score', digits: 0, summary: false, detail: true },
];

/**
 * Provider metrics: the shown release's value, year, count and population, then the other
 * release's under its own year and source: side by side, never added.
 */
function supplyColumns(view: MapView): AreaColumn[] {
  const s = supplyMetric(view)!;
  const metric = METRICS[view.metric];
  const year = releaseYear(s);
  const providers = MEASURE_INFO[s.measure].label;
  const other = otherReleaseLabel(s.measure, s.shown);
  // People but no provider counted: said in words in place of a ratio (the most severe, ranked first).
  const none = noProviderText(view);
  return [
    { key: 'value', label: `${metric.label}, ${year}`, digits: metric.digits, value: (r) => (noProviderCounted(view, r) ? none : r.value) },
    { key: 'as_of', label: 'Year', value: (r) => r.as_of },
    { key: 'providers', label: `${providers}, ${year}`, digits: 0, value: (r) => r.providers ?? null },
    { key: 'people', label: `Population, ${SUPPLY_RELEASES[s.shown].populations[s.measure]}`, digits: 0, value: (r) => r.people ?? null },
    {
      key: 'other_value',
      label: `${metric.label}, ${other}`,
      digits: metric.digits,
      value: (r) => (otherNoProviderCounted(view, r) ? none : (r.other_value ?? null)),
    },
    { key: 'other_providers', label: `${providers}, ${other}`, digits: 0, value: (r) => r.other_providers ?? null },
    {
      key: 'other_people',
      label: `Population, ${SUPPLY_RELEASES[1 - s.shown].populations[s.measure]} (CHR&R ${SUPPLY_RELEASES[1 - s.shown].release} release)`,
      digits: 0,
      value: (r) => r.other_people ?? null,
    },
  ];
}

/** The column of designations without an FTE figure, in the county table, the area totals and the report. */
export const FTE_MISSING_LABEL = 'Designations without an FTE figure (left out of the FTE)';

/** Detail files: how many designations have no FTE figure ("HPSA Shortage" blank: most FQHC and tribal designations). */
const FTE_MISSING_COLUMN: AreaColumn = {
  key: 'fte_missing',
  label: FTE_MISSING_LABEL,
  digits: 0,
  value: (r) => r.fte_missing ?? null,
};

export function areaColumns(view: MapView, main: HpsaSource | null, companion: HpsaSource | null): AreaColumn[] {
  const metric = METRICS[view.metric];
  if (metric.kind === 'supply') return supplyColumns(view);
  // HRSA's summaries publish whole practitioners and people; % of need met has two decimals.
  const digits = main?.kind === 'summary' ? (view.metric === 'need_met' ? 2 : 0) : metric.digits;
  const columns: AreaColumn[] = [
    { key: 'value', label: `${metric.label} (${metric.unit})`, digits, value: (r) => r.value },
    { key: 'as_of', label: 'As of', value: (r) => (r.as_of ? monthText(r.as_of) : null) },
  ];
  if (metric.kind !== 'hpsa' || !main) return columns;
  const kind = main.kind;
  for (const f of HPSA_FIELDS) {
    if (f.key !== view.metric && (kind === 'summary' ? f.summary && (f.key !== 'need_met' || main.hasNeedMet) : f.detail))
      columns.push({
        key: f.key,
        label: f.label,
        digits: kind === 'summary' && f.key === 'fte_needed' ? 0 : f.digits,
        value: (r) => r[f.key],
      });
    // Beside the FTE: the designations HRSA gives no FTE figure (left out of the sum, never counted as 0).
    if (f.key === 'fte_needed' && kind === 'detail') columns.push(FTE_MISSING_COLUMN);
  }
  if (view.level === 'county')
    columns.push({
      key: 'shared_designations',
      label: 'Of these, shared with other counties (counted whole in each)',
      digits: 0,
      value: (r) => r.shared_designations,
    });
  if (companion) {
    // The other source, under its own name and date: beside the main figures, never added to them.
    const other = `${companion.kind === 'detail' ? 'Detail file' : 'State summary'} ${companion.asOf}`;
    columns.push(
      { key: 'other_designations', label: `${other}: designations`, digits: 0, value: (r) => r.other_designations },
      {
        key: 'other_fte_needed',
        label: `${other}: FTE needed`,
        digits: companion.kind === 'detail' ? 1 : 0,
        value: (r) => r.other_fte_needed,
      },
      { key: 'other_population', label: `${other}: population`, digits: 0, value: (r) => r.other_population },
    );
  }
  return columns;
}
