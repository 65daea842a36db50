// How the app names things, on screen and in the report: one definition each.
import { specialtyLabel } from '../../model/specialties';
import type { Profession, RegionRef, ServiceArea, Target } from '../../model/types';
import { stateByCode } from '../../model/workspace';
import { countyLabel, type CountyNames } from './county-names';

const NO_NAMES: CountyNames = new Map();

export const PROFESSION_LABELS: Record<Profession, string> = { physician: 'Physician', mls: 'Lab scientist' };

export const professionLabel = (target: Pick<Target, 'profession'>): string => PROFESSION_LABELS[target.profession];

/** `names`: county names for county and site regions ("Kern County, CA"); without them the code is shown. */
export function regionLabel(region: RegionRef, areas: readonly ServiceArea[], names: CountyNames = NO_NAMES): string {
  switch (region.kind) {
    case 'service-area':
      return `Service area: ${areas.find((a) => a.id === region.id)?.name ?? '(deleted)'}`;
    case 'state':
      return stateByCode(region.state)?.name ?? region.state;
    case 'county':
      return countyLabel(region.fips, names);
    case 'census-region':
      return `Census region: ${region.name}`;
    case 'hhs-region':
      return `HHS Region ${region.number}`;
    case 'site':
      return `${region.name} (${region.countyFips ? countyLabel(region.countyFips, names) : region.state})`;
  }
}

/** "Family medicine — California": what a target is for and where. */
export function targetLabel(target: Pick<Target, 'specialty' | 'region'>, areas: readonly ServiceArea[], names?: CountyNames): string {
  return `${specialtyLabel(target.specialty)} — ${regionLabel(target.region, areas, names)}`;
}

/** The label of a target by id; the id itself when the target is gone (a forecast outlived it). */
export function targetLabelById(id: string, targets: readonly Target[], areas: readonly ServiceArea[], names?: CountyNames): string {
  const target = targets.find((t) => t.id === id);
  return target ? targetLabel(target, areas, names) : id;
}

/** "Primary care — San Joaquin Valley": a target named where space is short (the report's first page). */
export function shortTargetLabel(target: Pick<Target, 'specialty' | 'region'>, areas: readonly ServiceArea[], names?: CountyNames): string {
  const what = specialtyLabel(target.specialty).replace(/\s*\([^)]*\)$/, '');
  const r = target.region;
  const where =
    r.kind === 'service-area' ? (areas.find((a) => a.id === r.id)?.name ?? '(deleted service area)') : regionLabel(r, areas, names);
  return `${what} — ${where}`;
}

/** The short label of a target by id; the id itself when the target is gone. */
export function shortTargetLabelById(id: string, targets: readonly Target[], areas: readonly ServiceArea[], names?: CountyNames): string {
  const target = targets.find((t) => t.id === id);
  return target ? shortTargetLabel(target, areas, names) : id;
}
