// A generated pipeline of any size, for load and speed measurements only (never shown as data).
import { formatIsoDate, parseIsoDate } from '../calendar';
import { specialtiesOf, specialtyCounts } from '../specialties';
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

const CURRENT = ['', 'abroad', 'j1', 'f1', 'h1b', 'h1b-cap-exempt', 'other-us'] as const;
const VARIED_FROM = parseIsoDate('2026-11-01') as number;

/**
 * A pipeline shaped like a real one, for speed measurements: every candidate has its own stage date
 * (over the past year), current status and training, at sites in the first `states` states; one
 * target per state for primary care, internal medicine, psychiatry and clinical laboratory roles,
 * each asking for 55% of the candidates it counts (about what they can expect to deliver).
 */
export function variedPipeline(count: number, states = 3): { candidates: Candidate[]; targets: Target[] } {
  const sites = STATES.slice(0, Math.max(1, Math.min(states, STATES.length)));
  const candidates = syntheticCandidates(count).map((candidate, i): Candidate => {
    const physician = candidate.profession === 'physician';
    return {
      ...candidate,
      stageDate: formatIsoDate(VARIED_FROM - ((i * 37) % 365)),
      siteState: sites[i % sites.length],
      currentStatus: CURRENT[(i * 5) % CURRENT.length],
      ecfmgCertified: physician ? i % 9 !== 0 : null,
      trainingStatus: physician && i % 13 === 0 ? 'needs-residency' : '',
      availableFrom: i % 11 === 0 ? '2027-07-01' : '',
      visaScreen: physician ? null : i % 2 === 0,
    };
  });
  const groups = [
    ['physician', 'primary care'],
    ['physician', 'internal medicine'],
    ['physician', 'psychiatry'],
    ['mls', 'clinical laboratory'],
  ] as const;
  const targets = sites.flatMap((state) =>
    groups.map(([profession, specialty]): Target => {
      const matched = candidates.filter(
        (c) => c.profession === profession && c.siteState === state && specialtyCounts(c.specialty, specialty),
      ).length;
      return {
        id: `VAR-${state}-${specialty}`,
        profession,
        specialty,
        region: { kind: 'state', state },
        hires: Math.max(1, Math.round(0.55 * matched)),
        dueQuarter: '2028-Q4',
        priority: 'medium',
        owner: '',
        note: '',
      };
    }),
  );
  return { candidates, targets };
}
