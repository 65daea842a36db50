// The forecast's result from its tallies: monthly arrival bands by specialty × state, per target and
// in total; each target's chance of being met (with and without the $100,000 fee) and the extra
// candidates it needs; each candidate's arrival months and what delays them; known fees per hire by
// route.

import type { Candidate } from '../types';
import { addYears, formatIsoDate, parseIsoDate } from '../calendar';
import { stageName } from '../names';
import { RULES_AS_OF } from '../timing/assumptions';
import { feeRuleText } from '../timing/h1b-fee';
import { actionFor, currentStepText } from '../timing/next-action';
import type { CandidatePlan } from '../timing/routes';
import type { Milestone } from '../timing/standing';
import { ROUTES } from '../timing/visa-routes';
import { AggregateCounts } from './aggregate-counts';
import { routeCosts } from './aggregates';
import { extraCandidatesNeeded } from './back-calculation';
import { candidateSummary, mostBinding } from './candidate-tally';
import { newCandidateProfile } from './new-candidates';
import { denseFrequencies, distributionAtLeast, distributionMean, distributionQuantile, distributionShortfall } from './count-distribution';
import type { PreparedForecast } from './prepare';
import type { CandidateForecast, CandidateTimeline, DelayingStep, ForecastResult, TargetForecast, TimelineStep } from './result';
import { groupTally, monthSlots, timelineStream, type Tallies } from './run-units';
import { createRandom } from './random';
import { rowShare } from './work-plan';
import { createRunBuffers } from './sample-run';
import { TIMELINE_DRAWS, TIMELINE_STRIDE, isTraced, lateStartShare, timelineSlots, timelineSteps, traceMember } from './timeline';
import {
  BINDINGS,
  BIND_AVAILABLE,
  BIND_FEE,
  BIND_LICENSING,
  BIND_RECRUITMENT,
  BIND_TRAINING,
  BIND_VISA,
  BIND_VISASCREEN,
} from './sample-run';

export function summariseForecast(prepared: PreparedForecast, tallies: Tallies): ForecastResult {
  const { candidates, targets, context, runs, probes, realPlans, dueDays, targetMembers, assumptions, targetProbability } = prepared;
  const { grid, work } = context;
  const rows = work.rows;
  const groups = work.groups.map((_, g) => groupTally(context, tallies, g));
  const counts = new AggregateCounts(context, tallies, groups);
  const monthLabels = grid.labels();
  const dueDates = dueDays.map((day) => formatIsoDate(prepared.nowDay + day));
  const slots = monthSlots(grid);
  const seriesMembers: number[][] = prepared.series.map(() => []);
  const seriesOf = context.groupTallies.seriesOf;
  candidates.forEach((_, i) => seriesMembers[seriesOf[i]].push(i));

  // Per candidate, from its row: arrival within the horizon and ever, and mean fees.
  const rowOf = (i: number) => rows.rowOf[i];
  const drawsIn = (i: number, from: number, to: number) => {
    let count = 0;
    for (let slot = from; slot < to; slot++) count += tallies.months[rowOf(i) * slots + slot];
    return rowShare(rows, rowOf(i), count);
  };
  const arrivedInHorizon = Float64Array.from(candidates, (_, i) => drawsIn(i, 0, grid.count));
  const arrivedEver = Float64Array.from(candidates, (_, i) => drawsIn(i, 0, grid.count + 1));
  const expectedFees = meanFees(prepared, tallies);

  // Each row's timeline numbers: traced by its unit, or here for the members of a Conrad 30 group.
  const buffers = createRunBuffers(context.cohort, context.tables, createRandom(prepared.seed));
  const traceOf = (row: number, i: number): { numbers: Float32Array; at: number } | null => {
    if (realPlans[i].status !== 'active') return null;
    const at = row * TIMELINE_STRIDE;
    if (!isTraced(tallies.timeline, at)) {
      traceMember(
        context.cohort,
        context.tables,
        buffers,
        context.fee,
        i,
        prepared.seed,
        timelineStream(context, row),
        tallies.timeline,
        at,
      );
    }
    return { numbers: tallies.timeline, at };
  };
  // Candidates with the same facts share a plan, a row and so their next action, flags and timeline:
  // one object each, which the result's copy to the page keeps shared.
  const actions = new Map<CandidatePlan, CandidateForecast['nextAction']>();
  const actionOf = (candidate: Candidate, plan: CandidatePlan): CandidateForecast['nextAction'] => {
    let action = actions.get(plan);
    if (!action) {
      const { action: text, date, dateKind, confidence, sources } = actionFor(candidate, plan, assumptions, prepared.now);
      actions.set(plan, (action = { action: text, date, dateKind, confidence, sources }));
    }
    return action;
  };
  const rowParts = new Map<number, { steps: TimelineStep[]; flags: string[] }>();
  const partsOf = (row: number, i: number) => {
    let parts = rowParts.get(row);
    if (!parts) {
      const plan = realPlans[i];
      const traced = traceOf(row, i);
      parts = {
        steps: traced
          ? timelineSteps(timelineSlots(plan, candidates[i].stage === 'accepted'), traced.numbers, traced.at, prepared.nowDay)
          : [],
        flags: flagsOf(plan, traced ? lateStartShare(traced.numbers, traced.at) : 0, assumptions.conrad30StartWithinDays),
      };
      rowParts.set(row, parts);
    }
    return parts;
  };
  const timelines = new Map<string, CandidateTimeline>();
  const timelineOf = (row: number, i: number, byTarget: { targetId: string; dueDate: string }[]): CandidateTimeline | null => {
    if (realPlans[i].status !== 'active') return null;
    const key = `${row}|${byTarget.map((t) => t.targetId).join('|')}`;
    let timeline = timelines.get(key);
    if (!timeline) {
      const milestones = withDueDates(realPlans[i].milestones, byTarget, targets, prepared.nowDay);
      timelines.set(key, (timeline = { steps: partsOf(row, i).steps, milestones, draws: TIMELINE_DRAWS }));
    }
    return timeline;
  };

  const targetsOfCandidate: number[][] = candidates.map(() => []);
  targetMembers.forEach((list, t) => list.forEach((i) => targetsOfCandidate[i].push(t)));
  const ruleText = feeRuleText(assumptions);
  const bands = counts.bandsWithUnion(
    seriesMembers,
    (group, m, s) => {
      const freq = group.series(s, m);
      return freq && { freq };
    },
    (group, m) => ({ freq: group.total(m) }),
  );
  return {
    now: prepared.now,
    rulesAsOf: RULES_AS_OF,
    runs,
    seed: prepared.seed,
    targetProbability,
    months: monthLabels,
    total: {
      candidates: prepared.series.reduce((sum, series) => sum + series.notWithdrawn, 0),
      cumulative: bands.union.band,
    },
    bySpecialtyState: prepared.series.map((series, s) => ({
      profession: series.profession,
      specialty: series.specialty,
      state: series.state,
      candidates: series.notWithdrawn,
      cumulative: bands.sets[s].band,
    })),
    targets: targets.map((target, t): TargetForecast => {
      const cut = dueDays[t] + 1;
      const due = counts.before(targetMembers[t], cut, (group) => group.due(t));
      const alt = prepared.feeMatters ? counts.before(targetMembers[t], cut, (group) => group.due(t, true), true) : due;
      const cumulative = counts.band(targetMembers[t], (group, m) => group.band(t, m));
      const dense = denseFrequencies(due);
      return {
        targetId: target.id,
        dueDate: dueDates[t],
        hires: target.hires,
        matchedCandidates: targetMembers[t].length,
        probabilityMet: distributionAtLeast(due, target.hires),
        probabilityMetCounterfactual: distributionAtLeast(alt, target.hires),
        wageLevel: target.wageLevel ?? null,
        expectedArrivals: distributionMean(due),
        arrivalsP10: distributionQuantile(due, 0.1),
        arrivalsP90: distributionQuantile(due, 0.9),
        expectedShortfall: distributionShortfall(due, target.hires),
        cumulative: cumulative.band,
        cumulativePercentiles: cumulative.percentiles,
        newCandidatesNeeded: probes.flatMap((probe, p) => {
          if (probe.target !== t) return [];
          const arrivalProbability = counts.probabilityBefore(candidates.length + p, cut);
          const query = { ...dense, hires: target.hires, arrivalProbability, targetProbability };
          return [
            {
              stage: probe.scenario.stage,
              visaRoute: probe.scenario.visaRoute,
              profile: newCandidateProfile(target.profession, probe.scenario.visaRoute),
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
      arrivalProbability: arrivedEver,
      expectedFees,
      assumptions,
    }),
    candidateArrivalProbability: Array.from(arrivedInHorizon),
    candidates: candidates.map((candidate, i): CandidateForecast => {
      const row = rowOf(i);
      const plan = realPlans[i];
      const next = actionOf(candidate, plan);
      const summary = candidateSummary(
        tallies.months,
        row * slots,
        grid.count,
        tallies.bindings,
        row * BINDINGS,
        rows.samples[row] / rows.stays[row],
      );
      const label = (m: number | null) => (m === null ? null : monthLabels[m]);
      const median = label(summary.median);
      const binds = mostBinding(summary.bindings);
      const byTarget = targetsOfCandidate[i].map((t) => ({
        targetId: targets[t].id,
        dueDate: dueDates[t],
        probability: counts.probabilityBefore(i, dueDays[t] + 1),
      }));
      return {
        candidateId: candidate.id,
        currentStep: currentStepText(candidate),
        standing: plan.standing,
        nextAction: next,
        arrivalP10: label(summary.p10),
        arrivalMedian: median,
        arrivalP90: label(summary.p90),
        arrivalProbability: arrivedInHorizon[i],
        byTarget,
        delayedMostBy: binds ? delayingStep(binds.code, binds.share, plan, candidate, prepared.nowDay) : null,
        serviceEnds: serviceEnd(plan, candidate, median),
        waiverSite: ROUTES[candidate.visaRoute].waiver ? (prepared.siteOf(candidate) ?? null) : null,
        flags: plan.status === 'active' ? partsOf(row, i).flags : [],
        timeline: timelineOf(row, i, byTarget),
        detailed: true,
      };
    }),
    fee: {
      scenario: assumptions.h1bFeeScenario,
      counterfactual: prepared.counterfactual,
      dates: ruleText.dates,
      status: ruleText.status,
      scenarioText: ruleText.scenario,
    },
  };
}

/** What to watch, from the plan and the traced draws. */
function flagsOf(plan: CandidatePlan, late: number, startWithinDays: number): string[] {
  const flags: string[] = [];
  if (late >= 0.05) {
    flags.push(
      `Where they arrive, ${Math.round(late * 100)}% start more than ${startWithinDays} days after the H-1B begins (licensing ends late; INA §214(l)): ask the state.`,
    );
  }
  if (plan.h1bLimit) flags.push(`H-1B time runs out ${plan.h1bLimit} (six-year maximum).`);
  return flags;
}

/** The plan's fixed dates with the due dates of the targets the candidate counts toward, in date order. */
function withDueDates(
  milestones: Milestone[],
  byTarget: { targetId: string; dueDate: string }[],
  targets: PreparedForecast['targets'],
  nowDay: number,
): Milestone[] {
  const due = byTarget
    .filter((t) => (parseIsoDate(t.dueDate) as number) >= nowDay)
    .map((t): Milestone => {
      const hires = targets.find((target) => target.id === t.targetId)?.hires ?? 0;
      return { kind: 'due-date', date: t.dueDate, label: `A target due: ${hires} hire${hires === 1 ? '' : 's'}`, targetId: t.targetId };
    });
  return [...milestones, ...due].sort((a, b) => a.date.localeCompare(b.date));
}

/** Per real candidate, the mean known fees per draw: its row's fee totals (summed in unit order) over its draws. */
function meanFees(prepared: PreparedForecast, tallies: Tallies): Float64Array {
  const { work, realCount } = prepared.context;
  const totals = new Float64Array(prepared.context.cohort.size);
  for (let u = 0; u < work.alone.length; u++) totals[work.alone[u]] += tallies.fees[work.feeSlot[u]];
  for (let u = work.alone.length; u < work.unitCount; u++) {
    const members = work.groups[work.unitGroup[u]].members;
    for (let k = 0; k < members.length; k++) totals[members[k]] += tallies.fees[work.feeSlot[u] + k];
  }
  const rows = work.rows;
  const rowTotals = new Float64Array(rows.count);
  for (let k = 0; k < rows.rowMembers.length; k++) rowTotals[rows.rowOf[rows.rowMembers[k]]] += totals[rows.rowMembers[k]];
  return Float64Array.from({ length: realCount }, (_, i) => rowShare(rows, rows.rowOf[i], rowTotals[rows.rowOf[i]]));
}

function delayingStep(code: number, share: number, plan: CandidatePlan, candidate: Candidate, nowDay: number): DelayingStep {
  const step = (track: DelayingStep['track'], label: string): DelayingStep => ({ track, label, share });
  switch (code) {
    case BIND_RECRUITMENT:
      return plan.recruitment.length
        ? step('recruitment', `recruitment (now at the “${stageName(candidate.stage)}” stage)`)
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
      return step('visa', visaLabel(plan, nowDay));
  }
}

/**
 * The visa track in words. A cap petition filed or approved waits for the later of its fiscal year's
 * Oct 1 and the steps after the approval (the visa abroad): once that Oct 1 has passed, only those
 * steps can decide (casebook B2).
 */
function visaLabel(plan: CandidatePlan, nowDay: number): string {
  const visa = plan.visa;
  switch (visa.kind) {
    case 'h1b-lottery': {
      if (visa.mode === 'register' || visa.mode === 'awaiting-selection')
        return `the H-1B lottery (${Math.round(visa.selectionProbability * 100)}% a year) and the Oct 1 start`;
      const after = visa.after.map((s) => s.label);
      const octFirstPassed = visa.capStart !== null && (parseIsoDate(visa.capStart) as number) <= nowDay;
      if (octFirstPassed) {
        const steps = [...(visa.mode === 'approved' ? [] : ['the cap petition’s decision']), ...after.map((label) => `the ${label}`)];
        return steps.length ? steps.join(', then ') : 'the cap petition’s approval';
      }
      const then = after.length ? `, or the ${after.join(', then the ')} when later` : '';
      return `the Oct 1 start of the fiscal year the petition is for${then}`;
    }
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
