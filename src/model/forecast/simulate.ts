// Seeded Monte Carlo forecast of arrivals: per run every candidate's arrival (or never), folded
// into monthly arrival bands by specialty × state, each target's chance of being met, the extra
// candidates a target needs, and known fees per hire by route. Pure: no DOM, no storage.
// Plans are flattened into typed arrays once (cohort.ts); each run is then a tight loop.

import { STAGES, VISA_ROUTES, type Candidate, type IsoDate, type Target, type VisaRoute } from '../types';
import { validateAssumptions, type Assumptions } from '../timing/assumptions';
import { formatIsoDate, parseIsoDate } from '../timing/calendar';
import { routeFees, type RouteFees } from '../timing/fees';
import { planCandidate, type CandidatePlan } from '../timing/routes';
import { MonthGrid, routeCosts, RunTally } from './aggregates';
import { extraCandidatesNeeded } from './back-calculation';
import { buildCalendarTables } from './calendar-tables';
import { buildCohort, type CohortMember } from './cohort';
import { frequencyAtLeast, frequencyMean, frequencyQuantile, frequencyShortfall } from './frequencies';
import { DEFAULT_NEW_CANDIDATE_SCENARIOS, newCandidateFor, type NewCandidateScenario } from './new-candidates';
import { createRandom } from './random';
import type { ForecastResult, TargetForecast } from './result';
import { createRunBuffers, sampleRun } from './sample-run';
import { matchTargets, targetDueDay, type RegionContains } from './target-matching';

export interface SimulateOptions {
  candidates: Candidate[];
  targets: Target[];
  assumptions: Assumptions;
  now: IsoDate;
  runs: number;
  seed: number;
  /** Months of monthly arrival series, starting with the month of `now`. */
  horizonMonths: number;
  /** Whether a candidate's site lies in a target's region. */
  regionContains: RegionContains;
  /** New candidates to price for every target; default DEFAULT_NEW_CANDIDATE_SCENARIOS. */
  newCandidateScenarios?: NewCandidateScenario[];
  /** P(target met) the back-calculation aims for; default 0.8. */
  targetProbability?: number;
  /**
   * Called after each run with each candidate's arrival in days after `now` (fractional;
   * ≤ 0 = already arrived; Infinity = never), in `candidates` order. The array is reused.
   */
  onRun?: (run: number, arrivalDays: Float64Array) => void;
}

const MAX_RUNS = 1_000_000;
const MAX_HORIZON_MONTHS = 240;

export function simulate(options: SimulateOptions): ForecastResult {
  const { candidates, targets, runs, seed, horizonMonths, now } = options;
  const assumptions = checkedAssumptions(options.assumptions);
  const nowDay = checkOptions(options);
  const targetProbability = options.targetProbability ?? 0.8;
  const scenarios = options.newCandidateScenarios ?? DEFAULT_NEW_CANDIDATE_SCENARIOS;
  const dueDays = targets.map((target) => targetDueDay(target) - nowDay);
  const targetMembers = matchTargets(candidates, targets, options.regionContains);

  // Real candidates first, then one new candidate per target × scenario.
  const probes = targets.flatMap((target, t) =>
    scenarios.map((scenario) => ({
      target: t,
      scenario,
      candidate: newCandidateFor(
        target,
        scenario,
        now,
        targetMembers[t].map((i) => candidates[i]),
      ),
    })),
  );
  const member = cohortMemberFactory(assumptions);
  const cohort = buildCohort(
    [...candidates.map((candidate) => member(candidate, true)), ...probes.map((probe) => member(probe.candidate, false))],
    nowDay,
  );
  const tables = buildCalendarTables(nowDay, assumptions);
  const buffers = createRunBuffers(cohort, tables, createRandom(seed));
  const { arrival } = buffers;
  const realArrivals = arrival.subarray(0, candidates.length);
  const months = new MonthGrid(nowDay, horizonMonths);
  const tally = new RunTally({ candidates, grid: months, targetMembers, dueDays });
  const probeHits = new Int32Array(probes.length);
  // Arrival days are fractional: any time on the due date counts, as in RunTally.
  const probeDueEnds = Float64Array.from(probes, (probe) => dueDays[probe.target] + 1);

  for (let run = 0; run < runs; run++) {
    sampleRun(cohort, tables, buffers);
    tally.addRun(arrival);
    for (let p = 0; p < probes.length; p++) {
      if (arrival[candidates.length + p] < probeDueEnds[p]) probeHits[p]++;
    }
    options.onRun?.(run, realArrivals);
  }

  return {
    now,
    runs,
    seed,
    targetProbability,
    months: months.labels(),
    total: tally.total(runs),
    bySpecialtyState: tally.series(runs),
    targets: targets.map((target, t): TargetForecast => {
      const freq = tally.targetFrequencies(t);
      const cumulative = tally.targetCumulative(t, runs);
      return {
        targetId: target.id,
        dueDate: formatIsoDate(nowDay + dueDays[t]),
        hires: target.hires,
        matchedCandidates: targetMembers[t].length,
        probabilityMet: frequencyAtLeast(freq, runs, target.hires),
        expectedArrivals: frequencyMean(freq, runs),
        arrivalsP10: frequencyQuantile(freq, runs, 0.1),
        arrivalsP90: frequencyQuantile(freq, runs, 0.9),
        expectedShortfall: frequencyShortfall(freq, runs, target.hires),
        cumulative: cumulative.band,
        cumulativePercentiles: cumulative.percentiles,
        newCandidatesNeeded: probes.flatMap((probe, p) => {
          if (probe.target !== t) return [];
          const arrivalProbability = probeHits[p] / runs;
          const query = { freq, runs, hires: target.hires, arrivalProbability, targetProbability };
          return [
            {
              stage: probe.scenario.stage,
              visaRoute: probe.scenario.visaRoute,
              stageDate: probe.candidate.stageDate,
              arrivalProbability,
              candidatesNeeded: extraCandidatesNeeded(query),
            },
          ];
        }),
      };
    }),
    costPerHireByRoute: routeCosts({ candidates, arrivedEver: tally.arrivedEver, feeTotals: buffers.feeTotals, runs, assumptions }),
    candidateArrivalProbability: Array.from(tally.arrivedInHorizon, (count) => count / runs),
  };
}

/** Plans depend on a few fields only, and pipelines repeat them, so each is built once. */
function cohortMemberFactory(assumptions: Assumptions): (candidate: Candidate, takesConradSlot: boolean) => CohortMember {
  const plans = new Map<string, CandidatePlan>();
  const fees = new Map<VisaRoute, RouteFees>();
  return (candidate, takesConradSlot) => {
    const key = [candidate.profession, candidate.stage, candidate.stageDate, candidate.visaRoute, candidate.siteState].join('|');
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = planCandidate(candidate, assumptions)));
    let routeFee = fees.get(candidate.visaRoute);
    if (!routeFee) fees.set(candidate.visaRoute, (routeFee = routeFees(candidate.visaRoute, assumptions)));
    return { plan, fees: routeFee, takesConradSlot };
  };
}

function checkedAssumptions(input: Assumptions): Assumptions {
  const result = validateAssumptions(input);
  if (!result.ok) throw new Error(`Invalid assumptions: ${result.errors.join('; ')}`);
  return result.value;
}

/** Throws on input the model cannot run on; returns now as a day number. */
function checkOptions(options: SimulateOptions): number {
  const nowDay = parseIsoDate(options.now);
  if (nowDay === null) throw new Error(`now: expected a YYYY-MM-DD date, got ${JSON.stringify(options.now)}`);
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > MAX_RUNS) {
    throw new Error(`runs: expected a whole number from 1 to ${MAX_RUNS}, got ${options.runs}`);
  }
  const horizon = options.horizonMonths;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_MONTHS) {
    throw new Error(`horizonMonths: expected a whole number from 1 to ${MAX_HORIZON_MONTHS}, got ${horizon}`);
  }
  if (!Number.isFinite(options.seed)) throw new Error(`seed: expected a number, got ${options.seed}`);
  const p = options.targetProbability ?? 0.8;
  if (!(p > 0 && p <= 1)) throw new Error(`targetProbability: expected a number in (0, 1], got ${p}`);
  for (const candidate of options.candidates) {
    if (!STAGES.includes(candidate.stage)) throw new Error(`candidate ${candidate.id}: unknown stage ${JSON.stringify(candidate.stage)}`);
    if (!VISA_ROUTES.includes(candidate.visaRoute)) {
      throw new Error(`candidate ${candidate.id}: unknown visa route ${JSON.stringify(candidate.visaRoute)}`);
    }
  }
  for (const scenario of options.newCandidateScenarios ?? []) {
    if (scenario.stageDate !== undefined && parseIsoDate(scenario.stageDate) === null) {
      throw new Error(`newCandidateScenarios: stageDate ${JSON.stringify(scenario.stageDate)} is not a YYYY-MM-DD date`);
    }
  }
  for (const target of options.targets) {
    if (!Number.isInteger(target.hires) || target.hires < 0) throw new Error(`target ${target.id}: hires must be a whole number ≥ 0`);
  }
  return nowDay;
}
