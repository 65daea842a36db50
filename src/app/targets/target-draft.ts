// The target form's workflow without the form: a region picked from one list (service areas, a
// site, a county, Census and HHS regions, states) and checked before it becomes part of a target.
import { differingFields, nextQuarters, type FormField, type TargetDraft } from '../../model/targets';
import type { IsoDate, RegionRef, ServiceArea, Target } from '../../model/types';
import { findCounty, type CountyNames } from '../common/county-names';

/** The region list's value for a region: "sa:area-1", "st:CA", "cr:West", "hhs:9", "county", "site". */
export function regionChoice(r: RegionRef): string {
  switch (r.kind) {
    case 'service-area':
      return `sa:${r.id}`;
    case 'state':
      return `st:${r.state}`;
    case 'census-region':
      return `cr:${r.name}`;
    case 'hhs-region':
      return `hhs:${r.number}`;
    case 'county':
      return 'county';
    case 'site':
      return 'site';
  }
}

/** What the form holds for a county or a site: the county as typed ("Kern County, CA"). */
export interface PlaceFields {
  county: string;
  siteName: string;
  siteState: string;
}

const countyText = (fips: string, names: CountyNames) => (fips ? (names.get(fips)?.label ?? fips) : '');

export const placeFields = (r: RegionRef, names: CountyNames): PlaceFields => ({
  county: countyText(r.kind === 'county' ? r.fips : r.kind === 'site' ? r.countyFips : '', names),
  siteName: r.kind === 'site' ? r.name : '',
  siteState: r.kind === 'site' ? r.state : 'CA',
});

/** What a county field says when its text names no single county. */
export const countyProblem = (text: string) =>
  `No single county matches “${text.trim()}”: choose one from the list as you type, e.g. “Kern County, CA”.`;

/** The region chosen, or what to fix (a sentence naming the field). Counties are found by name (or FIPS code). */
export function regionFromChoice(choice: string, p: PlaceFields, names: CountyNames): RegionRef | string {
  if (choice.startsWith('sa:')) return { kind: 'service-area', id: choice.slice(3) };
  if (choice.startsWith('st:')) return { kind: 'state', state: choice.slice(3) };
  if (choice.startsWith('cr:')) return { kind: 'census-region', name: choice.slice(3) };
  if (choice.startsWith('hhs:')) return { kind: 'hhs-region', number: Number(choice.slice(4)) };
  const county = p.county.trim() ? findCounty(p.county, names) : undefined;
  if (choice === 'county') return county ? { kind: 'county', fips: county.fips } : `County: ${countyProblem(p.county)}`;
  if (!p.siteName.trim()) return 'Site: enter the site’s name.';
  if (p.county.trim() && !county) return `Site county: ${countyProblem(p.county)} Or leave it empty.`;
  return { kind: 'site', name: p.siteName.trim(), state: county?.state ?? p.siteState, countyFips: county?.fips ?? '' };
}

/** The draft to save, or what to fix. */
export function checkedDraft(d: TargetDraft, choice: string, p: PlaceFields, names: CountyNames): TargetDraft | string {
  const region = regionFromChoice(choice, p, names);
  if (typeof region === 'string') return region;
  if (!Number.isInteger(d.hires) || d.hires < 1 || d.hires > 10000) return 'Hires: a whole number from 1 to 10,000.';
  return { ...d, region, owner: d.owner.trim(), note: d.note.trim() };
}

/** A new target's fields: one physician, due at the end of the fourth quarter after today's. */
export function emptyDraft(areas: readonly ServiceArea[], today: IsoDate): TargetDraft {
  return {
    profession: 'physician',
    specialty: 'primary care',
    region: areas[0] ? { kind: 'service-area', id: areas[0].id } : { kind: 'state', state: 'CA' },
    hires: 1,
    dueQuarter: nextQuarters(today, 4)[3],
    priority: 'medium',
    owner: '',
    note: '',
  };
}

const FIELD_NAMES: Readonly<Record<FormField, string>> = {
  profession: 'profession',
  specialty: 'specialty',
  region: 'region',
  hires: 'hires',
  dueQuarter: 'due quarter',
  priority: 'priority',
  owner: 'owner',
  note: 'note',
};
/** "hires", "hires and priority", "hires, owner and priority". */
const names = (fields: readonly FormField[]) => {
  const words = fields.map((f) => FIELD_NAMES[f]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words.join('');
};

/**
 * What a save did to a target another tab had changed while the form was open (`edited`: the
 * target as the form opened it; `current`: as saved now; `changes`: what the form changed): the
 * other tab's changes to other fields are kept, a field both changed takes this form's value.
 * Null when the other tab had changed nothing, or only what this form changed the same way.
 */
export function mergeNotice(edited: Target, current: Target, changes: Partial<TargetDraft>): string | null {
  const mine = new Set(Object.keys(changes));
  const elsewhere = differingFields(edited, current);
  const kept = elsewhere.filter((f) => !mine.has(f));
  const replaced = elsewhere.filter((f) => mine.has(f) && JSON.stringify(changes[f]) !== JSON.stringify(current[f]));
  if (!kept.length && !replaced.length) return null;
  return [
    'Another tab changed this target while you edited it.',
    kept.length ? `Its ${kept.length > 1 ? 'changes' : 'change'} to the ${names(kept)} ${kept.length > 1 ? 'are' : 'is'} kept.` : '',
    replaced.length ? `You both changed the ${names(replaced)}: your value replaced the other tab’s.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
