// A valid candidate for model tests; each test overrides what it is about.
import type { Candidate } from '../../src/model/types';

export function makeCandidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    id: 'c1',
    profession: 'physician',
    specialty: 'internal medicine',
    stage: 'accepted',
    stageDate: '2026-11-23',
    visaRoute: 'us-authorized',
    siteState: 'TX',
    siteCountyFips: '48201',
    expectedStart: '',
    countryOfTraining: 'India',
    languages: [],
    gender: '',
    ecfmgCertified: true,
    licenceStatus: '',
    ascpi: null,
    visaStatus: 'not-started',
    visaStatusDate: '',
    availableFrom: '',
    currentStatus: '',
    trainingStatus: '',
    bachelorsDegree: null,
    visaScreen: null,
    ...overrides,
  };
}
