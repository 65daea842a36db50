// The timing model's editable assumptions: defaults from shared/domain.md, each with its source
// (S-number, see sources.ts) and a confidence mark, plus a validator for anything loaded from
// storage, a file or a form. Flat and JSON-serialisable so a panel can render one input per field.
// Durations given as min/mode/max feed triangular distributions.

import { monthOfDay, parseIsoDate, yearOfDay } from './calendar';

export interface Assumptions {
  // H-1B cap lottery
  h1bSelectionModel: 'flat' | 'wage-level';
  h1bSelectionProbability: number;
  h1bSelectionProbabilityLevel1: number;
  h1bSelectionProbabilityLevel2: number;
  h1bSelectionProbabilityLevel3: number;
  h1bSelectionProbabilityLevel4: number;
  h1bWageLevelPhysician: number;
  h1bWageLevelMls: number;
  h1bRegistrationOpens: string;
  h1bRegistrationCloses: string;
  h1bMaxLotteries: number;
  // H-1B outside the lottery
  h1bCapExemptOfferToStartMonthsMin: number;
  h1bCapExemptOfferToStartMonthsMode: number;
  h1bCapExemptOfferToStartMonthsMax: number;
  h1bTransferDaysMin: number;
  h1bTransferDaysMode: number;
  h1bTransferDaysMax: number;
  usePremiumProcessing: boolean;
  premiumProcessingBusinessDays: number;
  standardProcessingDays: number;
  // Fees
  h1bRegistrationFee: number;
  premiumProcessingFee: number;
  h1bFeeScenario: 'in-force' | 'not-applied';
  h1bFeeAmount: number;
  h1bFeeAppliesToCapExempt: boolean;
  shareOfNewH1bHiresAbroad: number;
  // J-1 waivers
  conrad30SlotsPerState: number;
  conrad30FilingToStartMonthsMin: number;
  conrad30FilingToStartMonthsMode: number;
  conrad30FilingToStartMonthsMax: number;
  conrad30StartWithinDays: number;
  waiverServiceYears: number;
  federalWaiverFilingToStartMonthsMin: number;
  federalWaiverFilingToStartMonthsMode: number;
  federalWaiverFilingToStartMonthsMax: number;
  // Licensure and credentialing
  physicianLicenceDaysMin: number;
  physicianLicenceDaysMode: number;
  physicianLicenceDaysMax: number;
  credentialingDaysMin: number;
  credentialingDaysMode: number;
  credentialingDaysMax: number;
  mlsLicenceDaysMin: number;
  mlsLicenceDaysMode: number;
  mlsLicenceDaysMax: number;
  mlsLicensureStates: string;
  // Other visas
  tnDaysMin: number;
  tnDaysMode: number;
  tnDaysMax: number;
  o1MonthsMin: number;
  o1MonthsMode: number;
  o1MonthsMax: number;
  // Recruitment pipeline
  stageDaysSourced: number;
  stageDaysScreening: number;
  stageDaysInterview: number;
  stageDaysOffer: number;
  stageDaysAccepted: number;
  withdrawalSourced: number;
  withdrawalScreening: number;
  withdrawalInterview: number;
  withdrawalOffer: number;
  withdrawalAccepted: number;
  withdrawalLicensure: number;
  withdrawalCredentialing: number;
  withdrawalVisa: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  h1bSelectionModel: 'flat',
  h1bSelectionProbability: 0.3,
  h1bSelectionProbabilityLevel1: 0.15,
  h1bSelectionProbabilityLevel2: 0.31,
  h1bSelectionProbabilityLevel3: 0.45,
  h1bSelectionProbabilityLevel4: 0.61,
  h1bWageLevelPhysician: 2,
  h1bWageLevelMls: 2,
  h1bRegistrationOpens: '2026-03-04',
  h1bRegistrationCloses: '2026-03-19',
  h1bMaxLotteries: 3,
  h1bCapExemptOfferToStartMonthsMin: 1.5,
  h1bCapExemptOfferToStartMonthsMode: 3,
  h1bCapExemptOfferToStartMonthsMax: 6,
  h1bTransferDaysMin: 14,
  h1bTransferDaysMode: 30,
  h1bTransferDaysMax: 60,
  usePremiumProcessing: true,
  premiumProcessingBusinessDays: 15,
  standardProcessingDays: 120,
  h1bRegistrationFee: 215,
  premiumProcessingFee: 2965,
  h1bFeeScenario: 'in-force',
  h1bFeeAmount: 100_000,
  h1bFeeAppliesToCapExempt: true,
  shareOfNewH1bHiresAbroad: 0.5,
  conrad30SlotsPerState: 30,
  conrad30FilingToStartMonthsMin: 4,
  conrad30FilingToStartMonthsMode: 6,
  conrad30FilingToStartMonthsMax: 9,
  conrad30StartWithinDays: 90,
  waiverServiceYears: 3,
  federalWaiverFilingToStartMonthsMin: 6,
  federalWaiverFilingToStartMonthsMode: 9,
  federalWaiverFilingToStartMonthsMax: 15,
  physicianLicenceDaysMin: 60,
  physicianLicenceDaysMode: 90,
  physicianLicenceDaysMax: 365,
  credentialingDaysMin: 60,
  credentialingDaysMode: 120,
  credentialingDaysMax: 180,
  mlsLicenceDaysMin: 90,
  mlsLicenceDaysMode: 120,
  mlsLicenceDaysMax: 150,
  mlsLicensureStates: 'CA,HI,FL,NY,ND,TN,LA,NV,WV,MT,PR',
  tnDaysMin: 7,
  tnDaysMode: 30,
  tnDaysMax: 90,
  o1MonthsMin: 2,
  o1MonthsMode: 3,
  o1MonthsMax: 6,
  stageDaysSourced: 21,
  stageDaysScreening: 21,
  stageDaysInterview: 30,
  stageDaysOffer: 14,
  stageDaysAccepted: 14,
  withdrawalSourced: 0.5,
  withdrawalScreening: 0.3,
  withdrawalInterview: 0.3,
  withdrawalOffer: 0.2,
  withdrawalAccepted: 0.05,
  withdrawalLicensure: 0.03,
  withdrawalCredentialing: 0.02,
  withdrawalVisa: 0.05,
};

export type Confidence = 'confirmed' | 'assumption';

interface CommonMeta {
  label: string;
  /** Panel section. */
  group: 'H-1B lottery' | 'H-1B' | 'Fees' | 'J-1 waivers' | 'Licensure' | 'Other visas' | 'Pipeline';
  /** S-numbers from shared/domain.md; empty when no source was found (then always 'assumption'). */
  sources: string[];
  confidence: Confidence;
  note: string;
}

export interface NumberMeta extends CommonMeta {
  kind: 'number';
  unit: 'probability' | 'days' | 'business days' | 'months' | 'years' | 'USD' | 'count' | 'level';
  min: number;
  max: number;
  integer: boolean;
}
export interface BooleanMeta extends CommonMeta {
  kind: 'boolean';
}
export interface ChoiceMeta extends CommonMeta {
  kind: 'choice';
  options: readonly string[];
}
export interface DateMeta extends CommonMeta {
  kind: 'date';
}
/** Comma-separated two-letter state or territory codes. */
export interface StateListMeta extends CommonMeta {
  kind: 'state-list';
}

export type AssumptionMeta = NumberMeta | BooleanMeta | ChoiceMeta | DateMeta | StateListMeta;

type MetaFor<T> = T extends number ? NumberMeta : T extends boolean ? BooleanMeta : ChoiceMeta | DateMeta | StateListMeta;

const probability = { kind: 'number', unit: 'probability', min: 0, max: 1, integer: false } as const;
const days = { kind: 'number', unit: 'days', min: 0, max: 1095, integer: false } as const;
const months = { kind: 'number', unit: 'months', min: 0, max: 36, integer: false } as const;
const usd = { kind: 'number', unit: 'USD', min: 0, max: 1_000_000, integer: false } as const;
const NO_SOURCE_NOTE = 'No published figure found; a planning placeholder: replace it with your own pipeline data.';

export const ASSUMPTION_META: { readonly [K in keyof Assumptions]: MetaFor<Assumptions[K]> } = {
  h1bSelectionModel: {
    kind: 'choice',
    options: ['flat', 'wage-level'],
    label: 'H-1B selection odds',
    group: 'H-1B lottery',
    sources: ['S7', 'S9'],
    confidence: 'assumption',
    note: 'flat: one probability for everyone; wage-level: FY2027 wage-weighted odds by the offer’s OEWS level (rule effective Feb 27, 2026).',
  },
  h1bSelectionProbability: {
    ...probability,
    label: 'P(selected), cap-subject registrant',
    group: 'H-1B lottery',
    sources: ['S1', 'S2', 'S3', 'S4', 'S5'],
    confidence: 'assumption',
    note: 'FY2024 24.8%, FY2025 ~29%, FY2026 35.3%; FY2027 rate not published (S8). Range 0.15–0.61 under wage weighting.',
  },
  h1bSelectionProbabilityLevel1: {
    ...probability,
    label: 'P(selected), wage level I',
    group: 'H-1B lottery',
    sources: ['S9'],
    confidence: 'assumption',
    note: 'One law-firm estimate for FY2027 wage-weighted selection (1 entry).',
  },
  h1bSelectionProbabilityLevel2: {
    ...probability,
    label: 'P(selected), wage level II',
    group: 'H-1B lottery',
    sources: ['S9'],
    confidence: 'assumption',
    note: 'One law-firm estimate for FY2027 wage-weighted selection (2 entries).',
  },
  h1bSelectionProbabilityLevel3: {
    ...probability,
    label: 'P(selected), wage level III',
    group: 'H-1B lottery',
    sources: ['S9'],
    confidence: 'assumption',
    note: 'One law-firm estimate for FY2027 wage-weighted selection (3 entries).',
  },
  h1bSelectionProbabilityLevel4: {
    ...probability,
    label: 'P(selected), wage level IV',
    group: 'H-1B lottery',
    sources: ['S9'],
    confidence: 'assumption',
    note: 'One law-firm estimate for FY2027 wage-weighted selection (4 entries).',
  },
  h1bWageLevelPhysician: {
    kind: 'number',
    unit: 'level',
    min: 1,
    max: 4,
    integer: true,
    label: 'OEWS wage level of physician offers',
    group: 'H-1B lottery',
    sources: ['S7'],
    confidence: 'assumption',
    note: 'Used with wage-level odds. The lowest level counts when several employers register one person; no healthcare exemption.',
  },
  h1bWageLevelMls: {
    kind: 'number',
    unit: 'level',
    min: 1,
    max: 4,
    integer: true,
    label: 'OEWS wage level of lab scientist offers',
    group: 'H-1B lottery',
    sources: ['S7'],
    confidence: 'assumption',
    note: 'Used with wage-level odds. The lowest level counts when several employers register one person.',
  },
  h1bRegistrationOpens: {
    kind: 'date',
    label: 'H-1B registration opens',
    group: 'H-1B lottery',
    sources: ['S6', 'S7', 'S8'],
    confidence: 'confirmed',
    note: 'FY2027: Mar 4, 2026. Later years are assumed to open on the same month and day (assumption). Selected registrants start no earlier than Oct 1 of that year.',
  },
  h1bRegistrationCloses: {
    kind: 'date',
    label: 'H-1B registration closes',
    group: 'H-1B lottery',
    sources: ['S6', 'S7', 'S8'],
    confidence: 'confirmed',
    note: 'FY2027: Mar 19, 2026. Later years are assumed to close on the same month and day (assumption). Petitions are filed Apr 1–Jun 30.',
  },
  h1bMaxLotteries: {
    kind: 'number',
    unit: 'count',
    min: 1,
    max: 10,
    integer: true,
    label: 'Lotteries entered before giving up',
    group: 'H-1B lottery',
    sources: [],
    confidence: 'assumption',
    note: 'Each missed lottery delays the earliest start by 12 months; after the last one the candidate is counted as lost.',
  },
  h1bCapExemptOfferToStartMonthsMin: {
    ...months,
    label: 'Cap-exempt H-1B: offer → start, shortest',
    group: 'H-1B',
    sources: ['S14', 'S15'],
    confidence: 'assumption',
    note: 'Hospitals affiliated with universities or nonprofits file all year. Assumes premium processing.',
  },
  h1bCapExemptOfferToStartMonthsMode: {
    ...months,
    label: 'Cap-exempt H-1B: offer → start, typical',
    group: 'H-1B',
    sources: ['S14', 'S15'],
    confidence: 'assumption',
    note: 'Assumes premium processing; without it the standard-processing delay is added.',
  },
  h1bCapExemptOfferToStartMonthsMax: {
    ...months,
    label: 'Cap-exempt H-1B: offer → start, longest',
    group: 'H-1B',
    sources: ['S14', 'S15'],
    confidence: 'assumption',
    note: 'Assumes premium processing.',
  },
  h1bTransferDaysMin: {
    ...days,
    label: 'H-1B transfer: offer → start, shortest',
    group: 'H-1B',
    sources: [],
    confidence: 'assumption',
    note: NO_SOURCE_NOTE,
  },
  h1bTransferDaysMode: {
    ...days,
    label: 'H-1B transfer: offer → start, typical',
    group: 'H-1B',
    sources: [],
    confidence: 'assumption',
    note: NO_SOURCE_NOTE,
  },
  h1bTransferDaysMax: {
    ...days,
    label: 'H-1B transfer: offer → start, longest',
    group: 'H-1B',
    sources: [],
    confidence: 'assumption',
    note: NO_SOURCE_NOTE,
  },
  usePremiumProcessing: {
    kind: 'boolean',
    label: 'Use premium processing',
    group: 'H-1B',
    sources: ['S15'],
    confidence: 'assumption',
    note: 'A planning choice: premium processing decides a petition in 15 business days for a fee.',
  },
  premiumProcessingBusinessDays: {
    kind: 'number',
    unit: 'business days',
    min: 1,
    max: 90,
    integer: true,
    label: 'Premium processing time',
    group: 'H-1B',
    sources: ['S15'],
    confidence: 'confirmed',
    note: '15 business days.',
  },
  standardProcessingDays: {
    ...days,
    label: 'Standard processing time',
    group: 'H-1B',
    sources: ['S15'],
    confidence: 'assumption',
    note: 'No authoritative standard processing time was found.',
  },
  h1bRegistrationFee: {
    ...usd,
    label: 'H-1B registration fee',
    group: 'Fees',
    sources: ['S6'],
    confidence: 'confirmed',
    note: '$215 per registration from FY2026 ($10 before).',
  },
  premiumProcessingFee: {
    ...usd,
    label: 'Premium processing fee',
    group: 'Fees',
    sources: ['S15'],
    confidence: 'assumption',
    note: '$2,805 until Feb 28, 2026; $2,965 from Mar 1, 2026 (one source).',
  },
  h1bFeeScenario: {
    kind: 'choice',
    options: ['in-force', 'not-applied'],
    label: '$100,000 H-1B fee',
    group: 'Fees',
    sources: ['S10', 'S11', 'S13'],
    confidence: 'confirmed',
    note: 'Proclamation of Sept 19, 2025, on new petitions for people outside the US; change of status, extensions and amendments exempt. Upheld Dec 23, 2025; appeals pending.',
  },
  h1bFeeAmount: {
    ...usd,
    label: 'Extra fee, new petition for a worker abroad',
    group: 'Fees',
    sources: ['S10', 'S11'],
    confidence: 'confirmed',
    note: 'No blanket physician exemption found (S12); national-interest exceptions are rare.',
  },
  h1bFeeAppliesToCapExempt: {
    kind: 'boolean',
    label: '$100,000 fee applies to cap-exempt employers',
    group: 'Fees',
    sources: ['S11'],
    confidence: 'assumption',
    note: 'Disputed: whether cap-exempt employers pay it for hires from abroad.',
  },
  shareOfNewH1bHiresAbroad: {
    ...probability,
    label: 'Share of new H-1B hires petitioned from abroad',
    group: 'Fees',
    sources: [],
    confidence: 'assumption',
    note: 'Candidate records do not say where the person is. 1: all come from abroad (fee applies); 0: all change status inside the US (exempt).',
  },
  conrad30SlotsPerState: {
    kind: 'number',
    unit: 'count',
    min: 0,
    max: 30,
    integer: true,
    label: 'Conrad 30 slots per state per fiscal year',
    group: 'J-1 waivers',
    sources: ['S17', 'S18', 'S21'],
    confidence: 'confirmed',
    note: '30 per state per federal fiscal year (Oct 1–Sep 30). Other employers compete for them: 21 states used all 30 in FY2023 and Texas’s go within minutes, so lower this to the slots you can expect.',
  },
  conrad30FilingToStartMonthsMin: {
    ...months,
    label: 'Conrad 30: filing → H-1B start, shortest',
    group: 'J-1 waivers',
    sources: ['S22'],
    confidence: 'assumption',
    note: 'State weeks–months; State Dept 4–12 weeks; USCIS 2–6 weeks.',
  },
  conrad30FilingToStartMonthsMode: {
    ...months,
    label: 'Conrad 30: filing → H-1B start, typical',
    group: 'J-1 waivers',
    sources: ['S22'],
    confidence: 'assumption',
    note: 'State weeks–months; State Dept 4–12 weeks; USCIS 2–6 weeks.',
  },
  conrad30FilingToStartMonthsMax: {
    ...months,
    label: 'Conrad 30: filing → H-1B start, longest',
    group: 'J-1 waivers',
    sources: ['S22'],
    confidence: 'assumption',
    note: 'State weeks–months; State Dept 4–12 weeks; USCIS 2–6 weeks.',
  },
  conrad30StartWithinDays: {
    kind: 'number',
    unit: 'days',
    min: 0,
    max: 365,
    integer: true,
    label: 'Conrad 30: start within … of the waiver',
    group: 'J-1 waivers',
    sources: ['S17'],
    confidence: 'confirmed',
    note: 'Statute: 90 days. Modelled from the earliest H-1B start: a candidate not licensed and credentialed by then is lost.',
  },
  waiverServiceYears: {
    kind: 'number',
    unit: 'years',
    min: 0,
    max: 10,
    integer: false,
    label: 'Waiver service obligation',
    group: 'J-1 waivers',
    sources: ['S17'],
    confidence: 'confirmed',
    note: '3 years full-time in an HPSA, MUA or MUP. The H-1B after a Conrad waiver is cap-exempt (S25).',
  },
  federalWaiverFilingToStartMonthsMin: {
    ...months,
    label: 'Federal waiver (HHS, DRA, ARC, VA): filing → start, shortest',
    group: 'J-1 waivers',
    sources: ['S21', 'S23'],
    confidence: 'assumption',
    note: 'No numeric cap. No timing figure was found.',
  },
  federalWaiverFilingToStartMonthsMode: {
    ...months,
    label: 'Federal waiver: filing → start, typical',
    group: 'J-1 waivers',
    sources: ['S21', 'S23'],
    confidence: 'assumption',
    note: 'No timing figure was found.',
  },
  federalWaiverFilingToStartMonthsMax: {
    ...months,
    label: 'Federal waiver: filing → start, longest',
    group: 'J-1 waivers',
    sources: ['S21', 'S23'],
    confidence: 'assumption',
    note: 'No timing figure was found.',
  },
  physicianLicenceDaysMin: {
    ...days,
    label: 'State medical licence, shortest',
    group: 'Licensure',
    sources: ['S29'],
    confidence: 'confirmed',
    note: 'California 2–3 months (apply 6 months ahead); New Jersey ~2 + 8–12 + 1 weeks.',
  },
  physicianLicenceDaysMode: {
    ...days,
    label: 'State medical licence, typical',
    group: 'Licensure',
    sources: ['S29'],
    confidence: 'confirmed',
    note: 'California 2–3 months.',
  },
  physicianLicenceDaysMax: {
    ...days,
    label: 'State medical licence, longest',
    group: 'Licensure',
    sources: ['S29'],
    confidence: 'assumption',
    note: '60–180 days is typical (secondary sources); 365 allows for slow boards.',
  },
  credentialingDaysMin: {
    ...days,
    label: 'Credentialing and privileging, shortest',
    group: 'Licensure',
    sources: ['S30'],
    confidence: 'assumption',
    note: 'Vendor articles: 60–120 days.',
  },
  credentialingDaysMode: {
    ...days,
    label: 'Credentialing and privileging, typical',
    group: 'Licensure',
    sources: ['S30'],
    confidence: 'assumption',
    note: 'Vendor articles: 60–120 days.',
  },
  credentialingDaysMax: {
    ...days,
    label: 'Credentialing and privileging, longest',
    group: 'Licensure',
    sources: ['S30'],
    confidence: 'assumption',
    note: '150–180 days at large academic systems.',
  },
  mlsLicenceDaysMin: {
    ...days,
    label: 'Lab personnel licence, shortest',
    group: 'Licensure',
    sources: ['S45'],
    confidence: 'assumption',
    note: 'California 90–150 days (confirmed); other licensing states assumed the same.',
  },
  mlsLicenceDaysMode: {
    ...days,
    label: 'Lab personnel licence, typical',
    group: 'Licensure',
    sources: ['S45'],
    confidence: 'assumption',
    note: 'California 90–150 days (confirmed); other licensing states assumed the same.',
  },
  mlsLicenceDaysMax: {
    ...days,
    label: 'Lab personnel licence, longest',
    group: 'Licensure',
    sources: ['S45'],
    confidence: 'assumption',
    note: 'California 90–150 days (confirmed); other licensing states assumed the same.',
  },
  mlsLicensureStates: {
    kind: 'state-list',
    label: 'States that license lab personnel',
    group: 'Licensure',
    sources: ['S44'],
    confidence: 'confirmed',
    note: 'Elsewhere no state licence is needed; California accepts MLS(ASCPi).',
  },
  tnDaysMin: {
    ...days,
    label: 'TN (Canadians, Mexicans): offer → start, shortest',
    group: 'Other visas',
    sources: ['S47'],
    confidence: 'assumption',
    note: 'Lab scientists qualify as Medical Technologist. No timing figure was found.',
  },
  tnDaysMode: {
    ...days,
    label: 'TN: offer → start, typical',
    group: 'Other visas',
    sources: ['S47'],
    confidence: 'assumption',
    note: 'No timing figure was found.',
  },
  tnDaysMax: {
    ...days,
    label: 'TN: offer → start, longest',
    group: 'Other visas',
    sources: ['S47'],
    confidence: 'assumption',
    note: 'No timing figure was found.',
  },
  o1MonthsMin: {
    ...months,
    label: 'O-1: offer → start, shortest',
    group: 'Other visas',
    sources: [],
    confidence: 'assumption',
    note: `${NO_SOURCE_NOTE} Assumes premium processing; without it the standard-processing delay is added.`,
  },
  o1MonthsMode: {
    ...months,
    label: 'O-1: offer → start, typical',
    group: 'Other visas',
    sources: [],
    confidence: 'assumption',
    note: NO_SOURCE_NOTE,
  },
  o1MonthsMax: {
    ...months,
    label: 'O-1: offer → start, longest',
    group: 'Other visas',
    sources: [],
    confidence: 'assumption',
    note: NO_SOURCE_NOTE,
  },
  stageDaysSourced: stageDaysMeta('sourced → screening'),
  stageDaysScreening: stageDaysMeta('screening → interview'),
  stageDaysInterview: stageDaysMeta('interview → offer'),
  stageDaysOffer: stageDaysMeta('offer → accepted'),
  stageDaysAccepted: stageDaysMeta('accepted → licensure starts'),
  withdrawalSourced: withdrawalMeta('sourced'),
  withdrawalScreening: withdrawalMeta('screening'),
  withdrawalInterview: withdrawalMeta('interview'),
  withdrawalOffer: withdrawalMeta('offer'),
  withdrawalAccepted: withdrawalMeta('accepted'),
  withdrawalLicensure: withdrawalMeta('licensure'),
  withdrawalCredentialing: withdrawalMeta('credentialing'),
  withdrawalVisa: withdrawalMeta('visa'),
};

function stageDaysMeta(transition: string): NumberMeta {
  return {
    ...days,
    label: `Typical days, ${transition}`,
    group: 'Pipeline',
    sources: [],
    confidence: 'assumption',
    note: `${NO_SOURCE_NOTE} Spread: half to double the typical days.`,
  };
}

function withdrawalMeta(stage: string): NumberMeta {
  return {
    ...probability,
    label: `P(withdraws or is rejected), ${stage} stage`,
    group: 'Pipeline',
    sources: [],
    confidence: 'assumption',
    note: NO_SOURCE_NOTE,
  };
}

export const ASSUMPTION_FIELDS = Object.keys(DEFAULT_ASSUMPTIONS) as (keyof Assumptions)[];

/** Field-name prefixes of the min/mode/max triples; months when the prefix ends in "Months". */
const TRIANGULAR_PREFIXES = [
  'h1bCapExemptOfferToStartMonths',
  'h1bTransferDays',
  'conrad30FilingToStartMonths',
  'federalWaiverFilingToStartMonths',
  'physicianLicenceDays',
  'credentialingDays',
  'mlsLicenceDays',
  'tnDays',
  'o1Months',
] as const;
export type TriangularPrefix = (typeof TRIANGULAR_PREFIXES)[number];

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
  if (errors.length === 0) errors.push(...crossFieldErrors(value as unknown as Assumptions));
  return errors.length === 0 ? { ok: true, value: value as unknown as Assumptions } : { ok: false, errors };
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
    const min = value[`${prefix}Min`];
    const mode = value[`${prefix}Mode`];
    const max = value[`${prefix}Max`];
    if (!(min <= mode && mode <= max)) errors.push(`${prefix}Min/Mode/Max: expected min ≤ mode ≤ max, got ${min}, ${mode}, ${max}`);
  }
  const opens = parseIsoDate(value.h1bRegistrationOpens) as number;
  const closes = parseIsoDate(value.h1bRegistrationCloses) as number;
  if (yearOfDay(opens) !== yearOfDay(closes) || opens > closes) {
    errors.push('h1bRegistrationCloses: expected on or after h1bRegistrationOpens, in the same year');
  } else if (monthOfDay(closes) > 3) {
    errors.push('h1bRegistrationCloses: expected before April (cap petitions are filed from April 1)');
  }
  return errors;
}

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return Array.isArray(raw) ? 'an array' : typeof raw;
}
