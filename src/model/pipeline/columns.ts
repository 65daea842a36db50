// The pipeline CSV's columns, as the template writes them and the importer expects them.

export const PIPELINE_TEMPLATE_COLUMNS = [
  'candidate_id',
  'profession',
  'specialty',
  'stage',
  'stage_date',
  'visa_route',
  'site_state',
  'site_county_fips',
  'site_zip',
  'expected_start',
  'country_of_training',
  'languages',
  'gender',
  'ecfmg_certified',
  'licence_status',
  'ascpi',
  'visa_status',
  'visa_status_date',
  'available_from',
  'current_status',
  'training_status',
  'bachelors_degree',
  'visascreen',
  'h1b_years_used',
] as const;

export type PipelineColumn = (typeof PIPELINE_TEMPLATE_COLUMNS)[number];

/**
 * Without these no row can become a candidate, so a file missing any loads nothing.
 * (specialty may be absent: a lab-only file has no use for it.)
 */
export const REQUIRED_PIPELINE_COLUMNS: readonly PipelineColumn[] = [
  'candidate_id',
  'profession',
  'stage',
  'stage_date',
  'visa_route',
  'site_state',
];

// Spellings seen in real spreadsheets for the same column.
const HEADER_ALIASES: Readonly<Record<string, PipelineColumn>> = {
  license_status: 'licence_status',
  visa_stage: 'visa_status',
  visa_status_since: 'visa_status_date',
  availability: 'available_from',
  available: 'available_from',
  immigration_status: 'current_status',
  current_visa: 'current_status',
  residency_status: 'training_status',
  bachelor_degree: 'bachelors_degree',
  bachelors: 'bachelors_degree',
  visa_screen: 'visascreen',
  cgfns_visascreen: 'visascreen',
  h1b_years: 'h1b_years_used',
  years_in_h1b: 'h1b_years_used',
  zip: 'site_zip',
  zip_code: 'site_zip',
  zipcode: 'site_zip',
  'zip+4': 'site_zip',
  zip4: 'site_zip',
  postal_code: 'site_zip',
  postcode: 'site_zip',
  site_zip_code: 'site_zip',
  site_postal_code: 'site_zip',
};

/** "Stage Date", " stage-date " and "STAGE_DATE" all name stage_date. */
export function normaliseHeader(header: string): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return Object.hasOwn(HEADER_ALIASES, key) ? HEADER_ALIASES[key] : key;
}
