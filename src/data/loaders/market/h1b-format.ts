// USCIS H-1B Employer Data Hub exports, in either layout: the older export ("Fiscal Year",
// Employer, "Initial Approval", … NAICS, "Tax ID", State, City, ZIP; some copies spell the counts
// in the plural) and the newer one ("Line by line", "Fiscal Year   ", "Employer (Petitioner) Name",
// "Industry (NAICS) Code", "Petitioner State", …). Recognised by column names, in any order.
import type { HeaderSniff } from '../csv-header';
import type { Recognition } from '../loader';
import { headerKey, matchColumns, type ColumnSpec } from './header-match';

const req = (...names: string[]): ColumnSpec => ({ names, required: true });
const opt = (...names: string[]): ColumnSpec => ({ names, required: false });

export const H1B_COLUMNS = {
  fiscalYear: req('Fiscal Year'),
  employer: req('Employer', 'Employer (Petitioner) Name'),
  naics: req('NAICS', 'Industry (NAICS) Code'),
  state: req('State', 'Petitioner State'),
  initialApprovals: req('Initial Approval', 'Initial Approvals'),
  initialDenials: req('Initial Denial', 'Initial Denials'),
  continuingApprovals: req('Continuing Approval', 'Continuing Approvals'),
  continuingDenials: req('Continuing Denial', 'Continuing Denials'),
  city: opt('City', 'Petitioner City'),
  // Read to tell a repeated row from another place of the same employer: the newer layout numbers
  // its lines, the older one has only the place and the counts.
  lineNumber: opt('Line by line'),
  taxId: opt('Tax ID'),
  zip: opt('ZIP', 'Petitioner Zip Code'),
} as const satisfies Record<string, ColumnSpec>;
export type H1bField = keyof typeof H1B_COLUMNS;
export type H1bColumns = Partial<Record<H1bField, string>>;
export type H1bLayout = 'data-hub-export' | 'employer-information';

export const H1B_LAYOUT_LABEL: Record<H1bLayout, string> = {
  'data-hub-export': 'USCIS H-1B Employer Data Hub export (older layout)',
  'employer-information': 'USCIS H-1B Employer Data Hub, Employer Information (newer layout)',
};

/** null: not a USCIS export at all; otherwise its layout and columns, or why this one cannot be read. */
export function recogniseH1b(sniff: HeaderSniff, fileName: string): Recognition<{ layout: H1bLayout; columns: H1bColumns }> | null {
  const keys = new Set(sniff.fields.map(headerKey));
  const has = (name: string) => keys.has(headerKey(name));
  if (!has('Fiscal Year') || !(has('Initial Approval') || has('Initial Approvals'))) return null;
  const layout: H1bLayout = has('Employer (Petitioner) Name') || has('Line by line') ? 'employer-information' : 'data-hub-export';
  const { found, missing } = matchColumns(sniff.fields, H1B_COLUMNS);
  if (missing.length) {
    return {
      refused: `${fileName} looks like a ${H1B_LAYOUT_LABEL[layout]} but lacks ${missing.length} column(s) the loader needs: ${missing.map((m) => H1B_COLUMNS[m].names.join(' or ')).join(', ')}. Nothing was loaded.`,
    };
  }
  return { layout: { layout, columns: found } };
}
