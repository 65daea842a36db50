// A saved candidate as a row of the pipeline template: what the form starts from when a candidate
// is edited or duplicated, in the codes the importer reads back to the same candidate.
import type { Candidate } from '../types';
import type { PipelineColumn } from './columns';

const flag = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

export function candidateRow(c: Candidate): Record<PipelineColumn, string> {
  return {
    candidate_id: c.id,
    profession: c.profession,
    specialty: c.specialty,
    stage: c.stage,
    stage_date: c.stageDate,
    visa_route: c.visaRoute,
    site_state: c.siteState,
    site_county_fips: c.siteCountyFips,
    // A ZIP is read into the county above and not kept.
    site_zip: '',
    expected_start: c.expectedStart,
    country_of_training: c.countryOfTraining,
    languages: c.languages.join(';'),
    gender: c.gender,
    ecfmg_certified: flag(c.ecfmgCertified),
    licence_status: c.licenceStatus,
    ascpi: flag(c.ascpi),
    visa_status: c.visaStatus,
    visa_status_date: c.visaStatusDate,
    available_from: c.availableFrom,
    current_status: c.currentStatus,
    training_status: c.trainingStatus,
    bachelors_degree: flag(c.bachelorsDegree),
    visascreen: flag(c.visaScreen),
    h1b_years_used: c.h1bYearsUsed == null ? '' : String(c.h1bYearsUsed),
  };
}
