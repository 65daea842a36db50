// Government fees per hire, by visa route and by the employer's kind (nonprofit, for-profit, small):
// the H-1B registration, the Form I-129 or I-140 fee, the ACWIA and fraud prevention fees, the
// Asylum Program fee, premium processing, with their exemptions (R1, R2, R11). The $100,000 fee depends
// on the filing date and where the person is, so the simulator adds it per run (h1b-fee.ts).
// Legal fees, state waiver fees and consular fees are not counted: a total is a floor.

import type { VisaRoute } from '../types';
import type { Assumptions, Confidence } from './assumptions';
import { ASSUMPTION_META } from './assumptions';
import { ROUTES } from './visa-routes';

export interface FeeItem {
  label: string;
  amountUsd: number;
  per: 'lottery entry' | 'petition';
  sources: readonly string[];
  confidence: Confidence;
}

export interface RouteFees {
  visaRoute: VisaRoute;
  /** False when no fee of the route has a figure (TN). */
  known: boolean;
  perLotteryEntry: number;
  perPetition: number;
  items: FeeItem[];
  /** The route files a new H-1B petition, which the $100,000 fee can hit. */
  h1bFeeCanApply: boolean;
}

type FeeField =
  | 'h1bRegistrationFee'
  | 'i129H1bFee'
  | 'i129H1bReducedFee'
  | 'i129O1Fee'
  | 'i129O1ReducedFee'
  | 'asylumProgramFee'
  | 'acwiaFee'
  | 'fraudFee'
  | 'i140Fee'
  | 'premiumProcessingFee';

export function routeFees(visaRoute: VisaRoute, assumptions: Assumptions): RouteFees {
  const items = feeItems(visaRoute, assumptions);
  const total = (per: FeeItem['per']) => items.filter((item) => item.per === per).reduce((sum, item) => sum + item.amountUsd, 0);
  return {
    visaRoute,
    known: visaRoute !== 'tn',
    perLotteryEntry: total('lottery entry'),
    perPetition: total('petition'),
    items,
    h1bFeeCanApply: ROUTES[visaRoute].newH1bPetition === true,
  };
}

function feeItems(route: VisaRoute, a: Assumptions): FeeItem[] {
  if (route === 'us-authorized' || route === 'ead' || route === 'tn') return [];
  // A cap-exempt employer is a university or an affiliated nonprofit: reduced I-129 fee, no ACWIA or Asylum Program fee.
  const kind = route === 'h1b-cap-exempt' ? 'cap-exempt' : a.employerKind;
  const reduced = kind !== 'for-profit';
  const nonprofit = kind === 'nonprofit' || kind === 'nonprofit-teaching' || kind === 'cap-exempt';
  const item = (field: FeeField, label: string, amountUsd: number, per: FeeItem['per'] = 'petition'): FeeItem => ({
    label,
    amountUsd,
    per,
    sources: ASSUMPTION_META[field].sources,
    confidence: ASSUMPTION_META[field].confidence,
  });
  const asylum = nonprofit
    ? null
    : kind === 'small'
      ? item('asylumProgramFee', 'Asylum Program fee (25 or fewer employees: half)', a.asylumProgramFee / 2)
      : item('asylumProgramFee', 'Asylum Program fee', a.asylumProgramFee);
  const premium = a.usePremiumProcessing ? item('premiumProcessingFee', 'Premium processing', a.premiumProcessingFee) : null;
  const keep = (list: (FeeItem | null)[]) => list.filter((x): x is FeeItem => x !== null);

  if (route === 'eb2-niw' || route === 'eb3-perm') return keep([item('i140Fee', 'Form I-140', a.i140Fee), asylum]);
  if (route === 'o1') {
    return keep([
      reduced
        ? item('i129O1ReducedFee', 'Form I-129, O-1 (nonprofit or small employer)', a.i129O1ReducedFee)
        : item('i129O1Fee', 'Form I-129, O-1', a.i129O1Fee),
      asylum,
      premium,
    ]);
  }
  // Every H-1B route: a new petition, a change of employer, or the H-1B after a J-1 waiver. ACWIA-exempt:
  // cap-exempt employers and nonprofits training students under a university curriculum (R11).
  const acwia =
    kind === 'cap-exempt' || kind === 'nonprofit-teaching'
      ? null
      : kind === 'small'
        ? item('acwiaFee', 'ACWIA training fee (25 or fewer employees: half)', a.acwiaFee / 2)
        : item('acwiaFee', 'ACWIA training fee', a.acwiaFee);
  return keep([
    route === 'h1b-cap-subject' ? item('h1bRegistrationFee', 'H-1B registration', a.h1bRegistrationFee, 'lottery entry') : null,
    reduced
      ? item('i129H1bReducedFee', 'Form I-129, H-1B (nonprofit or small employer)', a.i129H1bReducedFee)
      : item('i129H1bFee', 'Form I-129, H-1B', a.i129H1bFee),
    acwia,
    item('fraudFee', 'Fraud prevention and detection fee', a.fraudFee),
    asylum,
    premium,
  ]);
}

/** 100000 → "100,000" without Intl, which is slow to start and varies by runtime. */
export function groupThousands(amount: number): string {
  const [whole, fraction] = String(Math.round(amount * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
