// Everything a forecast computes before sampling: checked options, targets' members and due dates,
// the hypothetical new candidates, every member's plan flattened into the cohort, and the work plan.
// Deterministic, so every worker of a split forecast prepares the same thing from the same request.

import { STAGES, VISA_ROUTES, type Candidate, type IsoDate, type Profession, type Target } from '../types';
import { parseIsoDate } from '../calendar';
import { validateAssumptions, type Assumptions } from '../timing/assumptions';
import { counterfactualScenario, feeWindow, type FeeScenario } from '../timing/h1b-fee';
import { planCandidate, type CandidatePlan } from '../timing/routes';
import type { WaiverProgram } from '../timing/visa-routes';
import { siteChecker, type SiteDesignations, type SiteEligibility } from '../timing/waiver-sites';
import { MonthGrid } from './aggregates';
import { buildCalendarTables } from './calendar-tables';
import { buildCohort, type CohortMember } from './cohort';
import { DEFAULT_NEW_CANDIDATE_SCENARIOS, newCandidateFor, type NewCandidateScenario } from './new-candidates';
import type { UnitContext } from './run-units';
import type { FeeRule } from './sample-run';
import { matchTargets, targetDueDay, type RegionContains } from './target-matching';
import { buildWorkPlan, type ForecastMethod } from './work-plan';

/** A target as the forecast takes it: an offer saved on it sets its cap-subject candidates' wage level. */
export interface ForecastTarget extends Target {
  /** OEWS wage level (1–4) of the offer; overrides the profession's default for candidates matched to the target. */
  wageLevel?: number;
}

export interface SimulateOptions {
  candidates: Candidate[];
  targets: ForecastTarget[];
  assumptions: Assumptions;
  now: IsoDate;
  runs: number;
  seed: number;
  /** Months of monthly arrival series, starting with the month of `now`. */
  horizonMonths: number;
  /** Whether a candidate's site lies in a target's region. */
  regionContains: RegionContains;
  /** For J-1 waiver sites; without it every waiver site is forecast as eligible and reported unchecked. */
  siteDesignations?: SiteDesignations;
  /** New candidates to price for every target; default DEFAULT_NEW_CANDIDATE_SCENARIOS. */
  newCandidateScenarios?: NewCandidateScenario[];
  /** P(target met) the back-calculation aims for; default 0.8. */
  targetProbability?: number;
  /**
   * 'direct' (default): candidates who compete with nobody are drawn on their own and the counts
   * computed exactly from their arrival distributions; 'sampled': every candidate in every run (the
   * reference). Both agree within Monte Carlo error.
   */
  method?: ForecastMethod;
  /**
   * Called after the forecast with each run's arrival of every candidate in days after `now`
   * (fractional; ≤ 0 = already arrived; Infinity = never), in `candidates` order; the array is
   * reused. On the direct path run r holds every candidate's r-th draw. For small forecasts only:
   * it keeps every draw.
   */
  onRun?: (run: number, arrivalDays: Float64Array) => void;
}

/** A hypothetical new candidate priced for one target. */
export interface Probe {
  target: number;
  scenario: NewCandidateScenario;
  candidate: Candidate;
}

/** Candidates of one profession, specialty and site state: the forecast's arrival series. */
export interface Series {
  profession: Profession;
  specialty: string;
  state: string;
  size: number;
  notWithdrawn: number;
}

export interface PreparedForecast {
  candidates: Candidate[];
  targets: ForecastTarget[];
  assumptions: Assumptions;
  now: IsoDate;
  nowDay: number;
  runs: number;
  seed: number;
  targetProbability: number;
  /** Per target, the due day relative to now (arrivals any time on it count). */
  dueDays: number[];
  targetMembers: number[][];
  probes: Probe[];
  realPlans: CandidatePlan[];
  siteOf: (candidate: Candidate, program?: WaiverProgram) => SiteEligibility | undefined;
  series: Series[];
  counterfactual: FeeScenario;
  /** Whether anyone can owe the $100,000 fee; without, the counterfactual equals the forecast. */
  feeMatters: boolean;
  context: UnitContext;
}

const MAX_RUNS = 1_000_000;
const MAX_HORIZON_MONTHS = 240;

export function prepareForecast(options: Omit<SimulateOptions, 'onRun'>): PreparedForecast {
  const { candidates, targets, runs, seed, horizonMonths, now } = options;
  const assumptions = checkedAssumptions(options.assumptions);
  const nowDay = checkOptions(options);
  const scenarios = options.newCandidateScenarios ?? DEFAULT_NEW_CANDIDATE_SCENARIOS;
  const dueDays = targets.map((target) => targetDueDay(target) - nowDay);
  const targetMembers = matchTargets(candidates, targets, options.regionContains);
  const wageLevels = wageLevelsOf(candidates.length, targets, targetMembers);
  const siteOf = siteChecker(options.siteDesignations, assumptions.hhsMinimumHpsaScore);

  // Real candidates first, then one new candidate per target × scenario.
  const probes: Probe[] = targets.flatMap((target, t) =>
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
  const planOf = planFactory(assumptions, now, siteOf);
  const realPlans = candidates.map((candidate, i) => planOf(candidate, wageLevels[i]));
  const probePlans = probes.map((probe) => planOf(probe.candidate, targets[probe.target].wageLevel));
  const members: CohortMember[] = [
    ...realPlans.map((plan) => ({ plan, takesConradSlot: true })),
    ...probePlans.map((plan) => ({ plan, takesConradSlot: false })),
  ];
  const cohort = buildCohort(members, nowDay, {
    perEmployer: assumptions.conrad30EmployerSlots,
    flexPerEmployer: Math.min(assumptions.conrad30EmployerFlexSlots, assumptions.conrad30FlexSlotsPerState),
  });

  // Arrival days are fractional: any time on the due date counts.
  const cutsOf: number[][] = members.map(() => []);
  targetMembers.forEach((list, t) => list.forEach((i) => cutsOf[i].push(dueDays[t] + 1)));
  probes.forEach((probe, p) => cutsOf[candidates.length + p].push(dueDays[probe.target] + 1));
  const work = buildWorkPlan({
    cohort,
    realCount: candidates.length,
    planKey: [...realPlans, ...probePlans],
    cutsOf,
    runs,
    method: options.method ?? 'direct',
  });

  const counterfactual = counterfactualScenario(assumptions.h1bFeeScenario);
  const grid = new MonthGrid(nowDay, horizonMonths);
  const { series, seriesOf } = seriesOfCandidates(candidates);
  const feeMatters = cohort.feeExposed.length > 0;
  const feeExposed = new Uint8Array(cohort.size);
  for (const i of cohort.feeExposed) feeExposed[i] = 1;
  return {
    candidates,
    targets,
    assumptions,
    now,
    nowDay,
    runs,
    seed,
    targetProbability: options.targetProbability ?? 0.8,
    dueDays,
    targetMembers,
    probes,
    realPlans,
    siteOf,
    series,
    counterfactual,
    feeMatters,
    context: {
      cohort,
      tables: buildCalendarTables(nowDay, assumptions),
      fee: feeRule(assumptions, nowDay, counterfactual),
      grid,
      seed,
      work,
      realCount: candidates.length,
      groupTallies: { seriesOf, grid, targetMembers, dueDays, counterfactual: feeMatters, feeExposed },
    },
  };
}

function seriesOfCandidates(candidates: Candidate[]): { series: Series[]; seriesOf: Int32Array } {
  const series: Series[] = [];
  const index = new Map<string, number>();
  const seriesOf = Int32Array.from(candidates, (candidate) => {
    const key = `${candidate.profession}|${candidate.specialty}|${candidate.siteState}`;
    let s = index.get(key);
    if (s === undefined) {
      const { profession, specialty, siteState: state } = candidate;
      s = series.push({ profession, specialty, state, size: 0, notWithdrawn: 0 }) - 1;
      index.set(key, s);
    }
    series[s].size++;
    if (candidate.stage !== 'withdrawn') series[s].notWithdrawn++;
    return s;
  });
  return { series, seriesOf };
}

/** The lowest wage level of the offers on the targets a candidate counts toward (the rule counts the lowest). */
function wageLevelsOf(count: number, targets: ForecastTarget[], targetMembers: number[][]): (number | undefined)[] {
  const levels: (number | undefined)[] = new Array<number | undefined>(count).fill(undefined);
  targets.forEach((target, t) => {
    const level = target.wageLevel;
    if (level === undefined) return;
    for (const i of targetMembers[t]) levels[i] = Math.min(levels[i] ?? Infinity, level);
  });
  return levels;
}

/**
 * Plans depend on a few fields only, and pipelines repeat them, so each is built once; candidates
 * sharing a plan are one cohort.
 */
function planFactory(assumptions: Assumptions, now: IsoDate, siteOf: PreparedForecast['siteOf']) {
  const plans = new Map<string, CandidatePlan>();
  return (candidate: Candidate, wageLevel: number | undefined): CandidatePlan => {
    const c = candidate;
    const site = siteOf(c);
    const key = `${c.profession}|${c.specialty}|${c.stage}|${c.stageDate}|${c.visaRoute}|${c.siteState}|${c.siteCountyFips}|${c.visaStatus}|${c.visaStatusDate}|${c.availableFrom}|${c.currentStatus}|${c.trainingStatus}|${c.ecfmgCertified}|${c.countryOfTraining}|${c.licenceStatus}|${c.h1bYearsUsed}|${c.visaScreen}|${wageLevel}|${site?.pool}|${site?.sentence}`;
    let plan = plans.get(key);
    if (!plan) {
      const siteFor = (program: WaiverProgram) => siteOf(c, program);
      plans.set(key, (plan = planCandidate(candidate, assumptions, { now, wageLevel, site, siteFor })));
    }
    return plan;
  };
}

function feeRule(assumptions: Assumptions, nowDay: number, counterfactual: Assumptions['h1bFeeScenario']): FeeRule {
  const main = feeWindow(assumptions);
  const alt = feeWindow(assumptions, counterfactual);
  return {
    amount: assumptions.h1bFeeAmount,
    payProbability: assumptions.h1bFeePayProbability,
    from: main.from - nowDay,
    until: main.until - nowDay,
    altFrom: alt.from - nowDay,
    altUntil: alt.until - nowDay,
  };
}

function checkedAssumptions(input: Assumptions): Assumptions {
  const result = validateAssumptions(input);
  if (!result.ok) throw new Error(`Invalid assumptions: ${result.errors.join('; ')}`);
  return result.value;
}

/** Throws on input the model cannot run on; returns now as a day number. */
function checkOptions(options: Omit<SimulateOptions, 'onRun'>): number {
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
  const method = options.method ?? 'direct';
  if (method !== 'direct' && method !== 'sampled') throw new Error(`method: expected "direct" or "sampled", got ${JSON.stringify(method)}`);
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
    const level = target.wageLevel;
    if (level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 4)) {
      throw new Error(`target ${target.id}: wageLevel must be a whole number from 1 to 4, got ${level}`);
    }
  }
  return nowDay;
}
