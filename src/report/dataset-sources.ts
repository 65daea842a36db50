// Where a reader can get each dataset the report's figures come from: the publisher's public page,
// by the table the dataset fills (or, for a table not listed, by its publisher), printed as text.
// The datasets' own notes on how they were prepared name the project's scripts and files; those
// references are taken out, since a reader cannot open them.
import type { ReportDataset } from '../app/report/report-input';

export interface DatasetAddress {
  /** The publisher's page for the dataset. */
  url: string;
  /** Where on that page, when it lists several. */
  where?: string;
  /** Other pages the figures were read from (republications of a publisher's table). */
  also?: string[];
}

const BY_TABLE: Readonly<Record<string, DatasetAddress>> = {
  hpsa: { url: 'https://data.hrsa.gov/data/download', where: 'Shortage Areas, HPSA detail files' },
  ref_hpsa_state: {
    url: 'https://data.hrsa.gov/topics/health-workforce/shortage-areas',
    where: 'Designated HPSA Quarterly Summary; the tables were read as republished at the addresses below',
    also: [
      'https://www.kff.org/other/state-indicator/primary-care-health-professional-shortage-areas-hpsas/',
      'https://www.healthguideusa.org/',
      'https://www.beckershospitalreview.com/',
    ],
  },
  ref_states: {
    url: 'https://www.census.gov/programs-surveys/popest.html',
    also: [
      'https://www.census.gov/geographies/reference-maps/2010/geo/2010-census-regions-and-divisions-of-the-united-states.html',
      'https://www.hhs.gov/about/agencies/iea/regional-offices/index.html',
    ],
  },
  ref_counties: {
    url: 'https://www.census.gov/data/tables/time-series/demo/popest/2020s-counties-total.html',
    also: ['https://www.ers.usda.gov/data-products/rural-urban-continuum-codes'],
  },
  ref_physicians_state: { url: 'https://www.aamc.org/data-reports/workforce/report/state-physician-workforce-data-report' },
  ref_physician_specialty_state: { url: 'https://www.aamc.org/data-reports/workforce/report/state-physician-workforce-data-report' },
  ref_lab_workforce: { url: 'https://www.bls.gov/oes/tables.htm', also: ['https://ascls.org/licensure/'] },
  lca_filings: { url: 'https://www.dol.gov/agencies/eta/foreign-labor/performance', where: 'LCA programs (H-1B), disclosure data' },
  h1b_sponsors: { url: 'https://www.uscis.gov/tools/reports-and-studies/h-1b-employer-data-hub' },
  county_pcp_trend: {
    url: 'https://upward-mobility.urban.org/',
    where: 'Access to health services: ratio of population per primary care physician',
  },
  zip_county: {
    url: 'https://www.census.gov/geographies/reference-files/time-series/geo/relationship-files.2020.html',
    where: 'ZCTA to County',
  },
};

const BY_PUBLISHER: readonly [RegExp, DatasetAddress][] = [
  [
    /Area Health Resources|County Health Rankings/i,
    { url: 'https://www.countyhealthrankings.org/health-data/methodology-and-sources/data-documentation' },
  ],
  [/NPPES|Medicare & Medicaid|CMS\b/i, { url: 'https://download.cms.gov/nppes/NPI_Files.html' }],
  [/HRSA/i, { url: 'https://data.hrsa.gov/data/download' }],
  [/Census/i, { url: 'https://www.census.gov/data.html' }],
  [/Bureau of Labor Statistics|BLS/i, { url: 'https://www.bls.gov/oes/tables.htm' }],
  [/Department of Labor/i, { url: 'https://www.dol.gov/agencies/eta/foreign-labor/performance' }],
  [/Citizenship and Immigration/i, { url: 'https://www.uscis.gov/tools/reports-and-studies/h-1b-employer-data-hub' }],
  [/AAMC/i, { url: 'https://www.aamc.org/data-reports/workforce' }],
];

/** The public page of a dataset; null for generated sample data and tables with no known publisher page. */
export function datasetAddress(d: Pick<ReportDataset, 'table' | 'publisher' | 'sample'>): DatasetAddress | null {
  if (d.sample) return null;
  if (Object.hasOwn(BY_TABLE, d.table)) return BY_TABLE[d.table];
  return BY_PUBLISHER.find(([pattern]) => pattern.test(d.publisher))?.[1] ?? null;
}

/** Where the map's county and state shapes come from. */
export const SHAPES_SOURCE =
  'US Census Bureau cartographic boundary files, 1:10,000,000 (https://www.census.gov/geographies/mapping-files/time-series/geo/cartographic-boundary.html)';

/**
 * A dataset's note on how it was prepared, without what a reader cannot open: the project's script
 * and file names, internal table codes, and the name a user's upload had on their disk.
 */
export function preparedText(source: string): string {
  return source
    .replace(/Your file .*? \((\d[\d.]* MB)\), read in this browser/g, 'Your own download ($1), read in this browser')
    .replace(/\s*\((?:see )?[^()]*(?:\.mjs|\.md|tools\/|public\/)[^()]*\)/g, '')
    .replace(/\s*\b(?:see )?[\w./-]+\.(?:mjs|js|ts|md|csv|json)\b[,;]?/g, '')
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}\b\s*/g, '')
    .replace(/\bco-est\d{4}-alldata\b/g, 'county population estimates')
    .replace(/\s+([.,;)])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .trim();
}
