// DOL OFLC's LCA disclosure file (H-1B Labor Condition Applications), FY2020 and later layout,
// recognised by its column names wherever they stand: DOL's file has about a hundred columns and
// a spreadsheet re-save may reorder them; only these are read.
import type { HeaderSniff } from '../csv-header';
import type { Recognition } from '../loader';
import { headerKey, matchColumns, type ColumnSpec } from './header-match';

const req = (...names: string[]): ColumnSpec => ({ names, required: true });
const opt = (...names: string[]): ColumnSpec => ({ names, required: false });

export const LCA_COLUMNS = {
  socCode: req('SOC_CODE'),
  jobTitle: req('JOB_TITLE'),
  employer: req('EMPLOYER_NAME'),
  state: req('WORKSITE_STATE'),
  wageFrom: req('WAGE_RATE_OF_PAY_FROM'),
  wageUnit: req('WAGE_UNIT_OF_PAY'),
  wageLevel: req('PW_WAGE_LEVEL'),
  county: opt('WORKSITE_COUNTY'),
  city: opt('WORKSITE_CITY'),
  postalCode: opt('WORKSITE_POSTAL_CODE'),
  fullTime: opt('FULL_TIME_POSITION'),
  // DOL's own file has these three; a re-publisher's extract may not (the embedded FY2025 Q2 copy
  // lacks the status and the class): its filings are loaded, marked as not checked.
  caseNumber: opt('CASE_NUMBER'),
  caseStatus: opt('CASE_STATUS'),
  visaClass: opt('VISA_CLASS'),
  positions: opt('TOTAL_WORKER_POSITIONS'),
  decisionDate: opt('DECISION_DATE'),
  // Added by some re-publishers of DOL's quarterly files (the shared FY2025 Q2 copy has them).
  year: opt('Year'),
  quarter: opt('Quarter'),
} as const satisfies Record<string, ColumnSpec>;
export type LcaField = keyof typeof LCA_COLUMNS;
export type LcaColumns = Partial<Record<LcaField, string>>;

/** null: not a DOL file at all; otherwise the columns, or why this DOL-looking file cannot be read. */
export function recogniseLca(sniff: HeaderSniff, fileName: string): Recognition<LcaColumns> | null {
  const keys = new Set(sniff.fields.map(headerKey));
  if (keys.has(headerKey('LCA_CASE_SOC_CODE'))) {
    return {
      refused: `${fileName} is a DOL LCA disclosure file in the layout used before FY2020 (LCA_CASE_… columns). Download FY2020 or a later year from DOL OFLC's performance data page.`,
    };
  }
  const signature = [LCA_COLUMNS.socCode, LCA_COLUMNS.wageFrom, LCA_COLUMNS.jobTitle].filter((c) => keys.has(headerKey(c.names[0]))).length;
  if (signature < 2) return null;
  const { found, missing } = matchColumns(sniff.fields, LCA_COLUMNS);
  if (missing.length) {
    return {
      refused: `${fileName} looks like a DOL LCA disclosure file but lacks ${missing.length} column(s) the loader needs: ${missing.map((m) => LCA_COLUMNS[m].names[0]).join(', ')}. Nothing was loaded.`,
    };
  }
  return { layout: found };
}
