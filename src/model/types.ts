// Domain types shared by the model, the views and the workspace file.
// Plain data only (JSON-serialisable): the workspace is saved to IndexedDB and exported as a file.

export type Profession = 'physician' | 'mls';

export const STAGES = [
  'sourced',
  'screening',
  'interview',
  'offer',
  'accepted',
  'licensure',
  'credentialing',
  'visa',
  'arrived',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

/** How the candidate will be authorised to work for the employer (timing/routes.ts has the rules). */
export const VISA_ROUTES = [
  'us-authorized', // US citizen or green card
  'ead',
  'h1b-cap-subject',
  'h1b-cap-exempt',
  'h1b-transfer', // portability from another H-1B employer, already counted against the cap
  'j1-conrad30',
  'j1-hhs-clinical',
  'j1-arc',
  'j1-dra',
  'j1-va',
  'j1-federal-waiver', // a federal waiver whose program is not recorded (older files)
  'o1',
  'tn',
  'eb2-niw', // physician national interest waiver green card (8 CFR 204.12)
  'eb3-perm', // green card through PERM labour certification
] as const;
export type VisaRoute = (typeof VISA_ROUTES)[number];

/** The last visa step that has actually happened, with visaStatusDate as its date. */
export const VISA_STATUSES = [
  'not-started',
  'registered', // H-1B cap registration submitted
  'selected', // selected in the H-1B lottery
  'waiver-filed', // J-1 waiver application filed with the state or agency
  'waiver-approved',
  'perm-filed', // PERM labour certification filed with DOL
  'immigrant-petition-filed', // I-140 filed
  'petition-filed', // H-1B, O-1 or TN petition filed (or TN application made)
  'approved', // the route's petition approved (H-1B, O-1, TN, or the I-140)
] as const;
export type VisaStatus = (typeof VISA_STATUSES)[number];

/** Where the person is and in what status now: decides the $100,000 fee, the 212(e) rule and cap moves. */
export const CURRENT_STATUSES = [
  '', // not recorded
  'abroad',
  'j1', // J-1 physician (ECFMG-sponsored), subject to the two-year home-residency rule
  'f1',
  'h1b', // H-1B counted against the cap
  'h1b-cap-exempt', // H-1B with a cap-exempt employer (e.g. a university residency): never counted against the cap
  'h1b-waiver-service', // H-1B serving a J-1 waiver's 3-year obligation elsewhere
  'other-us', // another status inside the US (O-1, TN, H-4 ...)
] as const;
export type CurrentStatus = (typeof CURRENT_STATUSES)[number];

/** Physicians: where US graduate medical education stands (a licence needs it in most states). */
export const TRAINING_STATUSES = [
  '', // not recorded: treated as completed
  'completed',
  'in-training', // resident or fellow; free from availableFrom (usually June 30)
  'needs-residency', // has not matched into a US residency
] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/**
 * Where the candidate's licence to practise in the site's state stands (the pipeline template's
 * licence_status codes). A physician's licence is needed before an H-1B petition is filed
 * (8 CFR 214.2(h)(4)(viii)); a lab licence before work in a licensing state.
 */
export const LICENCE_STATUSES = [
  '', // not recorded: read from the stage (licensure: applied for on the stage date; credentialing or visa: licensed)
  'not-applied',
  'applied',
  'licensed',
] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/** ISO date string, YYYY-MM-DD. */
export type IsoDate = string;

export interface Candidate {
  id: string;
  profession: Profession;
  /** A specialty id from src/model/specialties.ts (physician specialty or lab role). */
  specialty: string;
  stage: Stage;
  stageDate: IsoDate;
  visaRoute: VisaRoute;
  /** Two-letter state of the target site. */
  siteState: string;
  /** Five-digit county FIPS of the target site, text with leading zeros; '' when unknown. */
  siteCountyFips: string;
  /** '' when unknown. */
  expectedStart: IsoDate;
  countryOfTraining: string;
  languages: string[];
  gender: string;
  ecfmgCertified: boolean | null;
  /** A LicenceStatus code; records saved before the codes may hold free text, read as not recorded unless it names one. */
  licenceStatus: string;
  /** MLS(ASCPi) certification, lab candidates only. */
  ascpi: boolean | null;
  visaStatus: VisaStatus;
  /** When the visa status was reached; '' only for not-started. */
  visaStatusDate: IsoDate;
  /** First day the person can start (end of training, notice period); '' when free now. */
  availableFrom: IsoDate;
  currentStatus: CurrentStatus;
  trainingStatus: TrainingStatus;
  /** Lab candidates: holds a bachelor's degree (H-1B needs one). */
  bachelorsDegree: boolean | null;
  /** Lab candidates: holds a CGFNS VisaScreen certificate. */
  visaScreen: boolean | null;
  /**
   * Years already spent in H-1B status (residency on an H-1B counts, J-1 time does not): an H-1B
   * lasts six years at most (INA §214(g)(4)). Absent or null when not recorded.
   */
  h1bYearsUsed?: number | null;
}

/** A named set of counties and/or states the user recruits for. */
export interface ServiceArea {
  id: string;
  name: string;
  /** Five-digit county FIPS codes. */
  counties: string[];
  /** Two-letter state abbreviations (whole states). */
  states: string[];
}

export type RegionRef =
  | { kind: 'service-area'; id: string }
  | { kind: 'county'; fips: string }
  | { kind: 'state'; state: string }
  | { kind: 'census-region'; name: string }
  | { kind: 'hhs-region'; number: number }
  | { kind: 'site'; name: string; state: string; countyFips: string };

export type Priority = 'high' | 'medium' | 'low';

/**
 * What the employer offers for a target, saved from the Market screen's offer panel: the forecast
 * uses its H-1B wage level for the target's cap-subject candidates.
 */
export interface TargetOffer {
  /** Offered salary, US dollars a year. */
  annualWage: number;
  /** OEWS wage level I–IV the offer meets. */
  wageLevel: 1 | 2 | 3 | 4;
  /** 'estimated' from other employers' filings; 'confirmed' by the user from DOL's prevailing wage for the job. */
  levelSource: 'estimated' | 'confirmed';
  /** The state the offer was compared in. */
  state: string;
  /** What the estimate rests on, e.g. "56 DOL wage filings, medical laboratory scientists in Texas, FY2025 Q2". */
  basis: string;
  savedOn: IsoDate;
}

export interface Target {
  id: string;
  profession: Profession;
  /** A specialty id, or a group such as "primary care" (src/model/specialties.ts). */
  specialty: string;
  region: RegionRef;
  hires: number;
  /** Quarter label, e.g. "2027-Q4"; the target is due at the end of that quarter. */
  dueQuarter: string;
  priority: Priority;
  owner: string;
  note: string;
  /** Absent until an offer is saved for the target. */
  offer?: TargetOffer;
}

export type DiversityMeasure =
  | { kind: 'img-share'; minShare: number }
  | { kind: 'language-coverage'; languages: string[]; minHiresPerLanguage: number }
  | { kind: 'max-country-share'; maxShare: number }
  | { kind: 'gender-balance'; minShareEach: number };

export interface DiversityTarget {
  id: string;
  /** null: applies to the whole workspace; otherwise the id of a Target. */
  targetId: string | null;
  measure: DiversityMeasure;
  note: string;
}
