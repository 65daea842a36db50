// The fast forecast against the reference. The direct path draws each independent candidate on its
// own (pooling candidates with the same plan) and computes counts exactly; the sampled path draws
// every candidate in every run and counts run by run. They must agree within Monte Carlo error on
// varied pipelines, and a forecast split over any number of workers must equal the one-thread one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCandidate } from '../helpers/candidate';
import { formatIsoDate, parseIsoDate } from '../../src/model/calendar';
import { ForecastPart } from '../../src/model/forecast/forecast-part';
import { prepareForecast } from '../../src/model/forecast/prepare';
import { toForecastRequest } from '../../src/model/forecast/request';
import type { ForecastResult } from '../../src/model/forecast/result';
import { simulate, type ForecastTarget, type SimulateOptions, type SiteDesignations } from '../../src/model/forecast/simulate';
import { parsePipelineCsv } from '../../src/model/pipeline';
import { syntheticCandidates, syntheticTargets } from '../../src/model/pipeline/synthetic';
import { regionContainsFor } from '../../src/model/region-contains';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { ROUTES } from '../../src/model/timing/visa-routes';
import type { SiteDesignation } from '../../src/model/timing/waiver-sites';
import { CURRENT_STATUSES, STAGES, type Candidate, type RegionRef } from '../../src/model/types';

const NOW = '2026-11-23';
const NOW_DAY = parseIsoDate(NOW) as number;
const inState = (region: RegionRef, site: { state: string }) => region.kind === 'state' && region.state === site.state;

function target(id: string, overrides: Partial<ForecastTarget>): ForecastTarget {
  return {
    id,
    profession: 'physician',
    specialty: 'internal medicine',
    region: { kind: 'state', state: 'TX' },
    hires: 3,
    dueQuarter: '2027-Q4',
    priority: 'high',
    owner: '',
    note: '',
    ...overrides,
  };
}

/**
 * 200 candidates spread over stages, stage dates, routes, every visa status of their route, current
 * statuses, training and availability; Conrad 30 applicants crowd Texas (12 for 5 slots, some at
 * flex sites) but not New York (2); HHS clinical waiver sites eligible or not (siteDesignations);
 * several candidates share every field (cohorts); the $100,000 fee applies.
 */
function mixedPipeline(): Candidate[] {
  const routes = [
    'us-authorized',
    'h1b-cap-subject',
    'h1b-cap-exempt',
    'h1b-transfer',
    'o1',
    'j1-hhs-clinical',
    'eb2-niw',
    'eb3-perm',
    'tn',
  ] as const;
  const candidates: Candidate[] = [];
  for (let i = 0; i < 150; i++) {
    const visaRoute = routes[(i * 2) % routes.length];
    const statuses = ROUTES[visaRoute].statuses;
    const visaStatus = statuses[Math.floor(i / routes.length) % statuses.length];
    candidates.push(
      makeCandidate({
        id: `m${i}`,
        stage: STAGES[i % STAGES.length],
        stageDate: formatIsoDate(NOW_DAY - ((i * 37) % 330)),
        visaRoute,
        siteState: ['TX', 'NY', 'CA'][i % 3],
        siteCountyFips: i % 2 === 0 ? DESIGNATED_COUNTY[['TX', 'NY', 'CA'][i % 3]] : '',
        specialty: i % 4 === 0 ? 'family medicine' : 'internal medicine',
        currentStatus: CURRENT_STATUSES[(i * 5) % CURRENT_STATUSES.length],
        ecfmgCertified: i % 9 !== 0,
        trainingStatus: i % 13 === 0 ? 'needs-residency' : '',
        availableFrom: i % 11 === 0 ? formatIsoDate(NOW_DAY + 200) : '',
        visaStatus,
        visaStatusDate: visaStatus === 'not-started' ? '' : formatIsoDate(NOW_DAY - ((i * 53) % 400)),
      }),
    );
  }
  for (let i = 0; i < 14; i++) {
    const state = i < 12 ? 'TX' : 'NY';
    candidates.push(
      makeCandidate({
        id: `j${i}`,
        stage: 'accepted',
        stageDate: formatIsoDate(NOW_DAY - i * 15),
        visaRoute: 'j1-conrad30',
        currentStatus: 'j1',
        siteState: state,
        // Texas: every third site in a county without an HPSA, so it needs a flex slot.
        siteCountyFips: state === 'TX' && i % 3 === 0 ? NO_HPSA_COUNTY : DESIGNATED_COUNTY[state],
        visaStatus: i % 4 === 1 ? 'waiver-filed' : i % 4 === 3 ? 'waiver-approved' : 'not-started',
        visaStatusDate: i % 4 === 1 || i % 4 === 3 ? formatIsoDate(NOW_DAY - i * 20) : '',
      }),
    );
  }
  for (let i = 0; i < 20; i++) {
    candidates.push(
      makeCandidate({
        id: `hhs${i}`,
        stage: i % 2 === 0 ? 'accepted' : 'visa',
        stageDate: formatIsoDate(NOW_DAY - i * 11),
        visaRoute: 'j1-hhs-clinical',
        currentStatus: 'j1',
        siteState: 'TX',
        // A high-scored HPSA, a low-scored one (not eligible) and no HPSA at all (not eligible).
        siteCountyFips: [DESIGNATED_COUNTY.TX, LOW_SCORE_COUNTY, NO_HPSA_COUNTY][i % 3],
        visaStatus: i % 2 === 1 ? 'waiver-filed' : 'not-started',
        visaStatusDate: i % 2 === 1 ? formatIsoDate(NOW_DAY - i * 9) : '',
      }),
    );
  }
  for (let i = 0; i < 16; i++) {
    candidates.push(
      makeCandidate({ id: `same${i}`, stage: 'offer', stageDate: '2026-10-01', visaRoute: 'h1b-cap-subject', currentStatus: '' }),
    );
  }
  return candidates;
}

const DESIGNATED_COUNTY: Record<string, string> = { TX: '48201', NY: '36005', CA: '06019' };
const LOW_SCORE_COUNTY = '48113';
const NO_HPSA_COUNTY = '48029';
const designation = (countyFips: string, score: number): SiteDesignation => ({
  countyFips,
  countyName: `county ${countyFips}`,
  discipline: 'Primary Care',
  designationType: 'Geographic HPSA',
  status: 'Designated',
  score,
  wholeCounty: true,
});
/** Primary-care HPSA data for the three states: one high-scored HPSA county each, one low-scored in Texas. */
const mixedSites: SiteDesignations = {
  rows: [...Object.values(DESIGNATED_COUNTY).map((fips) => designation(fips, 18)), designation(LOW_SCORE_COUNTY, 3)],
  loaded: ['TX|Primary Care', 'NY|Primary Care', 'CA|Primary Care'],
};

const mixedTargets: ForecastTarget[] = [
  target('tx-2027', { hires: 8 }),
  target('tx-pc-2028', { specialty: 'primary care', dueQuarter: '2028-Q2', hires: 25 }),
  target('ny-2027q3', { region: { kind: 'state', state: 'NY' }, dueQuarter: '2027-Q3', hires: 4 }),
  target('ca-2029', { region: { kind: 'state', state: 'CA' }, dueQuarter: '2029-Q4', hires: 30, wageLevel: 3 }),
  target('tx-past', { dueQuarter: '2026-Q3', hires: 1 }),
];

function options(candidates: Candidate[], targets: ForecastTarget[], overrides: Partial<SimulateOptions> = {}): SimulateOptions {
  return {
    candidates,
    targets,
    assumptions: DEFAULT_ASSUMPTIONS,
    now: NOW,
    runs: 20_000,
    seed: 5,
    horizonMonths: 36,
    regionContains: inState,
    ...overrides,
  };
}

const samplePipeline = () => {
  const file = path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv');
  return parsePipelineCsv(fs.readFileSync(file, 'utf8'), 'pipeline-sample.csv', { today: NOW }).candidates;
};

/** Each target asks for about the hires it can expect (from a short run), so P(met) is neither 0 nor 1. */
function balanced(input: SimulateOptions): SimulateOptions {
  const quick = simulate({ ...input, runs: 500 });
  return { ...input, targets: input.targets.map((t, k) => ({ ...t, hires: Math.max(1, Math.round(quick.targets[k].expectedArrivals)) })) };
}

const pipelines: [string, () => SimulateOptions][] = [
  [
    'mixed stages, routes and statuses, a crowded Conrad 30 state, waiver sites checked, cohorts, the fee',
    () => balanced(options(mixedPipeline(), mixedTargets, { siteDesignations: mixedSites })),
  ],
  [
    'the sample pipeline, the fee as written',
    () =>
      balanced(
        options(
          samplePipeline(),
          [
            target('pc', { specialty: 'primary care', region: { kind: 'state', state: 'CA' }, hires: 10, dueQuarter: '2028-Q2' }),
            target('psy', { specialty: 'psychiatry', region: { kind: 'state', state: 'CA' }, hires: 3, dueQuarter: '2027-Q4' }),
          ],
          { assumptions: { ...DEFAULT_ASSUMPTIONS, h1bFeeScenario: 'as-written' }, horizonMonths: 48 },
        ),
      ),
  ],
  [
    'the benchmark’s synthetic pipeline (large cohorts)',
    () =>
      balanced(
        options(syntheticCandidates(400), syntheticTargets(8), { regionContains: regionContainsFor([], new Map()), horizonMonths: 48 }),
      ),
  ],
];

/**
 * Stated tolerance: 5 standard errors of the difference of two estimates at `runs` runs. A
 * probability's standard error is at most 0.5/√runs on either path. A count of n candidates has a
 * standard deviation of at most √n/2 per run, so on the sampled path its mean's error is at most
 * √n/(2√runs); the direct path draws a cohort of k candidates once (work-plan.ts), so their k
 * errors add up: at most √(n·K)/(2√runs) with K the largest cohort. Either difference is at most
 * √(2nK)/(2√runs). Percentiles of counts and months may differ by one step.
 */
function tolerances(runs: number, largestCohort = 1) {
  return {
    probability: 5 * Math.SQRT2 * (0.5 / Math.sqrt(runs)),
    mean: (n: number) => (5 * Math.sqrt(2 * Math.max(n, 1) * largestCohort)) / 2 / Math.sqrt(runs),
    step: 1,
    /** Cost per hire, relative: 2% at 20,000 runs of candidates drawn one by one, scaled as its error is. */
    costShare: 0.02 * Math.sqrt((20_000 / runs) * largestCohort),
  };
}

/** The most candidates alike in every field but their id: at most the largest cohort drawn once. */
function largestCohort(candidates: Candidate[]): number {
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    const key = JSON.stringify({ ...candidate, id: '' });
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Math.max(1, ...counts.values());
}

/** A forecast with each candidate's arrival-month distribution from its draws: cdf[i][m] = P(arrived by the end of month m). */
function simulateWithCdfs(input: SimulateOptions): { result: ForecastResult; cdf: number[][] } {
  const monthEnds = Array.from({ length: input.horizonMonths }, (_, m) => {
    const [year, month] = NOW.split('-').map(Number);
    const index = year * 12 + month + m; // the month after month m, 0-based months
    return (parseIsoDate(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`) as number) - NOW_DAY;
  });
  const counts = input.candidates.map(() => new Array<number>(input.horizonMonths).fill(0));
  const result = simulate({
    ...input,
    onRun: (_, days) =>
      days.forEach((day, i) => {
        for (let m = 0; m < monthEnds.length; m++) if (day < monthEnds[m]) counts[i][m]++;
      }),
  });
  return { result, cdf: counts.map((row) => row.map((count) => count / input.runs)) };
}

function compare(
  direct: ForecastResult,
  sampled: ForecastResult,
  candidates: Candidate[],
  runs: number,
  cdfs?: { direct: number[][]; sampled: number[][] },
): string[] {
  const tol = tolerances(runs, largestCohort(candidates));
  const misses: string[] = [];
  const near = (label: string, a: number, b: number, within: number) => {
    if (!(Math.abs(a - b) <= within)) misses.push(`${label}: direct ${a}, sampled ${b} (tolerance ${within.toFixed(4)})`);
  };
  const band = (label: string, a: ForecastResult['total']['cumulative'], b: typeof a, n: number) =>
    a.mean.forEach((_, m) => {
      near(`${label} mean[${m}]`, a.mean[m], b.mean[m], tol.mean(n));
      near(`${label} p10[${m}]`, a.p10[m], b.p10[m], tol.step);
      near(`${label} p90[${m}]`, a.p90[m], b.p90[m], tol.step);
    });
  const monthIndex = (label: string | null): number => (label === null ? Infinity : direct.months.indexOf(label));
  band('total', direct.total.cumulative, sampled.total.cumulative, candidates.length);
  direct.bySpecialtyState.forEach((series, s) =>
    band(`series ${series.state} ${series.specialty}`, series.cumulative, sampled.bySpecialtyState[s].cumulative, series.candidates),
  );
  direct.targets.forEach((t, k) => {
    const r = sampled.targets[k];
    const n = t.matchedCandidates;
    near(`${t.targetId} P(met)`, t.probabilityMet, r.probabilityMet, tol.probability);
    near(`${t.targetId} P(met) counterfactual`, t.probabilityMetCounterfactual, r.probabilityMetCounterfactual, tol.probability);
    near(`${t.targetId} expected`, t.expectedArrivals, r.expectedArrivals, tol.mean(n));
    near(`${t.targetId} shortfall`, t.expectedShortfall, r.expectedShortfall, tol.mean(n));
    near(`${t.targetId} p10`, t.arrivalsP10, r.arrivalsP10, tol.step);
    near(`${t.targetId} p90`, t.arrivalsP90, r.arrivalsP90, tol.step);
    band(`${t.targetId} band`, t.cumulative, r.cumulative, n);
    t.newCandidatesNeeded.forEach((need, j) => {
      const other = r.newCandidatesNeeded[j];
      near(
        `${t.targetId} new ${need.stage} ${need.visaRoute} P(arrive)`,
        need.arrivalProbability,
        other.arrivalProbability,
        tol.probability,
      );
      if (need.candidatesNeeded !== null && other.candidatesNeeded !== null) {
        // The count needed goes as 1/P(arrive): its relative error is P's (the same 5σ), at least 15%.
        const p = Math.max(other.arrivalProbability, 1e-9);
        const relative = Math.max(0.15, (5 * Math.SQRT2 * Math.sqrt((p * (1 - p)) / runs)) / p);
        near(
          `${t.targetId} new ${need.stage} ${need.visaRoute} needed`,
          need.candidatesNeeded,
          other.candidatesNeeded,
          Math.max(1, relative * other.candidatesNeeded),
        );
      }
    });
  });
  direct.costPerHireByRoute.forEach((route, k) => {
    const other = sampled.costPerHireByRoute[k];
    near(`${route.visaRoute} expected hires`, route.expectedHires, other.expectedHires, tol.mean(route.candidates));
    if (route.costPerHireUsd !== null && other.costPerHireUsd !== null) {
      near(`${route.visaRoute} cost per hire`, route.costPerHireUsd, other.costPerHireUsd, tol.costShare * other.costPerHireUsd);
    }
  });
  direct.candidates.forEach((c, i) => {
    const other = sampled.candidates[i];
    near(`${c.candidateId} P(arrive)`, c.arrivalProbability, other.arrivalProbability, tol.probability);
    c.byTarget.forEach((b, j) =>
      near(`${c.candidateId} P(by ${b.targetId})`, b.probability, other.byTarget[j].probability, tol.probability),
    );
    if (cdfs) {
      const [mine, theirs] = [cdfs.direct[i], cdfs.sampled[i]];
      mine.forEach((p, m) => near(`${c.candidateId} P(arrived by month ${m})`, p, theirs[m], tol.probability));
      // A percentile month of one path is a percentile month of the other's distribution, within the tolerance.
      for (const [field, q] of [
        ['arrivalP10', 0.1],
        ['arrivalMedian', 0.5],
        ['arrivalP90', 0.9],
      ] as const) {
        for (const [path, month, cdf] of [
          ['direct', monthIndex(c[field]), theirs],
          ['sampled', monthIndex(other[field]), mine],
        ] as const) {
          const last = cdf.length - 1;
          const reaches =
            month === Infinity
              ? cdf[last] <= q + tol.probability
              : cdf[month] >= q - tol.probability && (month === 0 || cdf[month - 1] <= q + tol.probability);
          if (!reaches)
            misses.push(
              `${c.candidateId} ${field} of the ${path} path (${month}) is not one of the other's (${cdf.map((p) => p.toFixed(3)).join(' ')})`,
            );
        }
      }
    }
    if ((other.delayedMostBy?.share ?? 0) > 0.6) {
      if (c.delayedMostBy?.track !== other.delayedMostBy?.track)
        misses.push(`${c.candidateId} delayed most by ${c.delayedMostBy?.track}, sampled ${other.delayedMostBy?.track}`);
    }
  });
  return misses;
}

describe('the direct forecast', () => {
  it.each(pipelines)('equals the sampled one within Monte Carlo error: %s', (_, make) => {
    const input = make();
    const direct = simulateWithCdfs(input);
    const sampled = simulateWithCdfs({ ...input, method: 'sampled', seed: input.seed + 1 });
    // The comparison covers counts with spread, not only certainties.
    expect(direct.result.targets.some((t) => t.probabilityMet > 0.05 && t.probabilityMet < 0.95)).toBe(true);
    expect(direct.result.targets.some((t) => t.arrivalsP90 > t.arrivalsP10)).toBe(true);
    expect(compare(direct.result, sampled.result, input.candidates, input.runs, { direct: direct.cdf, sampled: sampled.cdf })).toEqual([]);
  });

  it('is compared on every visa status and on eligible, flex, unchecked and ineligible waiver sites', () => {
    const input = pipelines[0][1]();
    const statuses = new Set(input.candidates.map((c) => c.visaStatus));
    const routeStatuses = new Set(Object.values(ROUTES).flatMap((route) => route.statuses));
    expect([...routeStatuses].filter((status) => !statuses.has(status))).toEqual([]);
    const sites = new Set(simulate({ ...input, runs: 10 }).candidates.map((c) => c.waiverSite?.status));
    expect(sites).toEqual(new Set([undefined, 'eligible', 'flex', 'check', 'not-eligible']));
  });

  it('is seeded: the same seed repeats it, another moves it within Monte Carlo error', () => {
    const input = options(mixedPipeline(), mixedTargets, { runs: 4000 });
    const first = simulate(input);
    expect(simulate(input)).toEqual(first);
    const other = simulate({ ...input, seed: 99 });
    expect(other).not.toEqual(first);
    expect(compare(other, first, input.candidates, input.runs)).toEqual([]);
  });

  it('sees where the fee bites, and its counterfactual is the other scenario’s forecast', () => {
    const input = balanced(options(mixedPipeline(), mixedTargets, { runs: 20_000 }));
    const fee = simulate(input);
    const none = simulate({ ...input, assumptions: { ...DEFAULT_ASSUMPTIONS, h1bFeeScenario: 'not-applied' }, seed: 6 });
    expect(fee.fee.counterfactual).toBe('not-applied');
    expect(fee.targets.some((t) => t.probabilityMetCounterfactual > t.probabilityMet + 0.05)).toBe(true);
    const { probability } = tolerances(input.runs);
    fee.targets.forEach((t, k) => {
      expect(Math.abs(t.probabilityMetCounterfactual - none.targets[k].probabilityMet), t.targetId).toBeLessThanOrEqual(probability);
      expect(Math.abs(t.probabilityMet - none.targets[k].probabilityMetCounterfactual), t.targetId).toBeLessThanOrEqual(probability);
    });
  });

  it('gives candidates with the same plan the same figures (one cohort), and others their own', () => {
    const result = simulate(options(mixedPipeline(), mixedTargets, { runs: 2000 }));
    const same = result.candidates.filter((c) => c.candidateId.startsWith('same'));
    expect(new Set(same.map((c) => JSON.stringify({ ...c, candidateId: '' }))).size).toBe(1);
    const crowded = result.candidates.filter((c) => /^j\d+$/.test(c.candidateId)).map((c) => c.arrivalProbability);
    expect(new Set(crowded).size).toBeGreaterThan(1);
  });

  it('draws a cohort once: thirty alike candidates and one other are two units of work', () => {
    const alike = Array.from({ length: 30 }, (_, i) => makeCandidate({ id: `a${i}`, stage: 'offer', visaRoute: 'h1b-cap-subject' }));
    const input = options([...alike, makeCandidate({ id: 'other', stage: 'interview' })], [], { runs: 1000 });
    expect(prepareForecast(input).context.work.unitCount).toBe(2);
    const result = simulate(input);
    expect(result.total.cumulative.mean.at(-1)).toBeCloseTo(
      30 * result.candidates[0].arrivalProbability + result.candidates[30].arrivalProbability,
      9,
    );
  });
});

/** Runs a forecast as the app's workers do: `workers` parts, chunk c run by part pick(c), summarised by part `summariser`. */
function runSplit(input: SimulateOptions, workers: number, pick: (chunk: number) => number, summariser = 0): ForecastResult {
  const request = toForecastRequest(input);
  const parts = Array.from({ length: workers }, () => new ForecastPart(structuredClone(request), workers * 4));
  parts[0].chunkCosts.forEach((_, chunk) => parts[pick(chunk)].run(chunk));
  const others = parts.filter((_, w) => w !== summariser).map((part) => structuredClone(part.tallies()));
  return parts[summariser].summarise(others);
}

describe('a forecast split over workers', () => {
  const input = options(mixedPipeline(), mixedTargets, { runs: 1500 });

  it.each([
    ['one worker', 1, () => 0, 0],
    ['two, alternating', 2, (c: number) => c % 2, 0],
    ['three, the last summarising', 3, (c: number) => (c * 7) % 3, 2],
    ['eight, one doing all the work', 8, () => 5, 1],
  ] as const)('gives the one-thread result: %s', (_, workers, pick, summariser) => {
    expect(runSplit(input, workers, pick, summariser)).toEqual(simulate(input));
  });

  it('on the sampled path too', () => {
    const sampled = { ...input, method: 'sampled' as const };
    expect(runSplit(sampled, 3, (c) => (c + 1) % 3)).toEqual(simulate(sampled));
  });
});
