// The timing assumptions a report states: the ones the forecast ran with, in words, next to their
// defaults, basis and sources.
import {
  ASSUMPTION_FIELDS,
  ASSUMPTION_META,
  DEFAULT_ASSUMPTIONS,
  basisOf,
  type AssumptionMeta,
  type Assumptions,
} from '../../model/timing/assumptions';
import { SOURCES, SOURCES_VINTAGE, sourceText } from '../../model/timing/sources';
import { formatIsoDate, parseIsoDate } from '../../model/calendar';
import { nextRegistrationWindow } from '../../model/timing/h1b-calendar';
import type { IsoDate } from '../../model/types';
import type { ReportAssumptions } from '../report/report-input';

export function formatValue(value: unknown, meta: AssumptionMeta): string {
  if (meta.kind === 'boolean') return value ? 'yes' : 'no';
  if (meta.kind === 'choice') return Object.hasOwn(meta.optionLabels, String(value)) ? meta.optionLabels[String(value)] : String(value);
  if (meta.kind === 'state-list') return String(value).split(',').join(', ');
  if (meta.kind !== 'number' || typeof value !== 'number') return String(value);
  switch (meta.unit) {
    case 'probability':
      return `${Number((value * 100).toFixed(1))}%`;
    case 'USD':
      return `$${value.toLocaleString('en-US')}`;
    case 'level':
      return `level ${value}`;
    case 'count':
      return String(value);
    default:
      return `${value} ${meta.unit}`;
  }
}

export function reportAssumptions(used: Assumptions): ReportAssumptions {
  const groups = [...new Set(ASSUMPTION_FIELDS.map((field) => ASSUMPTION_META[field].group))];
  const fields = [...ASSUMPTION_FIELDS].sort((a, b) => groups.indexOf(ASSUMPTION_META[a].group) - groups.indexOf(ASSUMPTION_META[b].group));
  return {
    rows: fields.map((field) => {
      const meta: AssumptionMeta = ASSUMPTION_META[field];
      return {
        group: meta.group,
        label: meta.label,
        value: formatValue(used[field], meta),
        defaultValue: formatValue(DEFAULT_ASSUMPTIONS[field], meta),
        changed: used[field] !== DEFAULT_ASSUMPTIONS[field],
        basis: basisOf(field, used[field]),
        sources: meta.sources,
        note: meta.note,
      };
    }),
    sources: SOURCES,
    vintage: SOURCES_VINTAGE,
  };
}

/** What each source is and where to read it, or why there is none: every default shows its source or says it is an assumption. */
export function sourcesText(sources: readonly string[]): string {
  return sources.length ? sources.map(sourceText).join('; ') : 'no source found';
}

/**
 * The H-1B registration window as of `today`: the dates recorded are FY2027's (the last confirmed);
 * once they have passed, the next window is their projection to the next March, said as such.
 */
export function registrationWindowNote(assumptions: Assumptions, today: IsoDate): string {
  const window = nextRegistrationWindow(parseIsoDate(today) as number, assumptions);
  const dates = `${formatIsoDate(window.opens)} to ${formatIsoDate(window.closes)}`;
  return window.confirmed
    ? `The FY${window.year + 1} registration runs ${dates} (confirmed).`
    : `The window above has passed: the next (FY${window.year + 1}) is projected to ${dates} from its dates, until USCIS announces it.`;
}
