// How the app names things, on screen and in the report: one definition each.
import { specialtyLabel } from '../model/specialties';
import type { Profession, RegionRef, ServiceArea, Target } from '../model/types';
import { stateByCode } from '../model/workspace';

export const PROFESSION_LABELS: Record<Profession, string> = { physician: 'Physician', mls: 'Lab scientist' };

export const professionLabel = (target: Pick<Target, 'profession'>): string => PROFESSION_LABELS[target.profession];

export function regionLabel(region: RegionRef, areas: readonly ServiceArea[]): string {
  switch (region.kind) {
    case 'service-area':
      return `Service area: ${areas.find((a) => a.id === region.id)?.name ?? '(deleted)'}`;
    case 'state':
      return stateByCode(region.state)?.name ?? region.state;
    case 'county':
      return `County ${region.fips}`;
    case 'census-region':
      return `Census region: ${region.name}`;
    case 'hhs-region':
      return `HHS Region ${region.number}`;
    case 'site':
      return `${region.name} (${region.state})`;
  }
}

/** "Family medicine — California": what a target is for and where. */
export function targetLabel(target: Pick<Target, 'specialty' | 'region'>, areas: readonly ServiceArea[]): string {
  return `${specialtyLabel(target.specialty)} — ${regionLabel(target.region, areas)}`;
}

/** The label of a target by id; the id itself when the target is gone (a forecast outlived it). */
export function targetLabelById(id: string, targets: readonly Target[], areas: readonly ServiceArea[]): string {
  const target = targets.find((t) => t.id === id);
  return target ? targetLabel(target, areas) : id;
}
