// Domain types shared by the model, the views and the workspace file.
// Plain data only (JSON-serialisable): the workspace is saved to IndexedDB and exported as a file.

export type Profession = 'physician' | 'mls';

/** Physician specialties the product plans for; MLS candidates use 'medical laboratory'. */
export const SPECIALTIES = [
  'primary care',
  'internal medicine',
  'pediatrics',
  'ob/gyn',
  'psychiatry',
  'emergency medicine',
  'general surgery',
  'anesthesiology',
  'cardiology',
  'nephrology',
  'neurology',
  'oncology',
  'radiology',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

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

export const VISA_ROUTES = [
  'us-authorized', // US citizen or green card
  'ead',
  'h1b-cap-subject',
  'h1b-cap-exempt',
  'h1b-transfer',
  'j1-conrad30',
  'j1-federal-waiver',
  'o1',
  'tn',
] as const;
export type VisaRoute = (typeof VISA_ROUTES)[number];

/** ISO date string, YYYY-MM-DD. */
export type IsoDate = string;

export interface Candidate {
  id: string;
  profession: Profession;
  /** A Specialty for physicians; 'medical laboratory' for MLS. */
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
  licenceStatus: string;
  /** MLS(ASCPi) certification, lab candidates only. */
  ascpi: boolean | null;
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

export interface Target {
  id: string;
  profession: Profession;
  specialty: string;
  region: RegionRef;
  hires: number;
  /** Quarter label, e.g. "2027-Q4"; the target is due at the end of that quarter. */
  dueQuarter: string;
  priority: Priority;
  owner: string;
  note: string;
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
