// Ordering and filtering the target table.

import type { Priority, Profession, Target } from '../types';

export type TargetSortField = 'dueQuarter' | 'hires' | 'priority' | 'profession' | 'specialty' | 'owner';

export interface TargetSort {
  by: TargetSortField;
  direction?: 'asc' | 'desc';
}

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

function compareBy(field: TargetSortField, a: Target, b: Target): number {
  switch (field) {
    case 'hires':
      return a.hires - b.hires;
    case 'priority':
      return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
    default:
      // Quarter labels sort chronologically as text.
      return a[field].localeCompare(b[field]);
  }
}

/** Sorted copy. Ascending priority puts "high" first. Ties fall back to due quarter, then id. */
export function sortTargets(targets: readonly Target[], sort: TargetSort): Target[] {
  const sign = sort.direction === 'desc' ? -1 : 1;
  return [...targets].sort((a, b) => sign * compareBy(sort.by, a, b) || compareBy('dueQuarter', a, b) || a.id.localeCompare(b.id));
}

export interface TargetFilter {
  profession?: Profession;
  specialties?: readonly string[];
  priorities?: readonly Priority[];
  /** Inclusive quarter bounds, e.g. "2027-Q1". */
  dueFrom?: string;
  dueTo?: string;
  /** Targets whose region is this service area. */
  serviceAreaId?: string;
  /** Case-insensitive match on specialty, owner, note, priority, or any of `shownAs`. */
  text?: string;
  /** The target's texts as a screen shows them (labels of its specialty, profession, region), searched by `text` too. */
  shownAs?: (target: Target) => string[];
}

export function filterTargets(targets: readonly Target[], filter: TargetFilter): Target[] {
  const text = filter.text?.trim().toLowerCase() ?? '';
  return targets.filter(
    (target) =>
      (!filter.profession || target.profession === filter.profession) &&
      (!filter.specialties || filter.specialties.includes(target.specialty)) &&
      (!filter.priorities || filter.priorities.includes(target.priority)) &&
      (!filter.dueFrom || target.dueQuarter >= filter.dueFrom) &&
      (!filter.dueTo || target.dueQuarter <= filter.dueTo) &&
      (!filter.serviceAreaId || (target.region.kind === 'service-area' && target.region.id === filter.serviceAreaId)) &&
      (text === '' ||
        [target.specialty, target.profession, target.owner, target.note, target.priority, ...(filter.shownAs?.(target) ?? [])].some(
          (field) => field.toLowerCase().includes(text),
        )),
  );
}
