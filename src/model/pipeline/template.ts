// A starter pipeline CSV: the header the importer expects and two example rows to overwrite:
// a J-1 psychiatry resident for a Conrad 30 waiver, and a lab scientist abroad with a cap-exempt H-1B filed.

import { toCsv } from '../csv/to-csv';
import { PIPELINE_TEMPLATE_COLUMNS, type PipelineColumn } from './columns';

const EXAMPLE_ROWS: readonly Readonly<Record<PipelineColumn, string>>[] = [
  {
    candidate_id: 'C-0001',
    profession: 'physician',
    specialty: 'psychiatry',
    stage: 'offer',
    stage_date: '2026-11-02',
    visa_route: 'j1-conrad30',
    site_state: 'NM',
    site_county_fips: '35001',
    site_zip: '',
    expected_start: '2027-07-01',
    country_of_training: 'India',
    languages: 'English;Hindi;Telugu',
    gender: 'female',
    ecfmg_certified: 'yes',
    licence_status: 'applied',
    ascpi: '',
    visa_status: 'not-started',
    visa_status_date: '',
    available_from: '2027-06-30',
    current_status: 'j1',
    training_status: 'in-training',
    bachelors_degree: '',
    visascreen: '',
    h1b_years_used: '',
  },
  {
    candidate_id: 'L-0001',
    profession: 'mls',
    specialty: 'medical laboratory scientist',
    stage: 'licensure',
    stage_date: '2026-10-15',
    visa_route: 'h1b-cap-exempt',
    site_state: 'CA',
    site_county_fips: '06037',
    site_zip: '',
    expected_start: '2027-03-01',
    country_of_training: 'Philippines',
    languages: 'English;Tagalog',
    gender: 'male',
    ecfmg_certified: '',
    licence_status: 'applied',
    ascpi: 'yes',
    visa_status: 'petition-filed',
    visa_status_date: '2026-11-02',
    available_from: '',
    current_status: 'abroad',
    training_status: '',
    bachelors_degree: 'yes',
    visascreen: 'yes',
    h1b_years_used: '',
  },
];

export function pipelineTemplateCsv(): string {
  return toCsv(PIPELINE_TEMPLATE_COLUMNS, EXAMPLE_ROWS);
}
