// Seeded Monte Carlo forecast of arrivals: per run every candidate's arrival (or never), folded
// into monthly arrival bands by specialty × state, each target's chance of being met (with and
// without the $100,000 fee), each candidate's arrival months and what delays them, the extra
// candidates a target needs, and known fees per hire by route. Pure: no DOM, no storage.
// Plans are flattened into typed arrays once (cohort.ts); each run is then a tight loop.

import { STAGES, VISA_ROUTES, type Candidate, type IsoDate, type Target } from '../types';

export type { SiteDesignations } from '../timing/waiver-sites';
import { addYears, formatIsoDate, parseIsoDate } from '../calendar';
import { validateAssumptions, type Assumptions } from '../timing/assumptions';
import { counterfactualScenario, feeRuleText, feeWindow } from '../timing/h1b-fee';
import { currentStepText } from '../timing/next-action';
import { planCandidate, type CandidatePlan } from '../timing/routes';
import { ROUTES } from '../timing/visa-routes';
import { siteChecker, type SiteDesignations, type SiteEligibility } from '../timing/waiver-sites';
import { MonthGrid, routeCosts, RunTally } from './aggregates';
import { extraCandidatesNeeded } from './back-calculation';
import { buildCalendarTables } from './calendar-tables';
import { CandidateTally, mostBinding } from './candidate-tally';
import { buildCohort, type CohortMember } from './cohort';
import { frequencyAtLeast, frequencyMean, frequencyQuantile, frequencyShortfall } from './frequencies';
import { DEFAULT_NEW_CANDIDATE_SCENARIOS, newCandidateFor, type NewCandidateScenario } from './new-candidates';
import { createRandom } from './random';
import type { CandidateForecast, DelayingStep, ForecastResult, TargetForecast } from './result';
import {
  BIND_AVAILABLE,
  BIND_FEE,
  BIND_LICENSING,
  BIND_RECRUITMENT,
  BIND_TRAINING,
  BIND_VISA,
  BIND_VISASCREEN,
  createRunBuffers,
  sampleRun,
  type FeeRule,
} from './sample-run';
import { matchTargets, targetDueDay, type RegionContains } from './target-matching';

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
  const wageLevels = wageLevelsOf(candidates.length, targets, targetMembers);
  const sites = siteChecker(options.siteDesignations, assumptions.hhsMinimumHpsaScore);

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
  const planOf = planFactory(assumptions, now);
  const realPlans = candidates.map((candidate, i) => planOf(candidate, wageLevels[i], sites(candidate)));
  const probePlans = probes.map((probe) => planOf(probe.candidate, targets[probe.target].wageLevel, sites(probe.candidate)));
  const members: CohortMember[] = [
    ...realPlans.map((plan) => ({ plan, takesConradSlot: true })),
    ...probePlans.map((plan) => ({ plan, takesConradSlot: false })),
  ];
  const cohort = buildCohort(members, nowDay, {
    perEmployer: assumptions.conrad30EmployerSlots,
    flexPerEmployer: Math.min(assumptions.conrad30EmployerFlexSlots, assumptions.conrad30FlexSlotsPerState),
  });
  const tables = buildCalendarTables(nowDay, assumptions);
  const buffers = createRunBuffers(cohort, tables, createRandom(seed));
  const counterfactual = counterfactualScenario(assumptions.h1bFeeScenario);
  const fee = feeRule(assumptions, nowDay, counterfactual);
  const { arrival, altArrival, binding } = buffers;
  const realArrivals = arrival.subarray(0, candidates.length);
  const months = new MonthGrid(nowDay, horizonMonths);
  const tally = new RunTally({ candidates, grid: months, targetMembers, dueDays });
  const perCandidate = new CandidateTally(candidates.length, months, targetMembers, dueDays);
  const altFreq = targetMembers.map((list) => new Int32Array(list.length + 1));
  const dueEnds = Float64Array.from(dueDays, (day) => day + 1);
  const probeHits = new Int32Array(probes.length);
  // Arrival days are fractional: any time on the due date counts, as in RunTally.
  const probeDueEnds = Float64Array.from(probes, (probe) => dueEnds[probe.target]);

  // Without anyone the fee can hit, the counterfactual equals the forecast.
  const feeMatters = cohort.feeExposed.length > 0;
  for (let run = 0; run < runs; run++) {
    sampleRun(cohort, tables, buffers, fee);
    tally.addRun(arrival);
    perCandidate.addRun(arrival, binding);
    for (let t = 0; feeMatters && t < targetMembers.length; t++) {
      const list = targetMembers[t];
      let count = 0;
      for (let k = 0; k < list.length; k++) if (altArrival[list[k]] < dueEnds[t]) count++;
      altFreq[t][count]++;
    }
    for (let p = 0; p < probes.length; p++) {
      if (arrival[candidates.length + p] < probeDueEnds[p]) probeHits[p]++;
    }
    options.onRun?.(run, realArrivals);
  }

  const byTarget = perCandidate.byTarget(runs);
  const monthLabels = months.labels();
  const dueDates = dueDays.map((day) => formatIsoDate(nowDay + day));
  const ruleText = feeRuleText(assumptions);
  return {
    now,
    runs,
    seed,
    targetProbability,
    months: monthLabels,
    total: tally.total(runs),
    bySpecialtyState: tally.series(runs),
    targets: targets.map((target, t): TargetForecast => {
      const freq = tally.targetFrequencies(t);
      const cumulative = tally.targetCumulative(t, runs);
      return {
        targetId: target.id,
        dueDate: dueDates[t],
        hires: target.hires,
        matchedCandidates: targetMembers[t].length,
        probabilityMet: frequencyAtLeast(freq, runs, target.hires),
        probabilityMetCounterfactual: frequencyAtLeast(feeMatters ? altFreq[t] : freq, runs, target.hires),
        wageLevel: target.wageLevel ?? null,
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
    costPerHireByRoute: routeCosts({
      candidates,
      routes: realPlans.map((plan) => plan.effectiveRoute),
      arrivedEver: tally.arrivedEver,
      feeTotals: buffers.feeTotals,
      runs,
      assumptions,
    }),
    candidateArrivalProbability: Array.from(tally.arrivedInHorizon, (count) => count / runs),
    candidates: candidates.map((candidate, i): CandidateForecast => {
      const summary = perCandidate.summary(i, runs);
      const label = (m: number | null) => (m === null ? null : monthLabels[m]);
      const median = summary ? label(summary.median) : null;
      const plan = realPlans[i];
      const binds = summary ? mostBinding(summary.bindings) : null;
      return {
        candidateId: candidate.id,
        currentStep: currentStepText(candidate),
        arrivalP10: summary ? label(summary.p10) : null,
        arrivalMedian: median,
        arrivalP90: summary ? label(summary.p90) : null,
        arrivalProbability: tally.arrivedInHorizon[i] / runs,
        byTarget: (byTarget.get(i) ?? []).map(({ target, probability }) => ({
          targetId: targets[target].id,
          dueDate: dueDates[target],
          probability,
        })),
        delayedMostBy: binds ? delayingStep(binds.code, binds.share, plan, candidate) : null,
        serviceEnds: serviceEnd(plan, candidate, median),
        waiverSite: ROUTES[candidate.visaRoute].waiver ? (sites(candidate) ?? null) : null,
        detailed: summary !== null,
      };
    }),
    fee: {
      scenario: assumptions.h1bFeeScenario,
      counterfactual,
      dates: ruleText.dates,
      status: ruleText.status,
      scenarioText: ruleText.scenario,
    },
  };
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

/** Plans depend on a few fields only, and pipelines repeat them, so each is built once. */
function planFactory(assumptions: Assumptions, now: IsoDate) {
  const plans = new Map<string, CandidatePlan>();
  return (candidate: Candidate, wageLevel: number | undefined, site: SiteEligibility | undefined): CandidatePlan => {
    const key = [
      candidate.profession,
      candidate.specialty,
      candidate.stage,
      candidate.stageDate,
      candidate.visaRoute,
      candidate.siteState,
      candidate.visaStatus,
      candidate.visaStatusDate,
      candidate.availableFrom,
      candidate.currentStatus,
      candidate.trainingStatus,
      candidate.ecfmgCertified,
      candidate.countryOfTraining,
      candidate.visaScreen,
      wageLevel,
      site?.pool,
      site?.sentence,
    ].join('|');
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = planCandidate(candidate, assumptions, { now, wageLevel, site })));
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

function delayingStep(code: number, share: number, plan: CandidatePlan, candidate: Candidate): DelayingStep {
  const step = (track: DelayingStep['track'], label: string): DelayingStep => ({ track, label, share });
  switch (code) {
    case BIND_RECRUITMENT:
      return plan.recruitment.length
        ? step('recruitment', `recruitment (now at ${candidate.stage})`)
        : step('none', 'nothing left to wait for: ready to start (update the record if a step is still open)');
    case BIND_TRAINING:
      return step(
        'training',
        [plan.training.ecfmg ? 'ECFMG certification' : '', plan.training.residency ? 'the Match and residency' : '']
          .filter(Boolean)
          .join(', then ') || 'training',
      );
    case BIND_LICENSING:
      return step('licensing', plan.licensing.steps.map((s) => s.label).join(', then ') || 'licensing');
    case BIND_VISASCREEN:
      return step('visascreen', 'CGFNS VisaScreen certificate');
    case BIND_AVAILABLE:
      return step('availability', `not free before ${plan.availableFrom}`);
    case BIND_FEE:
      return step('h1b-fee', 'the $100,000 H-1B fee (the hire falls through when the employer does not pay it)');
    case BIND_VISA:
    default:
      return step('visa', visaLabel(plan));
  }
}

function visaLabel(plan: CandidatePlan): string {
  const visa = plan.visa;
  switch (visa.kind) {
    case 'h1b-lottery':
      return visa.mode === 'register' || visa.mode === 'awaiting-selection'
        ? `the H-1B lottery (${Math.round(visa.selectionProbability * 100)}% a year) and the Oct 1 start`
        : 'the Oct 1 start of the fiscal year the petition is for';
    case 'conrad30':
      return visa.mode === 'filed' ? 'the Conrad 30 waiver already filed, then the H-1B' : 'Conrad 30 slots and processing, then the H-1B';
    case 'steps':
      return visa.chain.steps.map((s) => s.label).join(', then ') || ROUTES[plan.effectiveRoute].label;
    case 'blocked':
      return visa.reason;
    case 'none':
      return 'no visa step';
  }
}

/** Waiver hires serve 3 years at the site: the month that ends if they arrive in the median month. */
function serviceEnd(plan: CandidatePlan, candidate: Candidate, medianMonth: string | null): string | null {
  if (plan.serviceYears === null) return null;
  const years = plan.serviceYears;
  const from =
    candidate.stage === 'arrived' ? parseIsoDate(candidate.stageDate) : medianMonth === null ? null : parseIsoDate(`${medianMonth}-01`);
  if (from === null) return null;
  const end = Number.isInteger(years) ? addYears(from, years) : from + years * 365.25;
  return candidate.stage === 'arrived' ? formatIsoDate(end) : formatIsoDate(end).slice(0, 7);
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
    const level = target.wageLevel;
    if (level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 4)) {
      throw new Error(`target ${target.id}: wageLevel must be a whole number from 1 to 4, got ${level}`);
    }
  }
  return nowDay;
}
