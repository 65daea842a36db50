// Government fees per visa route, only those with a figure in shared/domain.md. Base filing fees,
// legal fees and state waiver fees are not there, so a route's total is a floor, not a full cost.

import type { VisaRoute } from '../types';
import type { Assumptions } from './assumptions';

export interface FeeItem {
  label: string;
  /** Expected US dollars per occurrence (the $100,000 fee is weighted by the share hired from abroad). */
  amountUsd: number;
  per: 'lottery entry' | 'petition';
  sources: string[];
}

export interface RouteFees {
  visaRoute: VisaRoute;
  /** False when no fee for the route has a sourced figure. */
  known: boolean;
  perLotteryEntry: number;
  perPetition: number;
  items: FeeItem[];
}

export function routeFees(visaRoute: VisaRoute, assumptions: Assumptions): RouteFees {
  const items = feeItems(visaRoute, assumptions);
  const total = (per: FeeItem['per']) => items.filter((item) => item.per === per).reduce((sum, item) => sum + item.amountUsd, 0);
  return {
    visaRoute,
    known: visaRoute !== 'tn',
    perLotteryEntry: total('lottery entry'),
    perPetition: total('petition'),
    items,
  };
}

function feeItems(visaRoute: VisaRoute, assumptions: Assumptions): FeeItem[] {
  const items: FeeItem[] = [];
  if (visaRoute === 'h1b-cap-subject') {
    items.push({ label: 'H-1B registration', amountUsd: assumptions.h1bRegistrationFee, per: 'lottery entry', sources: ['S6'] });
  }
  // Every route below files a Form I-129 petition, which premium processing can speed up.
  const petitionRoutes: VisaRoute[] = ['h1b-cap-subject', 'h1b-cap-exempt', 'h1b-transfer', 'j1-conrad30', 'j1-federal-waiver', 'o1'];
  if (assumptions.usePremiumProcessing && petitionRoutes.includes(visaRoute)) {
    items.push({ label: 'Premium processing', amountUsd: assumptions.premiumProcessingFee, per: 'petition', sources: ['S15'] });
  }
  // Only new petitions for people abroad pay it; transfers and J-1 → H-1B changes of status are exempt.
  const abroadFeeApplies =
    assumptions.h1bFeeScenario === 'in-force' &&
    (visaRoute === 'h1b-cap-subject' || (visaRoute === 'h1b-cap-exempt' && assumptions.h1bFeeAppliesToCapExempt));
  if (abroadFeeApplies) {
    const share = assumptions.shareOfNewH1bHiresAbroad;
    items.push({
      label: `$${groupThousands(assumptions.h1bFeeAmount)} fee × ${Math.round(share * 100)}% hired from abroad`,
      amountUsd: assumptions.h1bFeeAmount * share,
      per: 'petition',
      sources: ['S10', 'S11'],
    });
  }
  return items;
}

/** 100000 → "100,000" without Intl, which is slow to start and varies by runtime. */
function groupThousands(amount: number): string {
  const [whole, fraction] = String(Math.round(amount * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
