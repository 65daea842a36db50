// Builds small files in HRSA's HPSA detail layout (the real 65-column header) for quirk tests.
export const HRSA_PC_HEADER = [
  'HPSA Name',
  'HPSA ID',
  'Designation Type',
  'HPSA Discipline Class',
  'HPSA Score',
  'PC MCTA Score',
  'Primary State Abbreviation',
  'HPSA Status',
  'HPSA Designation Date',
  'HPSA Designation Last Update Date',
  'Metropolitan Indicator',
  'HPSA Geography Identification Number',
  'HPSA Degree of Shortage',
  'Withdrawn Date',
  'HPSA FTE',
  'HPSA Designation Population',
  '% of Population Below 100% Poverty',
  'HPSA Formal Ratio',
  'HPSA Population Type',
  'Rural Status',
  'Longitude',
  'Latitude',
  'BHCMIS Organization Identification Number',
  'Break in Designation',
  'Common County Name',
  'Common Postal Code',
  'Common Region Name',
  'Common State Abbreviation',
  'Common State County FIPS Code',
  'Common State FIPS Code',
  'Common State Name',
  'County Equivalent Name',
  'County or County Equivalent Federal Information Processing Standard Code',
  'Discipline Class Number',
  'HPSA Address',
  'HPSA City',
  'HPSA Component Name',
  'HPSA Component Source Identification Number',
  'HPSA Component State Abbreviation',
  'HPSA Component Type Code',
  'HPSA Component Type Description',
  'HPSA Designation Population Type Description',
  'HPSA Estimated Served Population',
  'HPSA Estimated Underserved Population',
  'HPSA Metropolitan Indicator Code',
  'HPSA Population Type Code',
  'HPSA Postal Code',
  'HPSA Provider Ratio Goal',
  'HPSA Resident Civilian Population',
  'HPSA Shortage',
  'HPSA Status Code',
  'HPSA Type Code',
  'HPSA Withdrawn Date String',
  'Primary State FIPS Code',
  'Primary State Name',
  'Provider Type',
  'Rural Status Code',
  'State Abbreviation',
  'State and County Federal Information Processing Standard Code',
  'State FIPS Code',
  'State Name',
  'U.S. - Mexico Border 100 Kilometer Indicator',
  'U.S. - Mexico Border County Indicator',
  'Data Warehouse Record Create Date',
  'Data Warehouse Record Create Date Text',
];

const DEFAULTS: Record<string, string> = {
  'HPSA Name': 'Test County',
  'HPSA ID': '1069999901',
  'Designation Type': 'Geographic HPSA',
  'HPSA Discipline Class': 'Primary Care',
  'HPSA Score': '14',
  'PC MCTA Score': 'NA',
  'Primary State Abbreviation': 'CA',
  'HPSA Status': 'Designated',
  'HPSA Designation Date': '07/15/2003',
  'HPSA Designation Last Update Date': '09/20/2021',
  'Metropolitan Indicator': 'Non-Metropolitan',
  'HPSA Geography Identification Number': '06011000100',
  'HPSA FTE': '2.5',
  'HPSA Designation Population': '12000',
  '% of Population Below 100% Poverty': '14.2',
  'HPSA Formal Ratio': '4800:1',
  'HPSA Population Type': 'Geographic Population',
  'Rural Status': 'Rural',
  'Common County Name': 'Colusa County, CA',
  'Common Region Name': 'Region 9',
  'Common State County FIPS Code': '06011',
  'HPSA Component Name': 'Tract 1',
  'HPSA Component Type Description': 'Census Tract',
  'HPSA Estimated Served Population': '1000',
  'HPSA Estimated Underserved Population': '500',
  'HPSA Shortage': '1.6',
  'Data Warehouse Record Create Date': '03/27/2024',
  'Data Warehouse Record Create Date Text': '03/27/2024',
};

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export interface FixtureOptions {
  bom?: boolean;
  trailingComma?: boolean;
  /** Mental health / dental files have no PC MCTA Score column. */
  withoutMcta?: boolean;
  lineEnd?: string;
}

export function hpsaCsv(rows: Record<string, string>[], opts: FixtureOptions = {}): string {
  const header = opts.withoutMcta ? HRSA_PC_HEADER.filter((c) => c !== 'PC MCTA Score') : HRSA_PC_HEADER;
  const end = opts.trailingComma ? ',' : '';
  const nl = opts.lineEnd ?? '\n';
  const lines = [
    header.map(quote).join(',') + end,
    ...rows.map((r) => header.map((c) => quote(r[c] ?? DEFAULTS[c] ?? '')).join(',') + end),
  ];
  return (opts.bom ? '\ufeff' : '') + lines.join(nl) + nl;
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
