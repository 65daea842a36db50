// Node entry for the "forecast (Node, same code)" measures: bench/run.mjs bundles this file with
// Vite's build() (lib mode, into a temp dir) and times runForecast() — the app's own simulate(), one
// thread, no worker, no DOM. The pipelines are deterministic so runs are comparable across commits.
import { simulate } from '../src/model/forecast/simulate';
import { DEFAULT_ASSUMPTIONS } from '../src/model/timing/assumptions';
import { variedPipeline } from '../src/model/pipeline/synthetic';
import { specialtiesOf } from '../src/model/specialties';
import { STAGES, VISA_ROUTES, type Candidate, type RegionRef, type Target } from '../src/model/types';

const SPECIALTIES = specialtiesOf('physician').map((s) => s.id);

export const NOW = '2027-01-15';
const SITE_STATES = ['TX', 'CA', 'NY', 'FL', 'PA', 'OH', 'GA', 'NC', 'MI', 'AZ', 'NM', 'MS', 'WV', 'KY', 'MT'];
const LIVE_STAGES = STAGES.filter((s) => s !== 'withdrawn' && s !== 'arrived');

/** xorshift32: the bench's own tiny seeded generator (the model has its own). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

function isoDaysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export interface ForecastInput {
  candidates: Candidate[];
  targets: Target[];
  /** Defaults: NOW and 36 months. */
  now?: string;
  horizonMonths?: number;
}

/** The app's pipeline shaped like a real one (src/model/pipeline/synthetic.ts), as the in-app hook runs it. */
export function makeVariedInput(count: number): ForecastInput {
  return { ...variedPipeline(count), now: '2026-11-23', horizonMonths: 48 };
}

/** `count` candidates spread over stages, routes, specialties and states; one target per state × 4 specialties. */
export function makeInput(count: number, seed = 1): ForecastInput {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const candidates: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    const mls = r() < 0.2;
    candidates.push({
      id: `c${i}`,
      profession: mls ? 'mls' : 'physician',
      specialty: mls ? 'medical laboratory scientist' : pick(SPECIALTIES),
      stage: pick(LIVE_STAGES),
      stageDate: isoDaysBefore(NOW, Math.floor(r() * 365)),
      visaRoute: pick(VISA_ROUTES),
      siteState: pick(SITE_STATES),
      siteCountyFips: '',
      expectedStart: '',
      countryOfTraining: pick(['India', 'Philippines', 'Nigeria', 'Pakistan', 'Mexico', '']),
      languages: [],
      gender: '',
      ecfmgCertified: mls ? null : r() < 0.8,
      licenceStatus: '',
      ascpi: mls ? r() < 0.5 : null,
      visaStatus: 'not-started',
      visaStatusDate: '',
      availableFrom: '',
      currentStatus: '',
      trainingStatus: '',
      bachelorsDegree: mls ? true : null,
      visaScreen: mls ? r() < 0.5 : null,
    });
  }
  const targets: Target[] = [];
  for (const state of SITE_STATES) {
    for (const specialty of ['primary care', 'internal medicine', 'psychiatry', 'clinical laboratory']) {
      targets.push({
        id: `t-${state}-${specialty}`,
        profession: specialty === 'clinical laboratory' ? 'mls' : 'physician',
        specialty,
        region: { kind: 'state', state },
        hires: 25,
        dueQuarter: '2028-Q4',
        priority: 'medium',
        owner: '',
        note: '',
      });
    }
  }
  return { candidates, targets };
}

const inState = (region: RegionRef, site: { state: string }) => region.kind === 'state' && region.state === site.state;

/** One full simulate() call; returns a small digest so the work cannot be optimised away. */
export function runForecast(input: ForecastInput, runs: number, seed = 7): { targets: number; meanProbabilityMet: number } {
  const result = simulate({
    candidates: input.candidates,
    targets: input.targets,
    assumptions: DEFAULT_ASSUMPTIONS,
    now: input.now ?? NOW,
    runs,
    seed,
    horizonMonths: input.horizonMonths ?? 36,
    regionContains: inState,
  });
  const p = result.targets.map((t) => t.probabilityMet);
  return { targets: p.length, meanProbabilityMet: p.reduce((a, b) => a + b, 0) / (p.length || 1) };
}
