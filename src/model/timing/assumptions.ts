// The timing model's editable assumptions, declared once: each row of ASSUMPTION_META carries its
// default, its input rules (unit, range), its label, its sources (S-numbers from shared/domain.md,
// R-numbers for rules looked up since; see sources.ts) and whether a source states that exact value
// ("confirmed") or not ("assumption", with the reason in the note). The Assumptions type and
// DEFAULT_ASSUMPTIONS derive from it. `quote` is the line of shared/domain.md a default comes
// from, verbatim, so a test can hold the default to its source.
// Durations given as min/mode/max feed triangular distributions.

import { monthOfDay, parseIsoDate, yearOfDay } from '../calendar';

export type Confidence = 'confirmed' | 'assumption';

/**
 * The day the visa, waiver and licensing rules the forecast models were last read against their
 * sources (shared/domain.md with its entries added since 2026-11-23, and shared/forecast-casebook.md
 * of 2026-12-07). Rules change: the Assumptions panel, every forecast and the report carry it.
 */
export const RULES_AS_OF = '2026-12-07';

export type AssumptionGroup =
  | 'H-1B lottery'
  | 'H-1B'
  | 'Fees'
  | '$100,000 fee'
  | 'J-1 waivers'
  | 'IMG training'
  | 'Licensure'
  | 'Other visas'
  | 'Green cards'
  | 'Pipeline';

interface Source {
  label: string;
  group: AssumptionGroup;
  sources: readonly string[];
  confidence: Confidence;
  /** Why the value is what it is; for an assumption, why no source settles it. */
  note: string;
  /** The line of shared/domain.md the default comes from, verbatim. */
  quote?: string;
}

export type NumberUnit = 'probability' | 'days' | 'business days' | 'months' | 'years' | 'USD' | 'count' | 'level';

export interface NumberMeta extends Source {
  kind: 'number';
  default: number;
  unit: NumberUnit;
  min: number;
  max: number;
  integer: boolean;
}
export interface BooleanMeta extends Source {
  kind: 'boolean';
  default: boolean;
}
export interface ChoiceMeta<T extends string = string> extends Source {
  kind: 'choice';
  default: T;
  options: readonly T[];
  /** Words for each option, for panels and reports. */
  optionLabels: Readonly<Record<T, string>>;
}
export interface DateMeta extends Source {
  kind: 'date';
  default: string;
}
/** Comma-separated two-letter state or territory codes. */
export interface StateListMeta extends Source {
  kind: 'state-list';
  default: string;
}

export type AssumptionMeta = NumberMeta | BooleanMeta | ChoiceMeta | DateMeta | StateListMeta;

const RANGES = {
  probability: { min: 0, max: 1, integer: false },
  days: { min: 0, max: 1095, integer: false },
  'business days': { min: 1, max: 90, integer: true },
  months: { min: 0, max: 60, integer: false },
  years: { min: 0, max: 10, integer: false },
  USD: { min: 0, max: 1_000_000, integer: false },
  count: { min: 0, max: 100, integer: true },
  level: { min: 1, max: 4, integer: true },
} as const satisfies Record<NumberUnit, { min: number; max: number; integer: boolean }>;

function number(
  unit: NumberUnit,
  value: number,
  basis: Source,
  range: Partial<Pick<NumberMeta, 'min' | 'max' | 'integer'>> = {},
): NumberMeta {
  return { kind: 'number', unit, default: value, ...RANGES[unit], ...range, ...basis };
}
const probability = (value: number, basis: Source) => number('probability', value, basis);
const days = (value: number, basis: Source) => number('days', value, basis);
const usd = (value: number, basis: Source) => number('USD', value, basis);
const date = (value: string, basis: Source): DateMeta => ({ kind: 'date', default: value, ...basis });
const stateList = (value: string, basis: Source): StateListMeta => ({ kind: 'state-list', default: value, ...basis });
const boolean = (value: boolean, basis: Source): BooleanMeta => ({ kind: 'boolean', default: value, ...basis });
function choice<const T extends string>(optionLabels: Record<T, string>, value: NoInfer<T>, basis: Source): ChoiceMeta<T> {
  return { kind: 'choice', default: value, options: Object.keys(optionLabels) as T[], optionLabels, ...basis };
}

type Triple<P extends string> = { [K in `${P}Min` | `${P}Mode` | `${P}Max`]: NumberMeta };

/** A min/mode/max triple of a duration: one basis, three fields. */
function triangular<const P extends string>(
  prefix: P,
  unit: 'days' | 'months',
  [min, mode, max]: readonly [number, number, number],
  basis: Source,
): Triple<P> {
  const part = (value: number, word: string) => number(unit, value, { ...basis, label: `${basis.label}, ${word}` });
  return {
    [`${prefix}Min`]: part(min, 'shortest'),
    [`${prefix}Mode`]: part(mode, 'typical'),
    [`${prefix}Max`]: part(max, 'longest'),
  } as Triple<P>;
}

const NO_SOURCE = 'No published figure found; a planning placeholder: replace it with your own pipeline data.';
const FEE_SOURCES = ['R1'];
const FEE_NOTE =
  'The amount several law-firm summaries give from the USCIS fee rule (89 FR 6194, fees from Apr 1, 2024) and Form G-1055; the rule text itself was not read here.';

/** Every assumption, in panel order. */
export const ASSUMPTION_META = {
  // ------------------------------------------------------------------ H-1B lottery
  h1bSelectionModel: choice(
    { flat: 'one probability for everyone', 'wage-level': 'wage-weighted by the offer’s OEWS level' },
    'wage-level',
    {
      label: 'H-1B selection rule',
      group: 'H-1B lottery',
      sources: ['S7'],
      confidence: 'confirmed',
      note: 'Wage-weighted selection applies from the FY2027 lottery (March 2026): 1–4 entries for wage levels I–IV; the lowest level counts when several employers register one person; no healthcare exemption.',
      quote: 'FY2027 onward: wage-weighted selection (final rule Dec 29, 2025, effective Feb 27, 2026)',
    },
  ),
  h1bSelectionProbability: probability(0.3, {
    label: 'P(selected), flat rule',
    group: 'H-1B lottery',
    sources: ['S1', 'S2', 'S3', 'S4', 'S5'],
    confidence: 'assumption',
    note: 'Used only with the flat rule. FY2024 24.8%, FY2025 ~29%, FY2026 35.3%; FY2027 not published (S8).',
    quote: '| P(selected), cap-subject H-1B registrant | 0.30 | 0.15–0.61 |',
  }),
  h1bSelectionProbabilityLevel1: levelOdds(1, 0.1529),
  h1bSelectionProbabilityLevel2: levelOdds(2, 0.3058),
  h1bSelectionProbabilityLevel3: levelOdds(3, 0.4587),
  h1bSelectionProbabilityLevel4: levelOdds(4, 0.6116),
  h1bWageLevelPhysician: wageLevel('physician'),
  h1bWageLevelMls: wageLevel('lab'),
  h1bRegistrationOpens: date('2026-03-04', {
    label: 'H-1B registration opens',
    group: 'H-1B lottery',
    sources: ['S6', 'S7', 'S8'],
    confidence: 'confirmed',
    note: 'FY2027: Mar 4, 2026. Later years are projected to the same month and day (shown as assumption where used).',
    quote: 'FY2027: Mar 4–19, 2026',
  }),
  h1bRegistrationCloses: date('2026-03-19', {
    label: 'H-1B registration closes',
    group: 'H-1B lottery',
    sources: ['S6', 'S7', 'S8'],
    confidence: 'confirmed',
    note: 'FY2027: Mar 19, 2026. Selections by Mar 31; petitions Apr 1–Jun 30; earliest start Oct 1.',
    quote: 'FY2027: Mar 4–19, 2026',
  }),
  h1bMaxLotteries: number(
    'count',
    3,
    {
      label: 'Lotteries entered before giving up',
      group: 'H-1B lottery',
      sources: [],
      confidence: 'assumption',
      note: `${NO_SOURCE} Each missed lottery delays the earliest start by 12 months.`,
    },
    { min: 1, max: 10 },
  ),

  // ------------------------------------------------------------------ H-1B petitions
  ...triangular('h1bCapExemptOfferToStartMonths', 'months', [1.5, 3, 6], {
    label: 'Cap-exempt H-1B: offer accepted → petition approved',
    group: 'H-1B',
    sources: ['S14', 'S15'],
    confidence: 'assumption',
    note: 'Cap-exempt employers file all year. The source range also allows for licensure, which runs alongside. Assumes premium processing; without it the standard-processing delay is added.',
    quote: '| cap-exempt H-1B: offer → start (in the US) | 3 months | 1.5–6 |',
  }),
  ...triangular('h1bTransferDays', 'days', [14, 30, 60], {
    label: 'H-1B transfer: offer accepted → petition filed',
    group: 'H-1B',
    sources: [],
    confidence: 'assumption',
    note: `${NO_SOURCE} Portability: the worker may start once the new petition is filed.`,
  }),
  ...triangular('consularDays', 'days', [14, 45, 120], {
    label: 'Visa appointment abroad after approval',
    group: 'H-1B',
    sources: [],
    confidence: 'assumption',
    note: `${NO_SOURCE} Consulate waits vary by post; applies to anyone petitioned for from abroad.`,
  }),
  usePremiumProcessing: boolean(true, {
    label: 'Use premium processing',
    group: 'H-1B',
    sources: ['S15'],
    confidence: 'assumption',
    note: 'A planning choice: premium processing decides a petition in 15 business days for a fee.',
  }),
  premiumProcessingBusinessDays: number('business days', 15, {
    label: 'Premium processing time',
    group: 'H-1B',
    sources: ['S15'],
    confidence: 'confirmed',
    note: '15 business days.',
    quote: 'Premium processing: 15 business days (S15)',
  }),
  standardProcessingDays: days(120, {
    label: 'Standard processing time',
    group: 'H-1B',
    sources: ['S15'],
    confidence: 'assumption',
    note: 'No authoritative standard processing time was found.',
  }),

  // ------------------------------------------------------------------ government fees per petition
  employerKind: choice(
    {
      nonprofit: 'nonprofit (501(c)(3)) employer',
      'nonprofit-teaching':
        'nonprofit (501(c)(3)) that trains students of a university under an established curriculum (no ACWIA fee; still cap-subject)',
      'for-profit': 'for-profit employer with more than 25 full-time employees',
      small: 'employer with 25 or fewer full-time employees',
    },
    'nonprofit',
    {
      label: 'Your organisation, for fee exemptions',
      group: 'Fees',
      sources: ['R1', 'R2', 'R11'],
      confidence: 'assumption',
      note: 'Most US hospitals are nonprofits (assumption: set yours). Nonprofits pay the reduced I-129 fee and no Asylum Program fee. No ACWIA fee for cap-exempt employers (universities and their affiliated nonprofits) nor for nonprofits engaged in established curriculum-related clinical training of students of a university (INA §214(c)(9)(A)) — an exemption apart from the cap exemption, which needs an affiliation agreement (8 CFR 214.2(h)(8)(iii)(F)(2)).',
    },
  ),
  h1bRegistrationFee: usd(215, {
    label: 'H-1B registration fee',
    group: 'Fees',
    sources: ['S6'],
    confidence: 'confirmed',
    note: 'Per registration from FY2026 ($10 before).',
    quote: 'Registration fee: $10, $215 from FY2026 (S6)',
  }),
  i129H1bFee: usd(780, { label: 'Form I-129 fee, H-1B', group: 'Fees', sources: FEE_SOURCES, confidence: 'assumption', note: FEE_NOTE }),
  i129H1bReducedFee: usd(460, {
    label: 'Form I-129 fee, H-1B, nonprofit or small employer',
    group: 'Fees',
    sources: FEE_SOURCES,
    confidence: 'assumption',
    note: FEE_NOTE,
  }),
  i129O1Fee: usd(1055, { label: 'Form I-129 fee, O-1', group: 'Fees', sources: FEE_SOURCES, confidence: 'assumption', note: FEE_NOTE }),
  i129O1ReducedFee: usd(530, {
    label: 'Form I-129 fee, O-1, nonprofit or small employer',
    group: 'Fees',
    sources: FEE_SOURCES,
    confidence: 'assumption',
    note: FEE_NOTE,
  }),
  asylumProgramFee: usd(600, {
    label: 'Asylum Program fee (I-129, I-140)',
    group: 'Fees',
    sources: FEE_SOURCES,
    confidence: 'assumption',
    note: `${FEE_NOTE} $300 for employers of 25 or fewer; nonprofits pay none.`,
  }),
  acwiaFee: usd(1500, {
    label: 'ACWIA training fee, new H-1B or change of employer',
    group: 'Fees',
    sources: ['R2', 'R11'],
    confidence: 'assumption',
    note: 'INA §214(c)(9) as summarised by law firms: $750 for employers of 25 or fewer; none for universities, their affiliated nonprofits, nonprofit research organisations, and nonprofits engaged in curriculum-related clinical training of students (INA §214(c)(9)(A)).',
  }),
  fraudFee: usd(500, {
    label: 'Fraud prevention and detection fee, new H-1B or change of employer',
    group: 'Fees',
    sources: ['R2'],
    confidence: 'assumption',
    note: 'INA §214(c)(12) as summarised by law firms; never waived, for nonprofits and ACWIA-exempt employers too.',
    quote: 'the $500 fraud fee is never waived',
  }),
  i140Fee: usd(715, {
    label: 'Form I-140 fee (green card petition)',
    group: 'Fees',
    sources: FEE_SOURCES,
    confidence: 'assumption',
    note: `${FEE_NOTE} The domain notes give no I-140 amount, and no primary text read here states $715 (only law-firm and news relays of the rule), so it is not confirmed.`,
  }),
  premiumProcessingFee: usd(2965, {
    label: 'Premium processing fee',
    group: 'Fees',
    sources: ['S15'],
    confidence: 'assumption',
    note: '$2,805 until Feb 28, 2026; $2,965 from Mar 1, 2026 (one source).',
  }),

  // ------------------------------------------------------------------ the $100,000 fee (a rule in flux)
  h1bFeeScenario: choice(
    {
      continues: 'applies to every new petition for a worker abroad filed from its effective date on',
      'as-written': 'applies only to petitions filed before its nominal end',
      'not-applied': 'never applies (for example struck down)',
    },
    'continues',
    {
      label: '$100,000 fee scenario',
      group: '$100,000 fee',
      sources: ['S10', 'S11', 'S13'],
      confidence: 'assumption',
      note: 'An open question, not a fact: the proclamation ran nominally for 12 months; whether it was extended is not in the sources (collected 2026-11-23). Upheld by a district court Dec 23, 2025; appeals pending. The forecast shows P(met) with and without it.',
    },
  ),
  h1bFeeEffective: date('2025-09-21', {
    label: '$100,000 fee: effective from',
    group: '$100,000 fee',
    sources: ['S10'],
    confidence: 'confirmed',
    note: 'Proclamation of Sept 19, 2025. New H-1B petitions filed on or after this date for people outside the US.',
    quote: 'Proclamation of Sept 19, 2025 (effective Sept 21, 2025, nominally 12 months)',
  }),
  h1bFeeNominalEnd: date('2026-09-21', {
    label: '$100,000 fee: nominal end',
    group: '$100,000 fee',
    sources: ['S10'],
    confidence: 'assumption',
    note: 'Computed: 12 months after the effective date, as S10 summarises the proclamation (“nominally 12 months”); its exact wording was not read. Used by the “as-written” scenario.',
  }),
  h1bFeeAmount: usd(100_000, {
    label: '$100,000 fee: amount',
    group: '$100,000 fee',
    sources: ['S10', 'S11'],
    confidence: 'confirmed',
    note: 'Change of status inside the US (F-1/J-1 → H-1B), extensions and amendments are exempt (USCIS, Oct 20, 2025); no blanket physician exemption found (S12).',
    quote: '| extra fee, new petition for a worker abroad | $100,000 |',
  }),
  h1bFeeAppliesToCapExempt: boolean(true, {
    label: '$100,000 fee: cap-exempt employers pay it too',
    group: '$100,000 fee',
    sources: ['S11'],
    confidence: 'assumption',
    note: 'Disputed: whether cap-exempt employers pay it for hires from abroad.',
  }),
  h1bFeePayProbability: probability(0.5, {
    label: '$100,000 fee: chance the employer pays it (otherwise the hire falls through)',
    group: '$100,000 fee',
    sources: [],
    confidence: 'assumption',
    note: 'No survey of employer responses found; set your organisation’s policy (1: always pays; 0: never hires from abroad on a new H-1B while the fee applies).',
  }),
  shareOfNewH1bHiresAbroad: probability(0.5, {
    label: 'Share abroad, where a candidate’s location is not recorded',
    group: '$100,000 fee',
    sources: [],
    confidence: 'assumption',
    note: 'Only for candidates without a current_status. 1: all are abroad (the fee can apply); 0: all change status inside the US (exempt).',
  }),

  // ------------------------------------------------------------------ J-1 waivers
  conrad30SlotsPerState: number(
    'count',
    30,
    {
      label: 'Conrad 30 waivers per state per fiscal year',
      group: 'J-1 waivers',
      sources: ['S17'],
      confidence: 'confirmed',
      note: 'Statute: 30 per state per federal fiscal year (Oct 1–Sep 30), up to 10 of them “flex”.',
      quote: '| Conrad 30 slots per state per FY / flex | 30 / 10 |',
    },
    { max: 30 },
  ),
  conrad30FlexSlotsPerState: number(
    'count',
    10,
    {
      label: 'Conrad 30 flex waivers per state per fiscal year',
      group: 'J-1 waivers',
      sources: ['S17'],
      confidence: 'confirmed',
      note: 'For sites outside designated areas that serve patients from them.',
      quote: '| Conrad 30 slots per state per FY / flex | 30 / 10 |',
    },
    { max: 30 },
  ),
  conrad30EmployerSlots: number(
    'count',
    5,
    {
      label: 'Conrad 30 waivers your organisation can expect per state and fiscal year',
      group: 'J-1 waivers',
      sources: ['S18', 'S21'],
      confidence: 'assumption',
      note: 'No per-employer figure is published. Other employers compete for the 30: 21 states used all of them in FY2023 and Texas’s go within minutes of opening, while >350 went unused nationally. Set it to what your state’s program has granted you.',
    },
    { max: 30 },
  ),
  conrad30EmployerFlexSlots: number(
    'count',
    1,
    {
      label: 'Conrad 30 flex waivers your organisation can expect per state and fiscal year',
      group: 'J-1 waivers',
      sources: ['S17'],
      confidence: 'assumption',
      note: 'A share of the state’s 10 flex slots; no per-employer figure is published.',
    },
    { max: 30 },
  ),
  conrad30StatesFilledAtOpening: stateList('TX', {
    label: 'States whose Conrad 30 slots all go the day the window opens',
    group: 'J-1 waivers',
    sources: ['S21', 'R15'],
    confidence: 'assumption',
    note: 'Texas’s slots go within minutes of opening (S21), so an application not in on that day waits for the next year’s window. Add states where yours fill at once; in the others applications are served while the slots you expect last.',
  }),
  conrad30RecommendProbability: probability(0.9, {
    label: 'Conrad 30: chance the state recommends the application',
    group: 'J-1 waivers',
    sources: ['S18'],
    confidence: 'assumption',
    note: 'No published rate. States review each application against their own rules and, where slots run short, rank them; 21 states used all 30 slots in FY2023 (S18). Applies to applications filed and to be filed.',
  }),
  waiverApprovalProbability: probability(0.95, {
    label: 'J-1 waiver: chance the State Department recommends and USCIS approves',
    group: 'J-1 waivers',
    sources: ['S22'],
    confidence: 'assumption',
    note: 'No published approval rate; the State Department reviews in 4–12 weeks and USCIS in 2–6 (S22).',
  }),
  ...triangular('conrad30FilingToStartMonths', 'months', [4, 6, 9], {
    label: 'Conrad 30: filing → H-1B start',
    group: 'J-1 waivers',
    sources: ['S22'],
    confidence: 'assumption',
    note: 'State weeks–months; State Dept 4–12 weeks; USCIS 2–6 weeks.',
    quote: '| Conrad 30 waiver: filing → H-1B start | 6 months | 4–9 | S22 ⚠️ |',
  }),
  conrad30StartWithinDays: number(
    'days',
    90,
    {
      label: 'Conrad 30: start within … of the waiver',
      group: 'J-1 waivers',
      sources: ['S17', 'R14'],
      confidence: 'confirmed',
      note: 'Statute: 90 days (INA §214(l)). In practice it runs from employment authorisation — Texas’s contract: “within 90 days of receiving the waiver and employment authorization from USCIS” — and the H-1B asks for a start at the end of training, so the forecast flags a start more than this long after the H-1B’s validity begins rather than dropping the hire.',
      quote: 'start within 90 days of the waiver',
    },
    { integer: true, max: 365 },
  ),
  waiverServiceYears: number('years', 3, {
    label: 'Waiver service obligation',
    group: 'J-1 waivers',
    sources: ['S17'],
    confidence: 'confirmed',
    note: 'Full time at the waiver site (HPSA, MUA or MUP for Conrad 30); the H-1B after a Conrad waiver is cap-exempt (S25).',
    quote: '| waiver service obligation | 3 years |',
  }),
  ...triangular('federalWaiverFilingToStartMonths', 'months', [6, 9, 15], {
    label: 'Federal waiver (HHS, ARC, DRA, VA): filing → H-1B start',
    group: 'J-1 waivers',
    sources: ['S21', 'S23'],
    confidence: 'assumption',
    note: 'No numeric cap. No timing figure was found.',
  }),
  hhsMinimumHpsaScore: number(
    'count',
    7,
    {
      label: 'HHS clinical waiver: lowest HPSA score',
      group: 'J-1 waivers',
      sources: ['R3'],
      confidence: 'confirmed',
      note: 'HHS: a primary-care HPSA (mental-health HPSA for psychiatrists) scored 07 or higher, not proposed for withdrawal; primary care or general psychiatry only.',
    },
    { max: 25 },
  ),

  // ------------------------------------------------------------------ IMG training
  ...triangular('ecfmgCertificationMonths', 'months', [6, 12, 24], {
    label: 'ECFMG certification (USMLE Step 1, Step 2 CK, communication)',
    group: 'IMG training',
    sources: ['S28'],
    confidence: 'assumption',
    note: `The steps are confirmed (S28); how long they take is not. ${NO_SOURCE}`,
  }),
  ...triangular('usmleStep3Months', 'months', [2, 4, 8], {
    label: 'USMLE Step 3, after ECFMG certification',
    group: 'IMG training',
    sources: ['R10'],
    confidence: 'assumption',
    note: `An H-1B petition for a physician in patient care must show USMLE Steps 1–3 (R10); an IMG takes Step 3 once ECFMG-certified. A certified physician is taken to have passed it. ${NO_SOURCE}`,
  }),
  matchRateNonUsImg: probability(0.58, {
    label: 'Match rate, non-US IMGs',
    group: 'IMG training',
    sources: ['S26'],
    confidence: 'confirmed',
    note: '2025 Match 58.0% (2024: 58.5%). Each Match is on the third Friday of March; residency starts July 1 (S27).',
    quote: '| match rate non-US IMG / US-citizen IMG | 0.58 / 0.68 |',
  }),
  matchAttempts: number(
    'count',
    2,
    {
      label: 'Matches entered before giving up',
      group: 'IMG training',
      sources: [],
      confidence: 'assumption',
      note: NO_SOURCE,
    },
    { min: 1, max: 10 },
  ),
  residencyYears: number(
    'years',
    3,
    {
      label: 'Residency length',
      group: 'IMG training',
      sources: [],
      confidence: 'assumption',
      note: 'Primary-care residencies last 3 years; psychiatry, neurology and OB/GYN 4, surgery 5 or more (ACGME program lengths, not in domain.md). Set it for the specialty you recruit.',
    },
    { integer: false, min: 1 },
  ),

  // ------------------------------------------------------------------ licensure and credentialing
  ...triangular('physicianLicenceDays', 'days', [60, 90, 365], {
    label: 'State medical licence',
    group: 'Licensure',
    sources: ['S29'],
    confidence: 'assumption',
    note: 'California 2–3 months and New Jersey ~2 + 8–12 + 1 weeks are confirmed; other states are assumed alike, and 60–180 days typical is secondary. 365 allows for slow boards.',
    quote: '| state medical licence | 90 days | 60–365 | S29 |',
  }),
  ...triangular('credentialingDays', 'days', [60, 120, 180], {
    label: 'Credentialing and privileging',
    group: 'Licensure',
    sources: ['S30'],
    confidence: 'assumption',
    note: 'Vendor articles: 60–120 days, 150–180 at large academic systems.',
    quote: '| credentialing and privileging | 120 days | 60–180 | S30 ⚠️ |',
  }),
  ...triangular('mlsLicenceDays', 'days', [90, 120, 150], {
    label: 'Lab personnel licence',
    group: 'Licensure',
    sources: ['S45'],
    confidence: 'assumption',
    note: 'California 90–150 days (confirmed; it accepts MLS(ASCPi)); other licensing states assumed the same.',
    quote: '| MLS California licence | 120 days | 90–150 | S45 |',
  }),
  mlsLicensureStates: stateList('CA,FL,HI,LA,MT,ND,NV,NY,RI,TN,WV,PR', {
    label: 'States that license lab personnel',
    group: 'Licensure',
    sources: ['S44', 'R9'],
    confidence: 'assumption',
    note: 'Lists disagree: ASCLS names 10 states and Puerto Rico (S44); a 2023 list adds Rhode Island, which has a Board of Clinical Laboratory Science. Georgia licenses laboratory directors, not staff, so it is left out.',
  }),
  ...triangular('visaScreenMonths', 'months', [1, 2, 4], {
    label: 'CGFNS VisaScreen certificate (MLS, MLT)',
    group: 'Licensure',
    sources: ['S48', 'R7'],
    confidence: 'assumption',
    note: `Required for medical technologists and technicians before a visa (8 CFR 212.15); not for cytotechnologists or histotechnologists. ${NO_SOURCE}`,
  }),

  // ------------------------------------------------------------------ other visas
  ...triangular('tnDays', 'days', [7, 30, 90], {
    label: 'TN (Canadians, Mexicans): offer accepted → start',
    group: 'Other visas',
    sources: ['S47', 'R8'],
    confidence: 'assumption',
    note: 'Lab scientists qualify as Medical Technologist; physicians only for teaching or research. No timing figure was found.',
  }),
  ...triangular('o1Months', 'months', [2, 3, 6], {
    label: 'O-1: offer accepted → petition approved',
    group: 'Other visas',
    sources: [],
    confidence: 'assumption',
    note: `${NO_SOURCE} Assumes premium processing; without it the standard-processing delay is added.`,
  }),

  // ------------------------------------------------------------------ green cards
  ...triangular('permMonths', 'months', [12, 18, 30], {
    label: 'PERM labour certification (wage determination, recruitment, DOL review)',
    group: 'Green cards',
    sources: ['S46'],
    confidence: 'assumption',
    note: `Lab scientists are not on Schedule A, so they go through PERM (S46). ${NO_SOURCE}`,
  }),
  ...triangular('immigrantPetitionMonths', 'months', [1, 6, 12], {
    label: 'I-140 petition decision',
    group: 'Green cards',
    sources: [],
    confidence: 'assumption',
    note: NO_SOURCE,
  }),
  ...triangular('immigrantVisaWaitMonths', 'months', [6, 24, 48], {
    label: 'Wait for an immigrant visa number, then the interview',
    group: 'Green cards',
    sources: ['S49'],
    confidence: 'assumption',
    note: 'Typical 24 months: EB-3 ran about 2 years behind in Nov 2023 (S49, one source); cutoffs move, and India and China wait far longer. The range is a placeholder.',
  }),

  // ------------------------------------------------------------------ recruitment pipeline
  stageDaysSourced: stageDays('sourced → screening', 21),
  stageDaysScreening: stageDays('screening → interview', 21),
  stageDaysInterview: stageDays('interview → offer', 30),
  stageDaysOffer: stageDays('offer → accepted', 14),
  stageDaysAccepted: stageDays('accepted → licensure starts', 14),
  withdrawalSourced: withdrawal('sourced', 0.5),
  withdrawalScreening: withdrawal('screening', 0.3),
  withdrawalInterview: withdrawal('interview', 0.3),
  withdrawalOffer: withdrawal('offer', 0.2),
  withdrawalAccepted: withdrawal('accepted', 0.05),
  withdrawalLicensure: withdrawal('licensure', 0.03),
  withdrawalCredentialing: withdrawal('credentialing', 0.02),
  withdrawalVisa: withdrawal('visa', 0.05),
};

function levelOdds(level: number, value: number): NumberMeta {
  return probability(value, {
    label: `P(selected), wage level ${['I', 'II', 'III', 'IV'][level - 1]}`,
    group: 'H-1B lottery',
    sources: ['S7', 'S9'],
    confidence: 'assumption',
    note: `DHS's projection for wage-weighted selection (${level} ${level === 1 ? 'entry' : 'entries'} per registration; a person is selected at most once), in the proposed rule's analysis (90 FR 45986) adopted by the final rule of Dec 29, 2025: a projection, not a measured rate. Replace it with USCIS's measured FY2027 figures once published (S8).`,
    quote: "per-level odds 15.29% / 30.58% / 45.87% / 61.16%: DHS's projection in the proposed rule's analysis (90 FR 45986)",
  });
}

function wageLevel(who: 'physician' | 'lab'): NumberMeta {
  return number('level', 2, {
    label: `OEWS wage level of ${who} offers`,
    group: 'H-1B lottery',
    sources: [],
    confidence: 'assumption',
    note: 'No published level for these offers. A target with a saved offer uses that offer’s level for its candidates instead.',
  });
}

function stageDays(transition: string, value: number): NumberMeta {
  return days(value, {
    label: `Typical days, ${transition}`,
    group: 'Pipeline',
    sources: [],
    confidence: 'assumption',
    note: `${NO_SOURCE} Spread: half to double the typical days.`,
  });
}

function withdrawal(stage: string, value: number): NumberMeta {
  return probability(value, {
    label: `P(withdraws or is rejected), ${stage} stage`,
    group: 'Pipeline',
    sources: [],
    confidence: 'assumption',
    note: NO_SOURCE,
  });
}

type Table = typeof ASSUMPTION_META;

export type Assumptions = { -readonly [K in keyof Table]: Table[K]['default'] };

export const ASSUMPTION_FIELDS = Object.keys(ASSUMPTION_META) as (keyof Assumptions)[];

export const DEFAULT_ASSUMPTIONS = Object.fromEntries(
  ASSUMPTION_FIELDS.map((field) => [field, ASSUMPTION_META[field].default]),
) as Assumptions;

/** Field-name prefixes of the min/mode/max triples; months when the prefix ends in "Months". */
export type TriangularPrefix = {
  [K in keyof Assumptions]: K extends `${infer P}Min` ? (`${P}Mode` extends keyof Assumptions ? P : never) : never;
}[keyof Assumptions];

const TRIANGULAR_PREFIXES: TriangularPrefix[] = ASSUMPTION_FIELDS.flatMap((field): TriangularPrefix[] => {
  const prefix = field.endsWith('Min') ? field.slice(0, -3) : '';
  return prefix && `${prefix}Mode` in ASSUMPTION_META ? [prefix as TriangularPrefix] : [];
});

/** How a value stands: sourced as stated, an assumption, or the user's own edit. */
export type ValueBasis = Confidence | 'your value';

export function basisOf(field: keyof Assumptions, value: unknown): ValueBasis {
  return value === ASSUMPTION_META[field].default ? ASSUMPTION_META[field].confidence : 'your value';
}

const STATE_CODE = /^[A-Z]{2}$/;

export type ValidationResult = { ok: true; value: Assumptions } | { ok: false; errors: string[] };

/** Checks untrusted input field by field; returns a fresh object holding only the known fields. */
export function validateAssumptions(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['assumptions: expected an object'] };
  }
  const record = input as Record<string, unknown>;
  const errors: string[] = [];
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(ASSUMPTION_META, key)) errors.push(`${key}: unknown field`);
  }
  for (const field of ASSUMPTION_FIELDS) {
    if (!Object.hasOwn(record, field)) {
      errors.push(`${field}: missing`);
      continue;
    }
    const error = fieldError(ASSUMPTION_META[field], record[field]);
    if (error) errors.push(`${field}: ${error}`);
    else value[field] = record[field];
  }
  if (errors.length === 0) errors.push(...crossFieldErrors(value as Assumptions));
  return errors.length === 0 ? { ok: true, value: value as Assumptions } : { ok: false, errors };
}

function fieldError(meta: AssumptionMeta, raw: unknown): string | null {
  switch (meta.kind) {
    case 'number':
      if (typeof raw !== 'number') return `expected a number, got ${describe(raw)}`;
      if (!Number.isFinite(raw)) return `expected a finite number, got ${raw}`;
      if (meta.integer && !Number.isInteger(raw)) return `expected a whole number, got ${raw}`;
      if (raw < meta.min || raw > meta.max) return `${raw} is outside ${meta.min}–${meta.max} ${meta.unit}`;
      return null;
    case 'boolean':
      return typeof raw === 'boolean' ? null : `expected true or false, got ${describe(raw)}`;
    case 'choice':
      return typeof raw === 'string' && meta.options.includes(raw)
        ? null
        : `expected one of ${meta.options.join(', ')}, got ${describe(raw)}`;
    case 'date':
      return typeof raw === 'string' && parseIsoDate(raw) !== null ? null : `expected a YYYY-MM-DD date, got ${describe(raw)}`;
    case 'state-list':
      if (typeof raw !== 'string') return `expected comma-separated state codes, got ${describe(raw)}`;
      return raw === '' || raw.split(',').every((code) => STATE_CODE.test(code))
        ? null
        : `expected comma-separated two-letter codes such as "CA,NY", got ${describe(raw)}`;
  }
}

function crossFieldErrors(value: Assumptions): string[] {
  const errors: string[] = [];
  for (const prefix of TRIANGULAR_PREFIXES) {
    const [min, mode, max] = [value[`${prefix}Min`], value[`${prefix}Mode`], value[`${prefix}Max`]];
    if (!(min <= mode && mode <= max)) errors.push(`${prefix}Min/Mode/Max: expected min ≤ mode ≤ max, got ${min}, ${mode}, ${max}`);
  }
  const opens = parseIsoDate(value.h1bRegistrationOpens) as number;
  const closes = parseIsoDate(value.h1bRegistrationCloses) as number;
  if (yearOfDay(opens) !== yearOfDay(closes) || opens > closes) {
    errors.push('h1bRegistrationCloses: expected on or after h1bRegistrationOpens, in the same year');
  } else if (monthOfDay(closes) > 3) {
    errors.push('h1bRegistrationCloses: expected before April (cap petitions are filed from April 1)');
  }
  if ((parseIsoDate(value.h1bFeeNominalEnd) as number) <= (parseIsoDate(value.h1bFeeEffective) as number)) {
    errors.push('h1bFeeNominalEnd: expected after h1bFeeEffective');
  }
  if (value.conrad30FlexSlotsPerState > value.conrad30SlotsPerState) {
    errors.push('conrad30FlexSlotsPerState: expected at most conrad30SlotsPerState (flex slots are part of the 30)');
  }
  if (value.conrad30EmployerSlots > value.conrad30SlotsPerState) {
    errors.push('conrad30EmployerSlots: expected at most conrad30SlotsPerState');
  }
  if (value.conrad30EmployerFlexSlots > Math.min(value.conrad30EmployerSlots, value.conrad30FlexSlotsPerState)) {
    errors.push('conrad30EmployerFlexSlots: expected at most your organisation’s slots and the state’s flex slots');
  }
  return errors;
}

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return Array.isArray(raw) ? 'an array' : typeof raw;
}
