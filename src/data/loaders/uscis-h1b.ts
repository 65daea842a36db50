// USCIS's H-1B Employer Data Hub exports (either layout) into `h1b_sponsors`: health-care employers
// by state and fiscal year, replacing the fiscal years the file holds (market/h1b-read.ts).
import type { FileLoader } from './loader';
import { H1B_LAYOUT_LABEL, recogniseH1b, type H1bColumns, type H1bLayout } from './market/h1b-format';
import { loadH1bFile } from './market/h1b-read';
import { SPONSORS_TABLE } from '../tables/market';

const fmt = (n: number) => n.toLocaleString('en-US');

export const uscisH1b: FileLoader<{ layout: H1bLayout; columns: H1bColumns }> = {
  id: 'uscis-h1b',
  expected: 'a USCIS H-1B Employer Data Hub export ("Fiscal Year", "Initial Approval", …)',
  recognise: recogniseH1b,

  async load(db, file, { layout, columns }) {
    const r = await loadH1bFile(db, { ...file, layout, columns });
    const kept = r.naics62Rows + r.academicRows;
    const years = r.years.map((y) => `FY${y.fiscalYear}`);
    return {
      changed: [SPONSORS_TABLE],
      table: SPONSORS_TABLE,
      parts: years,
      title: `H-1B sponsors in health care — ${years.join(', ')}`,
      publisher: 'US Citizenship and Immigration Services, H-1B Employer Data Hub',
      vintage: r.years.map((y) => `FY${y.fiscalYear}${y.note ? ' (partial year)' : ''}`).join(', '),
      source: `${H1B_LAYOUT_LABEL[r.layout]}; ${fmt(r.naics62Rows)} NAICS 62 rows and ${fmt(r.academicRows)} academic medical centre rows (NAICS 61, by name) kept of ${fmt(r.rowsRead)}.`,
      rows: r.rows,
      rowsRead: r.rowsRead,
      dropped:
        r.rowsRead > kept
          ? [{ reason: 'not health care (NAICS other than 62, or 61 without a medical name)', rows: r.rowsRead - kept }]
          : [],
      summary: `${r.years.map((y) => `FY${y.fiscalYear}: ${fmt(y.employers)} employers, ${fmt(y.initialApprovals)} initial approvals, ${fmt(y.initialDenials)} denials${y.note ? ` — ${y.note}` : ''}`).join('; ')}. Replaces the same fiscal years loaded before.`,
      warnings: r.warnings,
    };
  },
};
