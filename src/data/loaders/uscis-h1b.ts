// USCIS's H-1B Employer Data Hub exports (either layout) into `h1b_sponsors`: health-care employers
// by state and fiscal year, replacing the fiscal years the file holds (market/h1b-read.ts).
import type { FileLoader } from './loader';
import { H1B_LAYOUT_LABEL, recogniseH1b, type H1bColumns, type H1bLayout } from './market/h1b-format';
import { H1B_DROP_REASONS, loadH1bFile, type H1bDropReason } from './market/h1b-read';
import { SPONSORS_TABLE } from '../tables/market';
import { formatNumber } from '../../model/format';

export const uscisH1b: FileLoader<{ layout: H1bLayout; columns: H1bColumns }> = {
  id: 'uscis-h1b',
  expected: 'a USCIS H-1B Employer Data Hub export ("Fiscal Year", "Initial Approval", …)',
  recognise: recogniseH1b,
  columnsRead: ({ columns }) => Object.values(columns).filter((c): c is string => !!c),

  async load(db, file, { layout, columns }) {
    const r = await loadH1bFile(db, { ...file, layout, columns });
    const kept = r.naics62Rows + r.academicRows;
    const years = r.years.map((y) => `FY${y.fiscalYear}`);
    const dropped = (Object.keys(H1B_DROP_REASONS) as H1bDropReason[])
      .filter((k) => r.dropped[k])
      .map((k) => ({ reason: H1B_DROP_REASONS[k], rows: r.dropped[k]! }));
    const replaced = r.replaced.length
      ? ` Replaces ${r.replaced.map((y) => `FY${y.fiscalYear} as loaded before (${formatNumber(y.employers)} employers)`).join(', ')}.`
      : '';
    return {
      changed: [SPONSORS_TABLE],
      table: SPONSORS_TABLE,
      parts: years,
      title: `H-1B sponsors in health care — ${years.join(', ')}`,
      publisher: 'US Citizenship and Immigration Services, H-1B Employer Data Hub',
      vintage: r.years.map((y) => `FY${y.fiscalYear}${y.note ? ' (partial year)' : ''}`).join(', '),
      source: `${H1B_LAYOUT_LABEL[r.layout]}; ${formatNumber(r.naics62Rows)} NAICS 62 rows and ${formatNumber(r.academicRows)} academic medical centre rows (NAICS 61, by name) kept of ${formatNumber(r.rowsRead)}.`,
      rows: r.rows,
      rowsRead: r.rowsRead,
      dropped,
      summary: `${r.years.map((y) => `FY${y.fiscalYear}: ${formatNumber(y.employers)} employers, ${formatNumber(y.initialApprovals)} initial approvals, ${formatNumber(y.initialDenials)} denials${y.note ? ` — ${y.note}` : ''}`).join('; ')}. ${formatNumber(kept)} health-care rows of ${formatNumber(r.rowsRead)}, as ${formatNumber(r.rows)} employer × state × year rows.${dropped.length ? ` Not loaded: ${dropped.map((d) => `${formatNumber(d.rows)} ${d.reason}`).join('; ')}.` : ''}${replaced}`,
      warnings: r.warnings,
    };
  },
};
