// Target list edits as pure functions: each returns new arrays and never mutates its inputs.

import type { DiversityTarget, Target, TargetOffer } from '../types';
import { nextId } from './ids';

export type TargetDraft = Omit<Target, 'id'>;

/** Targets and the diversity targets attached to them, which must change together. */
export interface TargetLists {
  targets: Target[];
  diversityTargets: DiversityTarget[];
}

/** What a delete removed, with positions, so it can be put back exactly. */
export interface DeletedTarget {
  target: Target;
  index: number;
  diversityTargets: { diversityTarget: DiversityTarget; index: number }[];
}

export const TARGET_ID_PREFIX = 'target';

export function addTarget(targets: readonly Target[], draft: TargetDraft): { targets: Target[]; target: Target } {
  const target: Target = {
    ...draft,
    id: nextId(
      TARGET_ID_PREFIX,
      targets.map((t) => t.id),
    ),
  };
  return { targets: [...targets, target], target };
}

/** The fields the target form edits. */
export const FORM_FIELDS = ['profession', 'specialty', 'region', 'hires', 'dueQuarter', 'priority', 'owner', 'note'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The form's fields whose values differ between two versions of a target. */
export function differingFields(a: TargetDraft, b: TargetDraft): FormField[] {
  return FORM_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/** What the form changed: the fields of `draft` that differ from `edited`, the target as the form opened it. */
export function changedFields(edited: Target, draft: TargetDraft): Partial<TargetDraft> {
  return Object.fromEntries(differingFields(edited, draft).map((f) => [f, draft[f]]));
}

/**
 * Applies `changes` to `edited`. A target deleted meanwhile (in another tab) comes back, changed, at
 * the end of the list: the person editing it had not seen the deletion, and their input is not lost.
 */
export function updateTarget(targets: readonly Target[], edited: Target, changes: Partial<TargetDraft>): Target[] {
  const id = edited.id;
  if (!targets.some((t) => t.id === id)) return [...targets, { ...edited, ...changes, id }];
  return targets.map((target) => (target.id === id ? { ...target, ...changes, id } : target));
}

/** A copy with a new id, placed right after the original; undefined when `id` is unknown. */
export function duplicateTarget(targets: readonly Target[], id: string): { targets: Target[]; target: Target } | undefined {
  const index = targets.findIndex((target) => target.id === id);
  if (index < 0) return undefined;
  const copy: Target = {
    ...targets[index],
    id: nextId(
      TARGET_ID_PREFIX,
      targets.map((t) => t.id),
    ),
  };
  return { targets: [...targets.slice(0, index + 1), copy, ...targets.slice(index + 1)], target: copy };
}

/** Removes the target and its diversity targets (they would otherwise point at nothing). */
export function deleteTarget(lists: TargetLists, id: string): { lists: TargetLists; undo: DeletedTarget } | undefined {
  const index = lists.targets.findIndex((target) => target.id === id);
  if (index < 0) return undefined;
  const attached = lists.diversityTargets
    .map((diversityTarget, position) => ({ diversityTarget, index: position }))
    .filter(({ diversityTarget }) => diversityTarget.targetId === id);
  return {
    lists: {
      targets: lists.targets.filter((target) => target.id !== id),
      diversityTargets: lists.diversityTargets.filter((d) => d.targetId !== id),
    },
    undo: { target: lists.targets[index], index, diversityTargets: attached },
  };
}

function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  const at = Math.min(index, items.length);
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/**
 * Puts a deleted target back where it was, with its diversity targets. If a new target has taken
 * its id meanwhile ("target-2" again), it comes back under the next free id, its diversity targets
 * pointing at that one.
 */
export function undoDeleteTarget(lists: TargetLists, undo: DeletedTarget): TargetLists {
  const taken = lists.targets.some((target) => target.id === undo.target.id);
  const id = taken
    ? nextId(
        TARGET_ID_PREFIX,
        lists.targets.map((t) => t.id),
      )
    : undo.target.id;
  // Ascending positions, so each insert lands where it was before the delete.
  const diversityTargets = undo.diversityTargets.reduce(
    (restored, { diversityTarget, index }) => insertAt(restored, index, { ...diversityTarget, targetId: id }),
    lists.diversityTargets,
  );
  return { targets: insertAt(lists.targets, undo.index, { ...undo.target, id }), diversityTargets };
}

/** The targets with the offer saved on one of them, or removed with null; the others unchanged. */
export function setTargetOffer(targets: readonly Target[], id: string, offer: TargetOffer | null): Target[] {
  return targets.map((t) => {
    if (t.id !== id) return t;
    const rest: Target = { ...t };
    delete rest.offer;
    return offer ? { ...rest, offer } : rest;
  });
}
