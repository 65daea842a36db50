// A generated pipeline of any size, for load and speed measurements only (never shown as data).
import { specialtiesOf } from '../specialties';
import { STAGES, VISA_ROUTES, type Candidate, type Target } from '../types';

const PHYSICIAN_SPECIALTIES = specialtiesOf('physician').map((s) => s.id);

const STATES = ['CA', 'TX', 'NY', 'FL', 'NM', 'OH', 'GA', 'WA'];

/** Deterministic: candidate i is always the same. */
export function syntheticCandidates(count: number): Candidate[] {
  return Array.from({ length: count }, (_, i): Candidate => {
    const mls = i % 5 === 0;
    return {
      id: `SYN-${i}`,
      profession: mls ? 'mls' : 'physician',
      specialty: mls ? 'medical laboratory scientist' : PHYSICIAN_SPECIALTIES[i % PHYSICIAN_SPECIALTIES.length],
      stage: STAGES[(i * 7) % STAGES.length],
      stageDate: '2026-10-01',
      visaRoute: VISA_ROUTES[(i * 3) % VISA_ROUTES.length],
      siteState: STATES[i % STATES.length],
      siteCountyFips: '',
      expectedStart: '',
      countryOfTraining: 'India',
      languages: ['English'],
      gender: '',
      ecfmgCertified: mls ? null : true,
      licenceStatus: '',
      ascpi: mls ? true : null,
      visaStatus: 'not-started',
      visaStatusDate: '',
      availableFrom: '',
      currentStatus: '',
      trainingStatus: '',
      bachelorsDegree: mls ? true : null,
      visaScreen: mls ? true : null,
    };
  });
}

/** One target per state and specialty pair the synthetic candidates use. */
export function syntheticTargets(count: number): Target[] {
  return Array.from({ length: count }, (_, i): Target => ({
    id: `SYN-T${i}`,
    profession: 'physician',
    specialty: PHYSICIAN_SPECIALTIES[i % PHYSICIAN_SPECIALTIES.length],
    region: { kind: 'state', state: STATES[i % STATES.length] },
    hires: 5,
    dueQuarter: '2028-Q4',
    priority: 'medium',
    owner: '',
    note: '',
  }));
}
