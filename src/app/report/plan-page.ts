// The figures of the report's first page that the forecast and the assumptions give: the candidates
// at risk of missing a due date with the one step that delays each most, and the $100,000 fee
// scenario and the employer's policy as set, in words.
import type { CandidateForecast, ForecastResult } from '../../model/forecast/result';
import { routeName, stageName } from '../../model/names';
import { specialtyLabel } from '../../model/specialties';
import { ASSUMPTION_META, type Assumptions } from '../../model/timing/assumptions';
import { counterfactualScenario } from '../../model/timing/h1b-fee';
import type { Candidate } from '../../model/types';

/** A candidate is at risk when, for a target they count toward, arriving by its due date is less likely than not. */
export const AT_RISK_BELOW = 0.5;

export interface AtRiskCandidate {
  candidateId: string;
  specialty: string;
  stage: string;
  route: string;
  /** The target whose due date is least likely to be made. */
  targetId: string;
  dueDate: string;
  /** P(arrives by that due date). */
  probability: number;
  /** The step that delays them most, in words, with how often it does. */
  reason: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function reasonOf(c: CandidateForecast, candidate: Candidate): string {
  const step = c.delayedMostBy;
  if (!step) return 'Not worked out (beyond the forecast’s detail limit)';
  const what = step.track === 'recruitment' ? `recruitment, still at the “${stageName(candidate.stage)}” stage` : step.label;
  return `${capitalise(what)} (the deciding step in ${Math.round(step.share * 100)}% of simulated futures)`;
}

/**
 * Candidates still in the pipeline who are more likely than not to miss a due date they count toward,
 * soonest due date first, then the likeliest to make it (the ones an action can still save).
 */
export function atRiskCandidates(result: ForecastResult, candidates: readonly Candidate[]): AtRiskCandidate[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const out: AtRiskCandidate[] = [];
  for (const c of result.candidates) {
    const candidate = byId.get(c.candidateId);
    if (!candidate || candidate.stage === 'arrived' || candidate.stage === 'withdrawn' || !c.byTarget.length) continue;
    const worst = [...c.byTarget].sort((a, b) => a.probability - b.probability || a.dueDate.localeCompare(b.dueDate))[0];
    if (worst.probability >= AT_RISK_BELOW) continue;
    out.push({
      candidateId: c.candidateId,
      specialty: specialtyLabel(candidate.specialty),
      stage: stageName(candidate.stage),
      route: routeName(candidate.visaRoute),
      targetId: worst.targetId,
      dueDate: worst.dueDate,
      probability: worst.probability,
      reason: reasonOf(c, candidate),
    });
  }
  return out.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || b.probability - a.probability || a.candidateId.localeCompare(b.candidateId),
  );
}

/** The $100,000 fee scenario and the employer's choices the forecast ran with, in words. */
export interface FeePolicy {
  scenario: string;
  /** The scenario each target's chance is compared with. */
  counterfactual: string;
  employer: string;
  /** The chance the employer pays the fee when it applies (otherwise the hire falls through). */
  payShare: number;
  capExemptPays: boolean;
  amountUsd: number;
  premiumProcessing: boolean;
}

export function feePolicy(a: Assumptions): FeePolicy {
  const scenarios = ASSUMPTION_META.h1bFeeScenario.optionLabels;
  return {
    scenario: scenarios[a.h1bFeeScenario],
    counterfactual: scenarios[counterfactualScenario(a.h1bFeeScenario)],
    employer: ASSUMPTION_META.employerKind.optionLabels[a.employerKind],
    payShare: a.h1bFeePayProbability,
    capExemptPays: a.h1bFeeAppliesToCapExempt,
    amountUsd: a.h1bFeeAmount,
    premiumProcessing: a.usePremiumProcessing,
  };
}
