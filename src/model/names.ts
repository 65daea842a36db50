// Plain names for the codes a candidate or target carries: what screens, next actions, CSV files
// meant for people and the report say. The codes stay in the pipeline template's columns and the
// workspace file; a person reads these names. Routes are named in timing/visa-routes.ts (one table
// of route facts) and re-exported here so there is one place to look.
import type { CurrentStatus, LicenceStatus, Profession, Stage, TrainingStatus, VisaRoute, VisaStatus } from './types';
import { routeLabel } from './timing/visa-routes';

export const PROFESSION_NAMES: Readonly<Record<Profession, string>> = {
  physician: 'Physician',
  mls: 'Lab scientist',
};

export const STAGE_NAMES: Readonly<Record<Stage, string>> = {
  sourced: 'Sourced',
  screening: 'Screening',
  interview: 'Interview',
  offer: 'Offer made',
  accepted: 'Offer accepted',
  licensure: 'Licensure',
  credentialing: 'Credentialing',
  visa: 'Visa',
  arrived: 'Arrived',
  withdrawn: 'Withdrawn',
};

export const VISA_STATUS_NAMES: Readonly<Record<VisaStatus, string>> = {
  'not-started': 'Not started',
  registered: 'Registered for the H-1B lottery',
  selected: 'Selected in the H-1B lottery',
  'waiver-filed': 'J-1 waiver filed',
  'waiver-approved': 'J-1 waiver approved',
  'perm-filed': 'PERM labour certification filed',
  'immigrant-petition-filed': 'Immigrant petition (I-140) filed',
  'petition-filed': 'Petition filed',
  approved: 'Petition approved',
};

export const CURRENT_STATUS_NAMES: Readonly<Record<CurrentStatus, string>> = {
  '': 'Not recorded',
  abroad: 'Abroad',
  j1: 'In the US on a J-1 (two-year home-residency rule)',
  f1: 'In the US on an F-1',
  h1b: 'In the US on a cap-subject H-1B',
  'h1b-cap-exempt': 'In the US on a cap-exempt H-1B',
  'h1b-waiver-service': 'In the US on an H-1B, serving a J-1 waiver',
  'other-us': 'In the US in another status',
};

export const TRAINING_STATUS_NAMES: Readonly<Record<TrainingStatus, string>> = {
  '': 'Not recorded (taken as completed)',
  completed: 'US residency completed',
  'in-training': 'In US residency or fellowship',
  'needs-residency': 'Needs a US residency',
};

export const LICENCE_STATUS_NAMES: Readonly<Record<LicenceStatus, string>> = {
  '': 'Not recorded (read from the stage)',
  'not-applied': 'Not applied for yet',
  applied: 'Applied for, under way',
  licensed: 'Licensed',
};

/** A yes/no column of the template (blank: not recorded). */
export const yesNoName = (value: boolean | null): string => (value === null ? 'Not recorded' : value ? 'Yes' : 'No');

/** A licence status as read: a code by its name; text saved before the codes existed, as written and read as not recorded. */
export const licenceStatusName = (status: string): string =>
  Object.hasOwn(LICENCE_STATUS_NAMES, status)
    ? LICENCE_STATUS_NAMES[status as LicenceStatus]
    : `“${status}” (not a known status: read as not recorded)`;

export const professionName = (p: Profession): string => PROFESSION_NAMES[p];
export const stageName = (s: Stage): string => STAGE_NAMES[s];
export const visaStatusName = (s: VisaStatus): string => VISA_STATUS_NAMES[s];
export const currentStatusName = (s: CurrentStatus): string => CURRENT_STATUS_NAMES[s];
export const trainingStatusName = (s: TrainingStatus): string => TRAINING_STATUS_NAMES[s];
export const routeName = (r: VisaRoute): string => routeLabel(r);
