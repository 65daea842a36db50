// DOL OFLC's LCA disclosure file (H-1B Labor Condition Applications) into `lca_filings`: the
// certified H-1B filings for physicians and lab technologists, one per case (market/lca-read.ts).
import type { FileLoader } from './loader';
import { recogniseLca, type LcaColumns } from './market/lca-format';
import { LCA_DROP_REASONS, describeDropped, loadLcaFile, type LcaDropReason, type LcaLoadResult } from './market/lca-read';
import { LCA_TABLE, LCA_WITHDRAWN_TABLE } from '../tables/market';
import { WAGE_UNIT_RULE } from '../../model/market/wage-units';
import { todayOf } from './date-rule';
import { formatNumber } from '../../model/format';

/** What the load replaced of the filings loaded before, in words; empty when nothing. */
function replacedText(r: LcaLoadResult): string {
  const parts = [
    r.replaced.sameCase &&
      `${formatNumber(r.replaced.sameCase)} case(s) already loaded from another quarter's file now count once, as this file gives them`,
    r.replaced.sameQuarter && `replaces the ${r.period.label} filings loaded before (${formatNumber(r.replaced.sameQuarter)})`,
    r.replaced.otherYear &&
      `replaces the ${r.replaced.otherYears.join(', ')} filings (${formatNumber(r.replaced.otherYear)}): two fiscal years are never added together`,
  ].filter(Boolean);
  // A sentence of its own: it starts with a capital.
  const text = parts.join('; ');
  return text ? ` ${text[0].toUpperCase()}${text.slice(1)}.` : '';
}

export const dolLca: FileLoader<LcaColumns> = {
  id: 'dol-lca',
  expected: 'a DOL LCA disclosure file (SOC_CODE, JOB_TITLE, WAGE_RATE_OF_PAY_FROM, …)',
  recognise: recogniseLca,
  columnsRead: (columns) => Object.values(columns).filter((c): c is string => !!c),

  async load(db, file, columns) {
    const r = await loadLcaFile(db, { ...file, columns, today: todayOf(file.now) });
    const dropped = (Object.keys(LCA_DROP_REASONS) as LcaDropReason[])
      .filter((k) => r.dropped[k])
      .map((k) => ({ reason: LCA_DROP_REASONS[k], rows: r.dropped[k]! }));
    const filings = `${formatNumber(r.rows)} LCA filings${r.statusChecked ? ' certified for H-1B' : ' (status and visa class not in this copy)'}`;
    const positions = r.positions === null ? '' : ` for ${formatNumber(r.positions)} worker positions`;
    const withdrawn = r.dropped.certifiedWithdrawn
      ? `; ${formatNumber(r.dropped.certifiedWithdrawn)} certified then withdrawn, shown apart`
      : '';
    const notLoaded = { ...r.dropped, certifiedWithdrawn: 0 };
    const left = dropped.filter((d) => d.reason !== LCA_DROP_REASONS.certifiedWithdrawn);
    return {
      changed: [LCA_TABLE, LCA_WITHDRAWN_TABLE],
      table: LCA_TABLE,
      parts: [r.period.label],
      title: `LCA filings (H-1B), physicians and lab technologists — ${r.period.label}`,
      publisher: 'US Department of Labor, Office of Foreign Labor Certification (LCA disclosure data)',
      vintage: r.period.label,
      source: `Period from ${r.period.basis}. Offered wages annualised: ${WAGE_UNIT_RULE}.`,
      rows: r.rows,
      rowsRead: r.rowsRead,
      dropped,
      summary: `${filings}${positions} (${formatNumber(r.physicians)} physicians, ${formatNumber(r.lab)} lab; ${formatNumber(r.trainees)} residents/fellows, ${formatNumber(r.unmapped)} without a specialty, ${formatNumber(r.withoutLevel)} without a wage level)${withdrawn}.${left.length ? ` Not loaded: ${describeDropped(notLoaded)}.` : ''}${replacedText(r)}`,
      warnings: r.warnings,
    };
  },
};
