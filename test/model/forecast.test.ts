import { makeCandidate } from '../helpers/candidate';
import { describe, it, expect } from 'vitest';
import { ASSUMPTION_FIELDS, DEFAULT_ASSUMPTIONS, type Assumptions } from '../../src/model/timing/assumptions';
import { fiscalYearOf, formatIsoDate, parseIsoDate } from '../../src/model/calendar';
import { MAX_TARGET_BAND_CANDIDATES, TARGET_BAND_BUDGET } from '../../src/model/forecast/group-tally';
import { binomialAtLeast, extraCandidatesNeeded } from '../../src/model/forecast/back-calculation';
import { createRandom, triangularQuantile } from '../../src/model/forecast/random';
import { runForecastRequest, toForecastRequest } from '../../src/model/forecast/request';
import { simulate, type ForecastTarget, type SimulateOptions } from '../../src/model/forecast/simulate';
import type { Candidate, RegionRef, Target } from '../../src/model/types';

const NOW = '2027-01-15';
const NOW_DAY = parseIsoDate(NOW) as number;

/**
 * Every duration zero, nobody withdraws and every waiver is approved: only the calendar and the lottery remain. The flat
 * selection rule and no $100,000 fee unless a test asks, so each test sees one rule at a time.
 */
function instant(overrides: Partial<Assumptions> = {}): Assumptions {
  const zeroed = ASSUMPTION_FIELDS.filter(
    (field) => /(Days|Months)(Min|Mode|Max)$/.test(field) || field.startsWith('stageDays') || field.startsWith('withdrawal'),
  );
  return {
    ...DEFAULT_ASSUMPTIONS,
    ...Object.fromEntries(zeroed.map((field) => [field, 0])),
    h1bSelectionModel: 'flat',
    h1bFeeScenario: 'not-applied',
    conrad30RecommendProbability: 1,
    waiverApprovalProbability: 1,
    ...overrides,
  };
}

const candidate = (overrides: Partial<Candidate> = {}): Candidate => makeCandidate({ stageDate: NOW, ...overrides });

function target(overrides: Partial<Target> = {}): Target {
  return {
    id: 't1',
    profession: 'physician',
    specialty: 'internal medicine',
    region: { kind: 'state', state: 'TX' },
    hires: 1,
    dueQuarter: '2027-Q4',
    priority: 'high',
    owner: '',
    note: '',
    ...overrides,
  };
}

const inState = (region: RegionRef, site: { state: string }) => region.kind === 'state' && region.state === site.state;

function options(overrides: Partial<SimulateOptions>): SimulateOptions {
  return {
    candidates: [candidate()],
    targets: [],
    assumptions: instant(),
    now: NOW,
    runs: 1000,
    seed: 7,
    horizonMonths: 24,
    regionContains: inState,
    newCandidateScenarios: [],
    ...overrides,
  };
}

/** Arrival days of every run, for small cohorts. */
function collectRuns(input: SimulateOptions): number[][] {
  const runs: number[][] = [];
  simulate({ ...input, onRun: (_, days) => runs.push(Array.from(days)) });
  return runs;
}

const relative = (iso: string) => (parseIsoDate(iso) as number) - NOW_DAY;

describe('random', () => {
  it('repeats a sequence for a seed and changes it with the seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    const bulk = new Float64Array(5);
    createRandom(42).fill(bulk);
    expect(Array.from(bulk)).toEqual(draw(42));
  });

  it('draws uniforms in [0, 1) and triangular and normal values with the right moments', () => {
    const random = createRandom(1);
    let sum = 0;
    let triangularSum = 0;
    let normalSum = 0;
    let normalSquares = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      if (u < 0 || u >= 1) throw new Error(`uniform out of range: ${u}`);
      sum += u;
      const t = random.triangular(1, 3, 8);
      if (t < 1 || t > 8) throw new Error(`triangular out of range: ${t}`);
      triangularSum += t;
      const z = random.normal(2, 3);
      normalSum += z;
      normalSquares += (z - 2) ** 2;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(triangularSum / n).toBeCloseTo(4, 1);
    expect(normalSum / n).toBeCloseTo(2, 1);
    expect(Math.sqrt(normalSquares / n)).toBeCloseTo(3, 1);
    expect(random.uniform(5, 5)).toBe(5);
  });

  it('inverts the triangular CDF at its ends and mode', () => {
    expect(triangularQuantile(0, 2, 5, 9)).toBe(2);
    expect(triangularQuantile((5 - 2) / (9 - 2), 2, 5, 9)).toBeCloseTo(5);
    expect(triangularQuantile(0.999999999, 2, 5, 9)).toBeCloseTo(9, 3);
    expect(triangularQuantile(0.3, 4, 4, 4)).toBe(4);
  });
});

describe('H-1B cap lottery', () => {
  it('arrives by Oct 1 of the lottery year with probability p (100k runs, every other step instant)', () => {
    const p = 0.3;
    const oct1 = relative('2027-10-01');
    let byOct1 = 0;
    let never = 0;
    const seen = new Set<number>();
    const result = simulate(
      options({
        candidates: [candidate({ visaRoute: 'h1b-cap-subject' })],
        targets: [target({ dueQuarter: '2027-Q4' })],
        assumptions: instant({ h1bSelectionProbability: p }),
        runs: 100_000,
        onRun: (_, days) => {
          seen.add(days[0]);
          if (days[0] <= oct1) byOct1++;
          if (days[0] === Infinity) never++;
        },
      }),
    );
    expect(Math.abs(byOct1 / 100_000 - p)).toBeLessThan(0.01);
    expect(Math.abs(result.targets[0].probabilityMet - p)).toBeLessThan(0.01);
    // Three lotteries by default: Oct 1 2027, 2028, 2029, or never.
    expect([...seen].sort((a, b) => a - b)).toEqual([oct1, relative('2028-10-01'), relative('2029-10-01'), Infinity]);
    expect(Math.abs(never / 100_000 - 0.7 ** 3)).toBeLessThan(0.01);
  });

  it('waits for the next March when the offer is accepted after this year’s window', () => {
    const runs = collectRuns(
      options({
        candidates: [candidate({ visaRoute: 'h1b-cap-subject', stageDate: '2027-03-20' })],
        assumptions: instant({ h1bSelectionProbability: 1 }),
        runs: 50,
      }),
    );
    expect(new Set(runs.map((days) => days[0]))).toEqual(new Set([relative('2028-10-01')]));
  });

  it('uses the wage-level odds when chosen', () => {
    const result = simulate(
      options({
        candidates: [candidate({ visaRoute: 'h1b-cap-subject' })],
        targets: [target()],
        assumptions: instant({ h1bSelectionModel: 'wage-level', h1bWageLevelPhysician: 4 }),
        runs: 20_000,
      }),
    );
    expect(Math.abs(result.targets[0].probabilityMet - 0.6116)).toBeLessThan(0.02);
  });

  it('uses the wage level of the offer saved on a target for its candidates, the lowest when targets disagree', () => {
    const run = (targets: ForecastTarget[]) =>
      simulate(
        options({
          candidates: [candidate({ visaRoute: 'h1b-cap-subject' })],
          targets,
          assumptions: instant({ h1bSelectionModel: 'wage-level', h1bWageLevelPhysician: 2 }),
          runs: 20_000,
        }),
      );
    // One lottery, everything else instant: P(met) is the level's selection probability.
    expect(Math.abs(run([target()]).targets[0].probabilityMet - 0.3058)).toBeLessThan(0.02);
    expect(Math.abs(run([{ ...target(), wageLevel: 4 }]).targets[0].probabilityMet - 0.6116)).toBeLessThan(0.02);
    const two = run([
      { ...target({ id: 't4' }), wageLevel: 4 },
      { ...target({ id: 't1' }), wageLevel: 1 },
    ]);
    for (const t of two.targets) expect(Math.abs(t.probabilityMet - 0.1529)).toBeLessThan(0.02);
  });
});

describe('Conrad 30 capacity', () => {
  // Ohio takes applications from Oct 1, first come, like most states (Texas's September window is tested in casebook A3).
  // Licensed, so the H-1B petition after the waiver waits for nothing but the waiver.
  const conrad = (overrides: Partial<Candidate> = {}) =>
    candidate({ visaRoute: 'j1-conrad30', siteState: 'OH', licenceStatus: 'licensed', ...overrides });
  // 40 applicants in one state, ready to file over a few months around the Oct 1 fiscal-year start.
  const applicants = Array.from({ length: 40 }, (_, i) => conrad({ id: `j${i}`, stage: 'sourced' }));
  const conradOptions = options({
    candidates: applicants,
    now: '2027-06-15',
    // Recruitment keeps its default spread; filing → start is instant so arrival day = filing day.
    // The employer is granted the state's whole 30 a year, so the statute's cap is the one that binds.
    assumptions: instant({
      conrad30EmployerSlots: 30,
      stageDaysSourced: 21,
      stageDaysScreening: 21,
      stageDaysInterview: 30,
      stageDaysOffer: 14,
      stageDaysAccepted: 14,
    }),
    runs: 2000,
  });

  it('never places more than 30 in a fiscal year, and places everyone eventually (every run)', () => {
    const nowDay = parseIsoDate('2027-06-15') as number;
    let binding = 0;
    let runs = 0;
    simulate({
      ...conradOptions,
      onRun: (_, days) => {
        runs++;
        const perYear = new Map<number, number>();
        for (const day of days) {
          if (day === Infinity) throw new Error('an applicant was never placed');
          const fiscalYear = fiscalYearOf(nowDay + day);
          perYear.set(fiscalYear, (perYear.get(fiscalYear) ?? 0) + 1);
        }
        for (const count of perYear.values()) if (count > 30) throw new Error(`${count} placed in one fiscal year`);
        if ([...perYear.values()].includes(30)) binding++;
      },
    });
    expect(runs).toBe(2000);
    expect(binding).toBeGreaterThan(0); // the cap did bite, so the check above tested something
  });

  it('files the crowded-out applicants when a later window opens on Oct 1', () => {
    const nowDay = parseIsoDate('2027-06-15') as number;
    const [days] = collectRuns({ ...conradOptions, runs: 1, assumptions: { ...conradOptions.assumptions, conrad30EmployerSlots: 5 } });
    const perYear = new Map<number, number>();
    for (const day of days) perYear.set(fiscalYearOf(nowDay + day), (perYear.get(fiscalYearOf(nowDay + day)) ?? 0) + 1);
    expect(Math.max(...perYear.values())).toBe(5);
    expect(perYear.size).toBe(8);
    // Applicants are ready in FY2027 or FY2028, so at most 10 can file on their own day; the rest wait for an Oct 1.
    const onOct1 = days.filter((day) => formatIsoDate(nowDay + day).endsWith('-10-01')).length;
    expect(onOct1).toBeGreaterThanOrEqual(30);
  });

  it('serves applicants first come, first served, whatever their order in the list', () => {
    const later = conrad({ id: 'later', stageDate: '2027-03-01' });
    const earlier = conrad({ id: 'earlier', stageDate: '2027-02-01' });
    const [days] = collectRuns(options({ candidates: [later, earlier], assumptions: instant({ conrad30EmployerSlots: 1 }), runs: 1 }));
    expect(days).toEqual([relative('2027-10-01'), relative('2027-02-01')]);
  });

  it('places nobody when the state has no slots', () => {
    const runs = collectRuns({
      ...conradOptions,
      runs: 100,
      assumptions: { ...conradOptions.assumptions, conrad30EmployerSlots: 0, conrad30EmployerFlexSlots: 0 },
    });
    expect(runs.every((days) => days.every((day) => day === Infinity))).toBe(true);
  });

  it('keeps the waiver when licensing ends more than 90 days after the H-1B’s start: the start is late, not lost (R14)', () => {
    const late = instant({ physicianLicenceDaysMin: 200, physicianLicenceDaysMode: 200, physicianLicenceDaysMax: 200 });
    const runs = collectRuns(options({ candidates: [conrad({ licenceStatus: 'not-applied' })], assumptions: late, runs: 20 }));
    // The H-1B petition is filed once licensed (day 200) and decided 21 calendar days later (premium processing; R10).
    expect(runs.every((days) => days[0] === 221)).toBe(true);
  });
});

describe('simulate', () => {
  const mixed = [
    candidate({ id: 'a', visaRoute: 'h1b-cap-subject' }),
    candidate({ id: 'b', visaRoute: 'h1b-cap-exempt', stage: 'sourced' }),
    candidate({ id: 'c', visaRoute: 'j1-conrad30', stage: 'offer' }),
    candidate({ id: 'd', profession: 'mls', specialty: 'medical laboratory scientist', siteState: 'CA', visaRoute: 'tn' }),
  ];
  const realistic = options({
    candidates: mixed,
    targets: [target({ hires: 2 })],
    assumptions: DEFAULT_ASSUMPTIONS,
    runs: 3000,
    newCandidateScenarios: undefined,
  });

  it('gives identical results for the same seed and different ones for another seed', () => {
    const first = simulate({ ...realistic, seed: 11 });
    expect(simulate({ ...realistic, seed: 11 })).toEqual(first);
    const other = simulate({ ...realistic, seed: 12 });
    expect(other).not.toEqual(first);
    expect(other.targets[0].expectedArrivals).not.toBe(first.targets[0].expectedArrivals);
  });

  it('brings a US-authorized candidate in after licensure and credentialing only', () => {
    const fixed = instant({
      physicianLicenceDaysMin: 90,
      physicianLicenceDaysMode: 90,
      physicianLicenceDaysMax: 90,
      credentialingDaysMin: 120,
      credentialingDaysMode: 120,
      credentialingDaysMax: 120,
    });
    const fromToday = collectRuns(options({ candidates: [candidate({ stage: 'licensure' })], assumptions: fixed, runs: 50 }));
    expect(new Set(fromToday.map((days) => days[0]))).toEqual(new Set([210]));
    const startedEarlier = collectRuns(
      options({ candidates: [candidate({ stage: 'licensure', stageDate: '2026-12-16' })], assumptions: fixed, runs: 5 }),
    );
    expect(startedEarlier.every((days) => days[0] === 180)).toBe(true);
    const withRanges = collectRuns(
      options({
        candidates: [candidate({ stage: 'licensure' })],
        assumptions: instant({
          physicianLicenceDaysMin: 60,
          physicianLicenceDaysMode: 90,
          physicianLicenceDaysMax: 365,
          credentialingDaysMin: 60,
          credentialingDaysMode: 120,
          credentialingDaysMax: 180,
        }),
        runs: 2000,
      }),
    );
    const days = withRanges.map((run) => run[0]);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(120);
    expect(Math.max(...days)).toBeLessThanOrEqual(545);
    expect(days.reduce((a, b) => a + b, 0) / days.length).toBeCloseTo((60 + 90 + 365) / 3 + (60 + 120 + 180) / 3, -1);
  });

  it('counts an arrived candidate immediately, in the first month and toward a target due this quarter', () => {
    const result = simulate(
      options({
        candidates: [candidate({ stage: 'arrived', stageDate: '2026-12-01' })],
        targets: [target({ dueQuarter: '2027-Q1' })],
        runs: 10,
      }),
    );
    expect(result.months[0]).toBe('2027-01');
    expect(result.total.cumulative.mean[0]).toBe(1);
    expect(result.targets[0]).toMatchObject({ probabilityMet: 1, expectedArrivals: 1, expectedShortfall: 0 });
  });

  it('never brings in a withdrawn candidate', () => {
    const runs = collectRuns(options({ candidates: [candidate({ stage: 'withdrawn' })], targets: [target()], runs: 100 }));
    expect(runs.every((days) => days[0] === Infinity)).toBe(true);
    const result = simulate(options({ candidates: [candidate({ stage: 'withdrawn' })], targets: [target()], runs: 100 }));
    expect(result.targets[0]).toMatchObject({ probabilityMet: 0, expectedArrivals: 0, expectedShortfall: 1 });
    expect(result.total.candidates).toBe(0);
  });

  it('withdraws candidates at the stage rates', () => {
    const result = simulate(
      options({
        candidates: [candidate({ stage: 'offer' })],
        targets: [target()],
        assumptions: instant({ withdrawalOffer: 0.4 }),
        runs: 20_000,
      }),
    );
    expect(Math.abs(result.targets[0].probabilityMet - 0.6)).toBeLessThan(0.02);
  });

  it('builds cumulative monthly series by specialty × state, with percentiles', () => {
    const fixed = instant({ credentialingDaysMin: 100, credentialingDaysMode: 100, credentialingDaysMax: 100 });
    const result = simulate(
      options({
        candidates: [
          candidate({ stage: 'credentialing' }),
          candidate({ id: 'c2', stage: 'arrived' }),
          candidate({ id: 'c3', siteState: 'OH', stage: 'withdrawn' }),
        ],
        assumptions: fixed,
        runs: 10,
        horizonMonths: 6,
      }),
    );
    // Arrival on 2027-04-25 (day 100): April is month index 3.
    expect(formatIsoDate(NOW_DAY + 100)).toBe('2027-04-25');
    expect(result.months).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    const texas = result.bySpecialtyState.find((series) => series.state === 'TX');
    expect(texas?.cumulative.mean).toEqual([1, 1, 1, 2, 2, 2]);
    expect(texas?.cumulative.p10).toEqual([1, 1, 1, 2, 2, 2]);
    expect(texas?.candidates).toBe(2);
    expect(result.bySpecialtyState.find((series) => series.state === 'OH')?.cumulative.p90).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.candidateArrivalProbability).toEqual([1, 1, 0]);
  });

  it('matches candidates to targets by profession, specialty and region', () => {
    const result = simulate(
      options({
        candidates: [candidate(), candidate({ id: 'ny', siteState: 'NY' }), candidate({ id: 'peds', specialty: 'pediatrics' })],
        targets: [target({ hires: 3 })],
        runs: 10,
      }),
    );
    expect(result.targets[0]).toMatchObject({
      matchedCandidates: 1,
      expectedArrivals: 1,
      expectedShortfall: 2,
      probabilityMet: 0,
      dueDate: '2027-12-31',
    });
  });

  it('prices government fees per hire by route for a nonprofit employer (USCIS schedule, R1, R2)', () => {
    const result = simulate(
      options({
        candidates: [
          candidate({ currentStatus: 'h1b-cap-exempt', visaRoute: 'h1b-transfer' }),
          candidate({ id: 'x', visaRoute: 'h1b-cap-exempt' }),
          candidate({ id: 't', visaRoute: 'tn', profession: 'mls', specialty: 'medical laboratory scientist' }),
        ],
        assumptions: instant({ h1bSelectionProbability: 0.3 }),
        runs: 40_000,
      }),
    );
    const cost = Object.fromEntries(result.costPerHireByRoute.map((route) => [route.visaRoute, route]));
    // Cap-exempt employers (universities and affiliates): reduced I-129 $460, fraud fee $500, no ACWIA or
    // Asylum Program fee; premium processing $2,965.
    expect(cost['h1b-cap-exempt'].costPerHireUsd).toBe(460 + 500 + 2965);
    // A cap-exempt H-1B moving to a cap-subject employer goes through the lottery and pays its fees:
    // $215 per registration, every lottery entered (1 + 0.7 + 0.49 entries per 1 − 0.7³ hires), then
    // I-129 $460 (nonprofit), ACWIA $1,500 (not a university affiliate), fraud $500, premium $2,965.
    const expected = (215 * (1 + 0.7 + 0.49)) / (1 - 0.7 ** 3) + 460 + 1500 + 500 + 2965;
    expect(Math.abs((cost['h1b-cap-subject'].costPerHireUsd as number) - expected)).toBeLessThan(25);
    expect(cost['h1b-transfer']).toBeUndefined();
    expect(cost.tn.costPerHireUsd).toBeNull();
    expect(cost['us-authorized']).toBeUndefined();
  });

  it('back-calculates how many new candidates a target needs', () => {
    const result = simulate(
      options({
        candidates: [],
        targets: [target({ hires: 1 })],
        assumptions: instant({ withdrawalOffer: 0.5 }),
        newCandidateScenarios: [
          { stage: 'offer', visaRoute: 'us-authorized' },
          { stage: 'offer', visaRoute: 'h1b-cap-subject', stageDate: '2027-12-01' },
        ],
        runs: 20_000,
      }),
    );
    const [usAuthorized, tooLate] = result.targets[0].newCandidatesNeeded;
    expect(Math.abs(usAuthorized.arrivalProbability - 0.5)).toBeLessThan(0.02);
    // 1 − 0.5ⁿ ≥ 0.8 first holds at n = 3.
    expect(usAuthorized.candidatesNeeded).toBe(3);
    expect(tooLate).toMatchObject({ stageDate: '2027-12-01', arrivalProbability: 0, candidatesNeeded: null });
  });

  it('runs the same forecast through a worker request', () => {
    const request = toForecastRequest({ ...realistic, targets: [target(), target({ id: 'ny', region: { kind: 'state', state: 'NY' } })] });
    expect(request.regionSites).toEqual([
      { region: { kind: 'state', state: 'TX' }, sites: ['TX|48201'] },
      { region: { kind: 'state', state: 'NY' }, sites: [] },
    ]);
    const cloned = structuredClone(request);
    expect(runForecastRequest(cloned)).toEqual(
      simulate({ ...realistic, targets: [target(), target({ id: 'ny', region: { kind: 'state', state: 'NY' } })] }),
    );
  });

  it('rejects input it cannot run on, naming the problem', () => {
    expect(() => simulate(options({ now: '2027-13-01' }))).toThrow('now');
    expect(() => simulate(options({ runs: 0 }))).toThrow('runs');
    expect(() => simulate(options({ runs: 1.5 }))).toThrow('runs');
    expect(() => simulate(options({ horizonMonths: 0 }))).toThrow('horizonMonths');
    expect(() => simulate(options({ targets: [target({ dueQuarter: '2027-Q9' })] }))).toThrow('dueQuarter');
    expect(() => simulate(options({ assumptions: { ...DEFAULT_ASSUMPTIONS, h1bSelectionProbability: NaN } }))).toThrow(
      'h1bSelectionProbability',
    );
    expect(() => simulate(options({ candidates: [candidate({ visaRoute: 'h2b' as never })] }))).toThrow('visa route');
  });
});

describe('back-calculation maths', () => {
  it('computes binomial tails exactly and stably for large n', () => {
    expect(binomialAtLeast(5, 0.5, 2)).toBeCloseTo(1 - 6 / 32, 12);
    expect(binomialAtLeast(3, 0.2, 0)).toBe(1);
    expect(binomialAtLeast(3, 0.2, 4)).toBe(0);
    expect(binomialAtLeast(100_000, 0.01, 900)).toBeGreaterThan(0.99);
    expect(binomialAtLeast(100_000, 0.01, 1100)).toBeLessThan(0.01);
  });

  it('combines the simulated pipeline with new candidates', () => {
    // Half the runs already deliver 1 of 2 hires, half deliver none.
    const freq = [50, 50, 0];
    const query = { freq, runs: 100, hires: 2, arrivalProbability: 1, targetProbability: 0.8 };
    expect(extraCandidatesNeeded(query)).toBe(2);
    expect(extraCandidatesNeeded({ ...query, targetProbability: 0.5 })).toBe(1);
    expect(extraCandidatesNeeded({ ...query, hires: 0 })).toBe(0);
    expect(extraCandidatesNeeded({ ...query, arrivalProbability: 0 })).toBeNull();
  });
});

describe('target cumulative band', () => {
  const fixedDays = (licence: number, credentialing: number) =>
    instant({
      physicianLicenceDaysMin: licence,
      physicianLicenceDaysMode: licence,
      physicianLicenceDaysMax: licence,
      credentialingDaysMin: credentialing,
      credentialingDaysMode: credentialing,
      credentialingDaysMax: credentialing,
    });

  /** Per run and month, matched arrivals by the month's end, recomputed from the arrival days. */
  function cumulativeByRun(runs: number[][], members: number[], nowDay: number, months: number): number[][] {
    const labels = Array.from({ length: months }, (_, m) => monthLabel(nowDay, m));
    return runs.map((days) => {
      const counts = new Array<number>(months).fill(0);
      for (const i of members) {
        if (days[i] === Infinity) continue;
        const label = formatIsoDate(nowDay + Math.max(days[i], 0)).slice(0, 7);
        for (let m = 0; m < months; m++) if (label <= labels[m]) counts[m]++;
      }
      return counts;
    });
  }
  const monthLabel = (nowDay: number, m: number) => {
    const [year, month] = formatIsoDate(nowDay).split('-').map(Number);
    const index = year * 12 + month - 1 + m;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const quantile = (values: number[], q: number) => {
    const sorted = values.slice().sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  };
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

  it('is 0 before a fixed arrival month and 1 from it on, and 1 at the due month', () => {
    // Licensure 90 days + credentialing 120 days from today: day 210 = 2027-08-13, month index 7.
    expect(formatIsoDate(NOW_DAY + 210)).toBe('2027-08-13');
    const result = simulate(
      options({
        candidates: [candidate({ stage: 'licensure' })],
        targets: [target({ dueQuarter: '2027-Q4' })],
        assumptions: fixedDays(90, 120),
        runs: 50,
        horizonMonths: 12,
      }),
    );
    const expected = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const forecast = result.targets[0];
    expect(forecast.cumulative).toEqual({ mean: expected, p10: expected, p90: expected });
    expect(forecast.cumulativePercentiles).toBe(true);
    expect(result.months[11]).toBe('2027-12');
    expect(forecast.cumulative.mean[11]).toBe(forecast.expectedArrivals);
    expect(forecast.expectedArrivals).toBe(1);
  });

  it('counts an arrival at any time on the due date toward the target, as in the month of that date', () => {
    // Credentialing takes 75–76 days from today: arrival during 2027-03-31, the last day of Q1.
    const onDueDate = instant({ credentialingDaysMin: 75, credentialingDaysMode: 75, credentialingDaysMax: 76 });
    const days = collectRuns(options({ candidates: [candidate({ stage: 'credentialing' })], assumptions: onDueDate, runs: 200 })).map(
      (run) => run[0],
    );
    expect(days.every((day) => day > 75 && day < 76)).toBe(true);
    expect(formatIsoDate(NOW_DAY + 75.5)).toBe('2027-03-31');
    const result = simulate(
      options({
        candidates: [candidate({ stage: 'credentialing' })],
        targets: [target({ dueQuarter: '2027-Q1' })],
        assumptions: onDueDate,
        newCandidateScenarios: [{ stage: 'credentialing', visaRoute: 'us-authorized' }],
        runs: 200,
        horizonMonths: 4,
      }),
    );
    const forecast = result.targets[0];
    expect(forecast.cumulative.mean).toEqual([0, 0, 1, 1]);
    expect(forecast).toMatchObject({ expectedArrivals: 1, probabilityMet: 1, arrivalsP10: 1 });
    expect(forecast.newCandidatesNeeded[0].arrivalProbability).toBe(1);
    // A day later (2027-04-01) is too late.
    const dayLate = instant({ credentialingDaysMin: 76, credentialingDaysMode: 76, credentialingDaysMax: 76.5 });
    const late = simulate(
      options({
        candidates: [candidate({ stage: 'credentialing' })],
        targets: [target({ dueQuarter: '2027-Q1' })],
        assumptions: dayLate,
        runs: 50,
        horizonMonths: 4,
      }),
    );
    expect(late.targets[0].cumulative.mean).toEqual([0, 0, 0, 1]);
    expect(late.targets[0].expectedArrivals).toBe(0);
  });

  it('matches the arrivals recomputed run by run, rises month by month, and meets expectedArrivals at the due month', () => {
    const states = ['TX', 'TX', 'TX', 'NY'];
    const routes = ['us-authorized', 'h1b-cap-subject', 'h1b-cap-exempt', 'j1-conrad30', 'o1'] as const;
    const stages = ['arrived', 'sourced', 'offer', 'accepted', 'licensure', 'visa', 'withdrawn'] as const;
    const candidates = Array.from({ length: 60 }, (_, i) =>
      candidate({
        id: `m${i}`,
        siteState: states[i % states.length],
        visaRoute: routes[i % routes.length],
        stage: stages[i % stages.length],
        stageDate: formatIsoDate(NOW_DAY - (i % 9) * 20),
        specialty: i % 11 === 0 ? 'pediatrics' : 'internal medicine',
      }),
    );
    const targets = [
      target({ id: 'tx-q4', dueQuarter: '2027-Q4', hires: 10 }),
      target({ id: 'tx-2028', dueQuarter: '2028-Q2', hires: 20 }),
      target({ id: 'ny-q3', region: { kind: 'state', state: 'NY' }, dueQuarter: '2027-Q3', hires: 3 }),
      target({ id: 'tx-after-horizon', dueQuarter: '2029-Q4', hires: 30 }),
      target({ id: 'tx-past', dueQuarter: '2026-Q4', hires: 1 }),
    ];
    const horizonMonths = 24;
    // The sampled path draws every candidate in every run, so its percentiles are the runs' own.
    const input = options({ candidates, targets, assumptions: DEFAULT_ASSUMPTIONS, runs: 3000, horizonMonths, seed: 3, method: 'sampled' });
    const runs = collectRuns(input);
    const result = simulate(input);
    const matched = (t: Target) =>
      candidates.flatMap((c, i) => (c.specialty === t.specialty && t.region.kind === 'state' && c.siteState === t.region.state ? [i] : []));

    targets.forEach((t, index) => {
      const forecast = result.targets[index];
      const members = matched(t);
      expect(forecast.matchedCandidates).toBe(members.length);
      expect(forecast.cumulativePercentiles).toBe(true);
      const perRun = cumulativeByRun(runs, members, NOW_DAY, horizonMonths);
      for (let m = 0; m < horizonMonths; m++) {
        const values = perRun.map((counts) => counts[m]);
        expect(forecast.cumulative.mean[m]).toBeCloseTo(mean(values), 10);
        expect(forecast.cumulative.p10[m]).toBe(quantile(values, 0.1));
        expect(forecast.cumulative.p90[m]).toBe(quantile(values, 0.9));
        if (m > 0) {
          expect(forecast.cumulative.mean[m]).toBeGreaterThanOrEqual(forecast.cumulative.mean[m - 1]);
          expect(forecast.cumulative.p10[m]).toBeGreaterThanOrEqual(forecast.cumulative.p10[m - 1]);
          expect(forecast.cumulative.p90[m]).toBeGreaterThanOrEqual(forecast.cumulative.p90[m - 1]);
        }
        expect(forecast.cumulative.p10[m]).toBeLessThanOrEqual(forecast.cumulative.p90[m]);
      }
      // Arrivals by the due date (any time on it), recomputed independently of the month tally.
      const dueEnd = relative(forecast.dueDate) + 1;
      const byDue = runs.map((days) => members.filter((i) => days[i] < dueEnd).length);
      expect(forecast.expectedArrivals).toBeCloseTo(mean(byDue), 10);
      expect(forecast.arrivalsP10).toBe(quantile(byDue, 0.1));
      expect(forecast.arrivalsP90).toBe(quantile(byDue, 0.9));
      const dueMonth = result.months.indexOf(forecast.dueDate.slice(0, 7));
      if (dueMonth >= 0) {
        expect(forecast.cumulative.mean[dueMonth]).toBeCloseTo(forecast.expectedArrivals, 10);
        expect(forecast.cumulative.p10[dueMonth]).toBe(forecast.arrivalsP10);
        expect(forecast.cumulative.p90[dueMonth]).toBe(forecast.arrivalsP90);
      }
    });
    // The data exercise what they should: spread over months, due dates inside and outside the horizon.
    const q4 = result.targets[0];
    expect(q4.cumulative.mean[0]).toBeGreaterThan(0);
    expect(q4.cumulative.mean[horizonMonths - 1]).toBeGreaterThan(q4.cumulative.mean[0] + 1);
    expect(q4.cumulative.p90[horizonMonths - 1]).toBeGreaterThan(q4.cumulative.p10[horizonMonths - 1]);
    expect(result.months.indexOf('2029-12')).toBe(-1);
    expect(result.targets[3].expectedArrivals).toBeGreaterThan(q4.cumulative.mean[horizonMonths - 1]);
    expect(result.targets[4].expectedArrivals).toBeGreaterThan(0);
    expect(result.targets[4].expectedArrivals).toBeLessThan(q4.cumulative.mean[0]);
  });

  it('is all zeros for a target no candidate matches', () => {
    const result = simulate(
      options({ targets: [target({ specialty: 'neurology' })], assumptions: DEFAULT_ASSUMPTIONS, runs: 200, horizonMonths: 18 }),
    );
    const zeros = new Array<number>(18).fill(0);
    expect(result.targets[0].matchedCandidates).toBe(0);
    expect(result.targets[0].cumulative).toEqual({ mean: zeros, p10: zeros, p90: zeros });
    expect(result.total.cumulative.mean[17]).toBeGreaterThan(0); // the one candidate does arrive, just not for this target
  });

  // Only the sampled path keeps run-by-run counts (the direct path computes every band exactly).
  it(`keeps only the mean (p10 = p90 = mean) for a target of more than ${MAX_TARGET_BAND_CANDIDATES} candidates on the sampled path`, () => {
    const pool = (count: number) => Array.from({ length: count }, (_, i) => candidate({ id: `p${i}`, stage: 'offer' }));
    const run = (count: number) => {
      const candidates = pool(count);
      const runs: number[][] = [];
      const result = simulate(
        options({
          candidates,
          targets: [target({ dueQuarter: '2027-Q1' })],
          assumptions: instant({ withdrawalOffer: 0.5 }),
          runs: 200,
          horizonMonths: 3,
          method: 'sampled',
          onRun: (_, days) => runs.push(Array.from(days)),
        }),
      );
      const arrived = runs.map((days) => days.filter((day) => day !== Infinity).length);
      return { forecast: result.targets[0], arrived };
    };

    const small = run(MAX_TARGET_BAND_CANDIDATES);
    expect(small.forecast.cumulativePercentiles).toBe(true);
    expect(small.forecast.cumulative.p10[2]).toBe(quantile(small.arrived, 0.1));
    expect(small.forecast.cumulative.p10[2]).toBeLessThan(small.forecast.cumulative.p90[2]);

    const large = run(MAX_TARGET_BAND_CANDIDATES + 1);
    const expectedMean = mean(large.arrived);
    expect(Number.isInteger(expectedMean)).toBe(false); // so p10 = mean cannot be a true percentile
    expect(large.forecast.cumulativePercentiles).toBe(false);
    expect(large.forecast.cumulative.mean).toEqual([expectedMean, expectedMean, expectedMean].map((x) => expect.closeTo(x, 9)));
    expect(large.forecast.cumulative.p10).toEqual(large.forecast.cumulative.mean);
    expect(large.forecast.cumulative.p90).toEqual(large.forecast.cumulative.mean);
    expect(large.forecast.cumulative.mean[2]).toBe(large.forecast.expectedArrivals);
    // The due-date summaries keep their percentiles.
    expect(large.forecast.arrivalsP10).toBe(quantile(large.arrived, 0.1));
  });

  it('keeps only the mean for the targets past the memory budget, in target order, on the sampled path', () => {
    const horizonMonths = 240;
    const candidates = Array.from({ length: 5000 }, (_, i) => candidate({ id: `b${i}`, stage: 'offer' }));
    const perTarget = horizonMonths * (candidates.length + 1);
    const fitting = Math.floor(TARGET_BAND_BUDGET / perTarget);
    expect(fitting).toBeGreaterThan(0);
    const targets = Array.from({ length: fitting + 2 }, (_, t) => target({ id: `t${t}` }));
    const input = options({ candidates, targets, assumptions: instant({ withdrawalOffer: 0.5 }), runs: 20, horizonMonths });
    const result = simulate({ ...input, method: 'sampled' });
    expect(result.targets.map((forecast) => forecast.cumulativePercentiles)).toEqual(targets.map((_, t) => t < fitting));
    // The direct path holds no per-run counts, so every band keeps its percentiles.
    expect(simulate(input).targets.every((forecast) => forecast.cumulativePercentiles)).toBe(true);
    const full = result.targets[0].cumulative;
    const meanOnly = result.targets[fitting].cumulative;
    expect(meanOnly.mean).toEqual(full.mean);
    expect(meanOnly.p10).toEqual(full.mean);
    expect(full.p10).not.toEqual(full.mean);
  });
});
