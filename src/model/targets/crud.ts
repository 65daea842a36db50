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

/** Puts a deleted target back where it was. Throws if its id has been reused since. */
export function undoDeleteTarget(lists: TargetLists, undo: DeletedTarget): TargetLists {
  if (lists.targets.some((target) => target.id === undo.target.id)) {
    throw new Error(`cannot undo: a target with id "${undo.target.id}" exists again`);
  }
  // Ascending positions, so each insert lands where it was before the delete.
  const diversityTargets = undo.diversityTargets.reduce(
    (restored, { diversityTarget, index }) => insertAt(restored, index, diversityTarget),
    lists.diversityTargets,
  );
  return { targets: insertAt(lists.targets, undo.index, undo.target), diversityTargets };
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
