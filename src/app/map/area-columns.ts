// The columns of the table behind the map, shared by the screen's table, its CSV and the report:
// the metric with its date, the HRSA figures from the same source, and the other source's figures
// beside them under their own label and date.
import type { AreaValue } from '../../data/queries/shortage';
import type { HpsaSource } from '../../model/hpsa-sources';
import { METRICS, type MapView } from '../../model/map-view';
import { monthText } from './shortage-view';

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

export function areaColumns(view: MapView, main: HpsaSource | null, companion: HpsaSource | null): AreaColumn[] {
  const metric = METRICS[view.metric];
  // HRSA's summaries publish whole practitioners and people; % of need met has two decimals.
  const digits = main?.kind === 'summary' ? (view.metric === 'need_met' ? 2 : 0) : metric.digits;
  const columns: AreaColumn[] = [
    { key: 'value', label: `${metric.label} (${metric.unit})`, digits, value: (r) => r.value },
    { key: 'as_of', label: 'As of', value: (r) => (r.as_of ? monthText(r.as_of) : null) },
  ];
  if (metric.kind !== 'hpsa' || !main) return columns;
  const kind = main.kind;
  for (const f of HPSA_FIELDS)
    if (f.key !== view.metric && (kind === 'summary' ? f.summary && (f.key !== 'need_met' || main.hasNeedMet) : f.detail))
      columns.push({
        key: f.key,
        label: f.label,
        digits: kind === 'summary' && f.key === 'fte_needed' ? 0 : f.digits,
        value: (r) => r[f.key],
      });
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
