// The Market screen's view: which occupation or specialty, where. Pure data, kept in the URL so a
// link reopens the same view; the report prints the view in the URL.
import { SPECIALTY_GROUPS, SPECIALTY_LIST, specialtyInfo, specialtyLabel, specialtyMembers } from '../specialties';
import { OCCUPATION_GROUP_LABEL, type OccupationGroup } from './occupations';

/** A whole occupation group, a specialty group ("primary care") or one specialty id. */
export type MarketOccupation = string;

export type MarketRegion =
  | { kind: 'nation' }
  | { kind: 'state'; state: string }
  | { kind: 'census-region'; name: string }
  | { kind: 'hhs-region'; number: number }
  | { kind: 'service-area'; id: string };

export interface MarketView {
  occupation: MarketOccupation;
  region: MarketRegion;
}

export const DEFAULT_MARKET_VIEW: MarketView = { occupation: 'medical laboratory scientist', region: { kind: 'nation' } };

const GROUPS: readonly OccupationGroup[] = ['physician', 'lab'];
export const isOccupationGroup = (o: string): o is 'physician' | 'lab' => (GROUPS as readonly string[]).includes(o);

/** What a view's occupation selects: a whole group, or these specialty ids. */
export function occupationFilter(o: MarketOccupation): { group: 'physician' | 'lab' } | { specialties: readonly string[] } {
  return isOccupationGroup(o) ? { group: o } : { specialties: specialtyMembers(o) };
}

/** The occupation group the occupation belongs to (for counting residents and unmapped filings beside it). */
export function groupOf(o: MarketOccupation): 'physician' | 'lab' {
  if (isOccupationGroup(o)) return o;
  const first = specialtyInfo(specialtyMembers(o)[0]);
  return first?.profession === 'mls' ? 'lab' : 'physician';
}

export function occupationLabel(o: MarketOccupation): string {
  if (o === 'physician') return 'All physicians and surgeons';
  if (o === 'lab') return 'All lab technologists and technicians';
  return specialtyLabel(o);
}

export interface OccupationOption {
  value: MarketOccupation;
  label: string;
}

/** The choices, grouped as a select's optgroups: each group's total first, then its specialties. */
export function occupationOptions(): { label: string; options: OccupationOption[] }[] {
  const of = (profession: 'physician' | 'mls') => SPECIALTY_LIST.filter((s) => s.profession === profession);
  return [
    {
      label: OCCUPATION_GROUP_LABEL.physician,
      options: [
        { value: 'physician', label: occupationLabel('physician') },
        ...Object.entries(SPECIALTY_GROUPS)
          .filter(([, g]) => g.profession === 'physician')
          .map(([value, g]) => ({ value, label: g.label })),
        ...of('physician').map((s) => ({ value: s.id, label: s.label })),
      ],
    },
    {
      label: OCCUPATION_GROUP_LABEL.lab,
      options: [{ value: 'lab', label: occupationLabel('lab') }, ...of('mls').map((s) => ({ value: s.id, label: s.label }))],
    },
  ];
}

/** An occupation the screen can show: a listed option, or any specialty group (a target may name one). */
export const isKnownOccupation = (o: string) =>
  Object.hasOwn(SPECIALTY_GROUPS, o) || occupationOptions().some((g) => g.options.some((x) => x.value === o));

/** The region as written in the URL and in a select’s value ("state:TX", "census:South", "" for the nation). */
export function regionToParam(r: MarketRegion): string {
  switch (r.kind) {
    case 'nation':
      return '';
    case 'state':
      return `state:${r.state}`;
    case 'census-region':
      return `census:${r.name}`;
    case 'hhs-region':
      return `hhs:${r.number}`;
    case 'service-area':
      return `area:${r.id}`;
  }
}

/** Reads a region written by regionToParam; anything else is the whole nation. */
export function regionFromParam(text: string): MarketRegion {
  const [kind, value = ''] = text.split(/:(.*)/s, 2);
  if (kind === 'state' && /^[A-Z]{2}$/.test(value)) return { kind: 'state', state: value };
  if (kind === 'census' && /^(Northeast|Midwest|South|West)$/.test(value)) return { kind: 'census-region', name: value };
  if (kind === 'hhs' && /^([1-9]|10)$/.test(value)) return { kind: 'hhs-region', number: Number(value) };
  if (kind === 'area' && /^[\w-]{1,200}$/.test(value)) return { kind: 'service-area', id: value };
  return { kind: 'nation' };
}

export const MARKET_PARAMS = ['occupation', 'market'] as const;

/** The view's URL parameters (MARKET_PARAMS; defaults left out). */
export function marketViewToParams(v: MarketView): URLSearchParams {
  const p = new URLSearchParams();
  if (v.occupation !== DEFAULT_MARKET_VIEW.occupation) p.set('occupation', v.occupation);
  const region = regionToParam(v.region);
  if (region) p.set('market', region);
  return p;
}

export function marketViewFromParams(p: URLSearchParams): MarketView {
  const occupation = p.get('occupation') ?? '';
  return {
    occupation: isKnownOccupation(occupation) ? occupation : DEFAULT_MARKET_VIEW.occupation,
    region: regionFromParam(p.get('market') ?? ''),
  };
}
