// A saved candidate as the importer read it: each template column with its value in plain words
// (aliases resolved to the code's name, dates as read, the county by name), so a person can see
// how a row was understood and fix it where they see it.
import type { PipelineColumn } from '../../model/pipeline';
import {
  currentStatusName,
  licenceStatusName,
  professionName,
  routeName,
  stageName,
  trainingStatusName,
  visaStatusName,
  yesNoName,
} from '../../model/names';
import { specialtyLabel } from '../../model/specialties';
import { effectiveRouteOf } from '../../model/timing/routes';
import type { Candidate } from '../../model/types';
import { stateByCode } from '../../model/workspace';
import { countyLabel, type CountyNames } from '../common/county-names';

const orBlank = (value: string, blank = 'Not recorded') => (value === '' ? blank : value);

export function candidateAsRead(c: Candidate, names: CountyNames): { column: PipelineColumn; value: string }[] {
  const effective = effectiveRouteOf(c);
  const state = stateByCode(c.siteState);
  // site_zip is read into the site's county and state, and not kept: nothing of its own to show.
  const values: Record<Exclude<PipelineColumn, 'site_zip'>, string> = {
    candidate_id: c.id,
    profession: professionName(c.profession),
    specialty: specialtyLabel(c.specialty),
    stage: stageName(c.stage),
    stage_date: c.stageDate,
    visa_route: effective === c.visaRoute ? routeName(c.visaRoute) : `${routeName(c.visaRoute)}; forecast as ${routeName(effective)}`,
    site_state: state ? `${state.name} (${state.code})` : c.siteState,
    site_county_fips: c.siteCountyFips ? `${countyLabel(c.siteCountyFips, names)} (${c.siteCountyFips})` : 'Not recorded',
    expected_start: orBlank(c.expectedStart),
    country_of_training: orBlank(c.countryOfTraining, 'Not recorded (read as the United States)'),
    languages: orBlank(c.languages.join(', ')),
    gender: orBlank(c.gender),
    ecfmg_certified: yesNoName(c.ecfmgCertified),
    licence_status: licenceStatusName(c.licenceStatus),
    ascpi: yesNoName(c.ascpi),
    visa_status: visaStatusName(c.visaStatus),
    visa_status_date: orBlank(c.visaStatusDate),
    available_from: orBlank(c.availableFrom, 'Free now'),
    current_status: currentStatusName(c.currentStatus),
    training_status: trainingStatusName(c.trainingStatus),
    bachelors_degree: yesNoName(c.bachelorsDegree),
    visascreen: yesNoName(c.visaScreen),
    h1b_years_used: c.h1bYearsUsed == null ? 'Not recorded' : `${c.h1bYearsUsed} years`,
  };
  return (Object.keys(values) as (keyof typeof values)[]).map((column) => ({ column, value: values[column] }));
}
