// Recognises HRSA shortage-designation files by their header row.
import type { HeaderSniff } from './csv-header';

/** Columns of HRSA's BCD_HPSA_FCT_DET_{PC,MH,DH} detail files that the canonical table is built from. */
export const HPSA_DETAIL_COLUMNS = [
  'HPSA Name',
  'HPSA ID',
  'Designation Type',
  'HPSA Discipline Class',
  'HPSA Score',
  'Primary State Abbreviation',
  'HPSA Status',
  'HPSA Designation Date',
  'HPSA Designation Last Update Date',
  'HPSA Designation Population',
  'Rural Status',
  'Common County Name',
  'Common Region Name',
  'Common State County FIPS Code',
  'HPSA Component Type Description',
  'HPSA Shortage',
  'Data Warehouse Record Create Date',
  'Data Warehouse Record Create Date Text',
] as const;

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
