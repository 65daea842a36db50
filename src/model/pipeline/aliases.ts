// Friendly spellings people type into a pipeline spreadsheet, mapped to the app's codes.
// Matching ignores case, spaces and punctuation, so "H-1B cap-exempt" finds h1b-cap-exempt.

import { specialtiesOf } from '../specialties';
import {
  CURRENT_STATUSES,
  LICENCE_STATUSES,
  STAGES,
  TRAINING_STATUSES,
  VISA_ROUTES,
  VISA_STATUSES,
  type CurrentStatus,
  type LicenceStatus,
  type Profession,
  type Stage,
  type TrainingStatus,
  type VisaRoute,
  type VisaStatus,
} from '../types';

const aliasKey = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const MAX_REMEMBERED = 10_000;

/** Codes and their aliases; remembers raw cells it has seen, since a column repeats a few values. */
export class AliasTable<T> {
  private readonly byKey = new Map<string, T>();
  private readonly seen = new Map<string, T | undefined>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [text, value] of entries) this.byKey.set(aliasKey(text), value);
  }

  find(text: string): T | undefined {
    if (this.seen.has(text)) return this.seen.get(text);
    const value = this.byKey.get(aliasKey(text));
    if (this.seen.size < MAX_REMEMBERED) this.seen.set(text, value);
    return value;
  }
}

/** A table from every code and its aliases to the code. */
function lookup<T extends string>(codes: readonly T[], aliases: Readonly<Partial<Record<T, readonly string[]>>>): AliasTable<T> {
  return new AliasTable(codes.flatMap((code) => [code, ...(aliases[code] ?? [])].map((text) => [text, code] as const)));
}

export const STAGE_ALIASES = lookup<Stage>(STAGES, {
  sourced: ['sourcing', 'lead', 'new'],
  screening: ['screen', 'screened'],
  interview: ['interviewing', 'interviewed'],
  offer: ['offered', 'offer made', 'offer extended'],
  accepted: ['offer accepted', 'signed'],
  licensure: ['licensing', 'licence', 'license'],
  credentialing: ['credentialling', 'privileging'],
  visa: ['visa processing', 'immigration', 'petition'],
  arrived: ['started', 'onboarded', 'on site'],
  withdrawn: ['withdrew', 'declined', 'dropped'],
});

export const VISA_ROUTE_ALIASES = lookup<VisaRoute>(VISA_ROUTES, {
  'us-authorized': ['us authorised', 'us citizen', 'citizen', 'green card', 'permanent resident', 'lpr'],
  ead: ['employment authorization document', 'work permit'],
  'h1b-cap-subject': ['h1b cap', 'h1b lottery', 'cap subject'],
  'h1b-cap-exempt': ['cap exempt'],
  'h1b-transfer': ['h1b portability'],
  'j1-conrad30': ['conrad 30', 'conrad', 'j1 waiver conrad 30'],
  'j1-hhs-clinical': ['hhs waiver', 'j1 hhs waiver', 'hhs clinical waiver', 'hhs clinical'],
  'j1-arc': ['arc waiver', 'appalachian regional commission', 'j1 arc waiver'],
  'j1-dra': ['dra waiver', 'delta regional authority', 'delta doctors', 'j1 dra waiver'],
  'j1-va': ['va waiver', 'veterans affairs waiver', 'j1 va waiver'],
  'j1-federal-waiver': ['federal waiver', 'j1 federal waiver'],
  o1: ['o1a'],
  tn: ['tn visa', 'usmca'],
  'eb2-niw': ['niw', 'physician niw', 'national interest waiver', 'eb2 national interest waiver'],
  'eb3-perm': ['eb3', 'perm', 'green card via perm', 'eb3 green card'],
});

export const VISA_STATUS_ALIASES = lookup<VisaStatus>(VISA_STATUSES, {
  'not-started': ['', 'none', 'not yet', 'no'],
  registered: ['lottery registered', 'h1b registered', 'registration submitted'],
  selected: ['lottery selected', 'selected in the lottery', 'picked'],
  'waiver-filed': ['waiver submitted', 'waiver application filed', 'conrad filed'],
  'waiver-approved': ['waiver granted', 'waiver recommended', 'conrad approved'],
  'perm-filed': ['perm', 'labor certification filed', 'labour certification filed'],
  'immigrant-petition-filed': ['i140 filed', 'green card petition filed'],
  'petition-filed': ['filed', 'i129 filed', 'h1b filed', 'petition submitted'],
  approved: ['petition approved', 'i797', 'approval notice'],
});

export const CURRENT_STATUS_ALIASES = lookup<CurrentStatus>(CURRENT_STATUSES, {
  abroad: ['outside the us', 'outside us', 'overseas'],
  j1: ['j1 physician', 'j1 visa', 'j1 resident'],
  f1: ['student', 'f1 opt', 'opt'],
  h1b: ['h1b cap subject', 'h1b counted against the cap'],
  'h1b-cap-exempt': ['h1b cap exempt employer', 'h1b at a university', 'h1b resident'],
  'h1b-waiver-service': ['waiver service', 'conrad service', 'h1b waiver obligation'],
  'other-us': ['other', 'o1', 'tn', 'h4'],
});

export const TRAINING_STATUS_ALIASES = lookup<TrainingStatus>(TRAINING_STATUSES, {
  completed: ['done', 'finished', 'attending', 'board eligible', 'board certified'],
  'in-training': ['resident', 'fellow', 'residency', 'fellowship', 'in residency'],
  'needs-residency': ['not matched', 'unmatched', 'needs match', 'applying to the match'],
});

export const LICENCE_STATUS_ALIASES = lookup<LicenceStatus>(LICENCE_STATUSES, {
  'not-applied': ['none', 'no', 'not applied', 'not yet', 'to apply', 'no licence', 'no license', 'unlicensed'],
  applied: [
    'application submitted',
    'submitted',
    'pending',
    'in review',
    'under review',
    'in progress',
    'processing',
    'licence applied',
    'license applied',
    'licence pending',
    'license pending',
    'applied for',
  ],
  licensed: ['licenced', 'granted', 'issued', 'active', 'full licence', 'full license', 'licence granted', 'license granted', 'yes'],
});

export const PROFESSION_ALIASES = lookup<Profession>(['physician', 'mls'], {
  physician: ['doctor', 'md', 'do', 'img'],
  mls: [
    'medical laboratory scientist',
    'medical lab scientist',
    'lab scientist',
    'medical technologist',
    'clinical laboratory scientist',
    'cls',
    'mt',
  ],
});

/** Specialty ids, labels and aliases (src/model/specialties.ts), one table per profession. */
function specialtyAliases(profession: Profession): AliasTable<string> {
  return new AliasTable(
    specialtiesOf(profession).flatMap((s) => [s.id, s.label, ...(s.aliases ?? [])].map((text) => [text, s.id] as const)),
  );
}

export const SPECIALTY_ALIASES: Readonly<Record<Profession, AliasTable<string>>> = {
  physician: specialtyAliases('physician'),
  mls: specialtyAliases('mls'),
};

export const BOOLEAN_ALIASES = new AliasTable<boolean | null>([
  ...['yes', 'y', 'true', '1', 'certified', 'passed'].map((text) => [text, true] as const),
  ...['no', 'n', 'false', '0', 'not certified', 'pending'].map((text) => [text, false] as const),
  ...['', 'unknown', 'n/a'].map((text) => [text, null] as const),
]);
