// Recognises HRSA shortage-designation files by their header row.
import type { HeaderSniff } from './csv-header';

/** The column of HRSA's detail file each column of the canonical table (hpsa-schema) is read from. */
export const HPSA_FILE_COLUMN = {
  discipline: 'HPSA Discipline Class',
  hpsa_id: 'HPSA ID',
  hpsa_name: 'HPSA Name',
  designation_type: 'Designation Type',
  status: 'HPSA Status',
  score: 'HPSA Score',
  state: 'Primary State Abbreviation',
  county_fips: 'Common State County FIPS Code',
  county_name: 'Common County Name',
  hhs_region: 'Common Region Name',
  rural_status: 'Rural Status',
  designation_population: 'HPSA Designation Population',
  fte_needed: 'HPSA Shortage',
  ratio_goal: 'HPSA Provider Ratio Goal',
  designation_date: 'HPSA Designation Date',
  update_date: 'HPSA Designation Last Update Date',
  component_type: 'HPSA Component Type Description',
  record_date: 'Data Warehouse Record Create Date',
} as const;

/**
 * Columns of HRSA's BCD_HPSA_FCT_DET_{PC,MH,DH} detail files a file must have: those the canonical
 * table is read from (the ratio goal only when present) and the warehouse date's text companion.
 */
export const HPSA_DETAIL_COLUMNS = [
  ...Object.values(HPSA_FILE_COLUMN).filter((c) => c !== HPSA_FILE_COLUMN.ratio_goal),
  'Data Warehouse Record Create Date Text',
];

export type HpsaRecognition = { kind: 'hrsa-hpsa-detail' } | { kind: 'unknown'; reason: string } | null;

/** Enough of the header to say "this is an HPSA detail file" even if a column was renamed or lost. */
export const HPSA_SIGNATURE = ['HPSA ID', 'HPSA Discipline Class', 'HPSA Status'];

/** null: not an HRSA file at all; otherwise the layout, or why this HRSA-looking file cannot be read. */
export function recogniseHpsa(fileName: string, sniff: HeaderSniff): HpsaRecognition {
  const have = new Set(sniff.fields);
  if (HPSA_SIGNATURE.every((c) => have.has(c))) {
    const missing = HPSA_DETAIL_COLUMNS.filter((c) => !have.has(c));
    if (missing.length) {
      return {
        kind: 'unknown',
        reason: `${fileName} looks like an HRSA HPSA detail file but lacks ${missing.length} column(s) the loader needs: ${missing.join(', ')}.`,
      };
    }
    if (sniff.delimiter !== ',') {
      return {
        kind: 'unknown',
        reason: `${fileName} is an HRSA HPSA detail file separated by "${sniff.delimiter}"; HRSA publishes it comma-separated. Re-save it as CSV (comma).`,
      };
    }
    return { kind: 'hrsa-hpsa-detail' };
  }
  if (sniff.firstLine.includes('HPSA Find')) {
    return {
      kind: 'unknown',
      reason: `${fileName} is an export of HRSA's HPSA Find tool (a nested report with a title row). Download the designation data file instead: BCD_HPSA_FCT_DET_PC.csv (or _MH, _DH) from data.HRSA.gov → Data Downloads → Shortage Areas.`,
    };
  }
  return null;
}
