// Friendly spellings people type into a pipeline spreadsheet, mapped to the app's codes.
// Matching ignores case, spaces and punctuation, so "H-1B cap-exempt" finds h1b-cap-exempt.

import { SPECIALTIES, STAGES, VISA_ROUTES, type Profession, type Stage, type VisaRoute } from '../types';
import { MLS_SPECIALTY } from '../workspace/fields';

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
  'j1-federal-waiver': ['federal waiver', 'j1 hhs waiver', 'hhs waiver', 'arc waiver', 'dra waiver', 'va waiver'],
  o1: ['o1a'],
  tn: ['tn visa', 'usmca'],
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

export const PHYSICIAN_SPECIALTY_ALIASES = lookup<string>(SPECIALTIES, {
  'primary care': ['family medicine', 'family practice', 'general practice'],
  'internal medicine': ['im'],
  pediatrics: ['paediatrics', 'peds'],
  'ob/gyn': ['obstetrics and gynecology', 'obstetrics and gynaecology', 'obstetrics'],
  psychiatry: ['psychiatrist'],
  'emergency medicine': ['emergency', 'em'],
  'general surgery': ['surgery'],
  anesthesiology: ['anaesthesiology', 'anesthesia', 'anaesthesia'],
});

export const MLS_SPECIALTY_ALIASES = lookup<string>([MLS_SPECIALTY], {
  [MLS_SPECIALTY]: ['mls', 'lab', 'laboratory', 'medical laboratory science', 'clinical laboratory'],
});

export const BOOLEAN_ALIASES = new AliasTable<boolean | null>([
  ...['yes', 'y', 'true', '1', 'certified', 'passed'].map((text) => [text, true] as const),
  ...['no', 'n', 'false', '0', 'not certified', 'pending'].map((text) => [text, false] as const),
  ...['', 'unknown', 'n/a'].map((text) => [text, null] as const),
]);
