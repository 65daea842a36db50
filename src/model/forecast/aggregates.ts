// The forecast's calendar months, and the known fees per hire by route.

import { VISA_ROUTES, type Candidate, type VisaRoute } from '../types';
import type { Assumptions } from '../timing/assumptions';
import { formatIsoDate, monthStartAfter } from '../calendar';
import { routeFees } from '../timing/fees';
import type { RouteCost } from './result';

/** Calendar months from the month of now, as day offsets, with a day → month lookup. */
export class MonthGrid {
  readonly count: number;
  /** First day after the horizon. */
  readonly horizonDay: number;
  readonly monthOfDay: Int16Array;
  private readonly starts: number[];

  constructor(
    private readonly nowDay: number,
    months: number,
  ) {
    this.count = months;
    this.starts = Array.from({ length: months + 1 }, (_, m) => monthStartAfter(nowDay, m) - nowDay);
    this.horizonDay = this.starts[months];
    this.monthOfDay = new Int16Array(this.horizonDay);
    for (let m = 0; m < months; m++) this.monthOfDay.fill(m, Math.max(0, this.starts[m]), this.starts[m + 1]);
  }

  /** The month whose last day is the day before `dayAfter` (> 0), or −1 when none in the grid ends there. */
  monthEndingBefore(dayAfter: number): number {
    const m = this.starts.indexOf(dayAfter, 1);
    return m > 0 && dayAfter > 0 ? m - 1 : -1;
  }

  labels(): string[] {
    return this.starts.slice(0, -1).map((start) => formatIsoDate(this.nowDay + Math.max(start, 0)).slice(0, 7));
  }
}

export interface RouteCostInput {
  candidates: Candidate[];
  /** Per candidate: the route its fees follow (a cap-exempt H-1B moving to a cap-subject employer pays the lottery's). */
  routes: readonly VisaRoute[];
  /** Per candidate: P(arrives at any date). */
  arrivalProbability: Float64Array;
  /** Per candidate: mean known fees spent. */
  expectedFees: Float64Array;
  assumptions: Assumptions;
}

/** Known fees per hire by route, over candidates still in the pipeline (arrived and withdrawn ones spend nothing more). */
export function routeCosts({ candidates, routes, arrivalProbability, expectedFees, assumptions }: RouteCostInput): RouteCost[] {
  return VISA_ROUTES.flatMap((visaRoute) => {
    let open = 0;
    let expectedHires = 0;
    let expectedFeesUsd = 0;
    candidates.forEach((candidate, i) => {
      if (routes[i] !== visaRoute || candidate.stage === 'arrived' || candidate.stage === 'withdrawn') return;
      open++;
      expectedHires += arrivalProbability[i];
      expectedFeesUsd += expectedFees[i];
    });
    if (open === 0) return [];
    const known = routeFees(visaRoute, assumptions);
    return [
      {
        visaRoute,
        candidates: open,
        expectedHires,
        expectedFeesUsd,
        costPerHireUsd: known.known && expectedHires > 0 ? expectedFeesUsd / expectedHires : null,
        feeItems: known.items,
        h1bFeeCanApply: known.h1bFeeCanApply,
      },
    ];
  });
}
