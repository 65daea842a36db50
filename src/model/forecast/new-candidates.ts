// Hypothetical new candidates for the back-calculation "how many more do we need?": one per
// target and scenario, simulated alongside the real pipeline.

import { specialtyMembers } from '../specialties';
import type { Candidate, IsoDate, RegionRef, Stage, Target, VisaRoute } from '../types';
import type { Site } from './target-matching';

/** A new candidate in `stage` from `stageDate` on, hired on `visaRoute`. */
export interface NewCandidateScenario {
  stage: Stage;
  visaRoute: VisaRoute;
  /** Defaults to the forecast's `now`. */
  stageDate?: IsoDate;
}

export const DEFAULT_NEW_CANDIDATE_SCENARIOS: NewCandidateScenario[] = [
  { stage: 'sourced', visaRoute: 'us-authorized' },
  { stage: 'sourced', visaRoute: 'h1b-cap-exempt' },
  { stage: 'sourced', visaRoute: 'h1b-cap-subject' },
  { stage: 'offer', visaRoute: 'us-authorized' },
  { stage: 'offer', visaRoute: 'h1b-cap-exempt' },
  { stage: 'offer', visaRoute: 'h1b-cap-subject' },
];

/**
 * Who a new candidate on a route is, in words: those on a visa route are priced as the people who take
 * it, not as US graduates — a physician trained abroad, ECFMG-certified, with a US residency done and
 * the licence still to apply for (a physician's H-1B petition waits for it); a lab scientist with a
 * bachelor's degree and the VisaScreen still to get.
 */
export function newCandidateProfile(profession: Candidate['profession'], visaRoute: VisaRoute): string {
  if (!needsVisa(visaRoute)) return 'US-trained, licence not yet applied for';
  return profession === 'physician'
    ? 'trained abroad, ECFMG-certified, US residency completed, licence not yet applied for; where they are not recorded (the share assumed abroad applies)'
    : 'bachelor’s degree, VisaScreen certificate still to get, licence not yet applied for; where they are not recorded (the share assumed abroad applies)';
}

const needsVisa = (route: VisaRoute) => route !== 'us-authorized' && route !== 'ead';

/**
 * The site, which decides licensure and the Conrad 30 state, comes from the region or its current
 * candidates; a group target (e.g. primary care) is priced with its first member specialty. Where the
 * person is is not known, so the $100,000 fee follows the share assumed abroad. The person is the
 * route's usual hire (newCandidateProfile).
 */
export function newCandidateFor(target: Target, scenario: NewCandidateScenario, now: IsoDate, matched: Candidate[]): Candidate {
  const site = representativeSite(target.region, matched);
  const abroadTrained = needsVisa(scenario.visaRoute);
  const physician = target.profession === 'physician';
  return {
    id: `new:${target.id}:${scenario.stage}:${scenario.visaRoute}`,
    profession: target.profession,
    specialty: specialtyMembers(target.specialty)[0],
    stage: scenario.stage,
    stageDate: scenario.stageDate ?? now,
    visaRoute: scenario.visaRoute,
    siteState: site.state,
    siteCountyFips: site.countyFips,
    expectedStart: '',
    countryOfTraining: abroadTrained ? 'abroad (not recorded)' : '',
    languages: [],
    gender: '',
    ecfmgCertified: physician && abroadTrained ? true : null,
    licenceStatus: 'not-applied',
    ascpi: null,
    visaStatus: 'not-started',
    visaStatusDate: '',
    availableFrom: '',
    currentStatus: '',
    trainingStatus: physician ? 'completed' : '',
    bachelorsDegree: physician ? null : true,
    visaScreen: physician || !abroadTrained ? null : false,
  };
}

/** A site or state region names its own; otherwise the state most of the target's candidates work in. */
function representativeSite(region: RegionRef, matched: Candidate[]): Site {
  if (region.kind === 'site') return { state: region.state, countyFips: region.countyFips };
  if (region.kind === 'state') return { state: region.state, countyFips: '' };
  const counts = new Map<string, number>();
  for (const candidate of matched) counts.set(candidate.siteState, (counts.get(candidate.siteState) ?? 0) + 1);
  let state = '';
  let best = 0;
  for (const [candidateState, count] of counts) if (count > best) [state, best] = [candidateState, count];
  return { state, countyFips: region.kind === 'county' ? region.fips : '' };
}
