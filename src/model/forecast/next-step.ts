// The one thing to do next for a target. Off track: recruit the fewest extra candidates the
// forecast says would make it likely; on track: the soonest dated step of its own candidates.
import { countOf } from '../format';
import { routeName } from '../names';
import type { IsoDate, Stage } from '../types';
import type { TargetForecast } from './result';
import type { NextAction } from '../timing/next-action';

export interface NextStep {
  action: string;
  /** The date to act by (or on); null when there is none. */
  date: IsoDate | null;
}

/** Where new candidates must be by the date: "with an offer made by 2026-12-07". */
const STAGE_REACHED: Readonly<Record<Stage, string>> = {
  sourced: 'found',
  screening: 'in screening',
  interview: 'interviewed',
  offer: 'with an offer made',
  accepted: 'with an offer accepted',
  licensure: 'applying for their licence',
  credentialing: 'in credentialing',
  visa: 'in visa processing',
  arrived: 'arrived',
  withdrawn: 'withdrawn',
};

/**
 * More new candidates than this per hire wanted is not a recruiting plan: each would arrive in time
 * with a small chance (under ~10%), and the honest advice is to move the date.
 */
const IMPRACTICAL_PER_HIRE = 10;

const percent = (p: number) => `${p < 0.01 ? '<1' : Math.round(p * 100)}%`;

export function targetNextStep(forecast: TargetForecast, targetProbability: number, candidateActions: NextAction[]): NextStep {
  if (forecast.probabilityMet < targetProbability) {
    const cheapest = forecast.newCandidatesNeeded
      .filter((n) => n.candidatesNeeded !== null)
      .sort((a, b) => (a.candidatesNeeded ?? 0) - (b.candidatesNeeded ?? 0))[0];
    if (!cheapest) return { action: 'Out of reach by the due date, even with new candidates: revisit the target or its date.', date: null };
    const needed = cheapest.candidatesNeeded as number;
    if (needed > IMPRACTICAL_PER_HIRE * forecast.hires)
      return {
        action: `Out of reach by the due date in practice: a new candidate ${STAGE_REACHED[cheapest.stage]} by ${cheapest.stageDate} arrives in time in ${percent(cheapest.arrivalProbability)} of futures at best (route “${routeName(cheapest.visaRoute)}”), so ${needed} would be needed to make it ${Math.round(targetProbability * 100)}% likely: revisit the target’s date`,
        date: null,
      };
    return {
      action: `Add ${countOf(cheapest.candidatesNeeded as number, 'candidate')} ${STAGE_REACHED[cheapest.stage]} by ${cheapest.stageDate}, on the route “${routeName(cheapest.visaRoute)}”`,
      date: cheapest.stageDate,
    };
  }
  const dated = candidateActions.filter((a) => a.date !== null).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const soonest = dated[0] ?? candidateActions[0];
  return soonest ? { action: `On track. ${soonest.action}`, date: soonest.date } : { action: 'On track: nothing due.', date: null };
}
