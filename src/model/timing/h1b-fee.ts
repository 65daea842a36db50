// The $100,000 H-1B fee as a rule with dates, not a fact: it applies to a new H-1B petition filed
// inside its window for a person outside the US (S10, S11). Change of status inside the US,
// extensions and amendments are exempt. Its end and its legal fate are open questions (S13), so
// the window depends on the scenario chosen in the assumptions.

import { formatIsoDate, parseIsoDate } from '../calendar';
import type { Assumptions } from './assumptions';

export type FeeScenario = Assumptions['h1bFeeScenario'];

/** Filing days [from, until) the fee applies to under a scenario; empty when it never applies. */
export function feeWindow(assumptions: Assumptions, scenario: FeeScenario = assumptions.h1bFeeScenario): { from: number; until: number } {
  const from = parseIsoDate(assumptions.h1bFeeEffective) as number;
  switch (scenario) {
    case 'continues':
      return { from, until: Infinity };
    case 'as-written':
      return { from, until: parseIsoDate(assumptions.h1bFeeNominalEnd) as number };
    case 'not-applied':
      return { from: Infinity, until: Infinity };
  }
}

/** The scenario the forecast compares with: without the fee, or, when the fee is off, with it continuing. */
export function counterfactualScenario(scenario: FeeScenario): FeeScenario {
  return scenario === 'not-applied' ? 'continues' : 'not-applied';
}

/** The rule as a reader needs it beside the forecast: dates, legal status and the scenario in use. */
export function feeRuleText(assumptions: Assumptions): { dates: string; status: string; scenario: string } {
  const effective = assumptions.h1bFeeEffective;
  const end = assumptions.h1bFeeNominalEnd;
  const scenario = {
    continues: `Scenario: it applies to every new petition for a worker abroad filed from ${effective} on.`,
    'as-written': `Scenario: it applies only to such petitions filed from ${effective} to ${formatIsoDate((parseIsoDate(end) as number) - 1)}.`,
    'not-applied': 'Scenario: it never applies.',
  }[assumptions.h1bFeeScenario];
  return {
    dates: `Proclamation of 2025-09-19, effective ${effective}; nominal end ${end} (12 months, unless extended).`,
    status:
      'Legal status: upheld by a federal district court on 2025-12-23, appeals pending (S13); whether it was extended past its nominal end is not in the sources collected 2026-11-23. Change of status inside the US, extensions and amendments are exempt (USCIS, 2025-10-20).',
    scenario,
  };
}
