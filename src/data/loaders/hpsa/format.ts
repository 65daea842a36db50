// The columns of HRSA's shortage-designation detail files the loader reads.

/** The column of HRSA's detail file each column of the canonical table (tables/hpsa.ts) is read from. */
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

/** Enough of the header to say "this is an HPSA detail file" even if a column was renamed or lost. */
export const HPSA_SIGNATURE = ['HPSA ID', 'HPSA Discipline Class', 'HPSA Status'];
