import { describe, expect, it } from 'vitest';
import type { DiversityTarget, Target } from '../../src/model/types';
import {
  addQuarters,
  addTarget,
  deleteTarget,
  duplicateTarget,
  filterTargets,
  nextId,
  nextQuarters,
  quarterEnd,
  quarterOf,
  quarterStart,
  sortTargets,
  undoDeleteTarget,
  updateTarget,
  changedFields,
  differingFields,
  type TargetDraft,
} from '../../src/model/targets';

const draft = (overrides: Partial<TargetDraft> = {}): TargetDraft => ({
  profession: 'physician',
  specialty: 'psychiatry',
  region: { kind: 'service-area', id: 'sa-1' },
  hires: 3,
  dueQuarter: '2027-Q4',
  priority: 'medium',
  owner: 'CMO',
  note: '',
  ...overrides,
});

const target = (id: string, overrides: Partial<TargetDraft> = {}): Target => ({ ...draft(overrides), id });

describe('quarters', () => {
  it('quarter ends and starts', () => {
    expect(quarterEnd('2027-Q4')).toBe('2027-12-31');
    expect(quarterEnd('2027-Q1')).toBe('2027-03-31');
    expect(quarterEnd('2028-Q2')).toBe('2028-06-30');
    expect(quarterEnd('2026-Q3')).toBe('2026-09-30');
    expect(quarterStart('2027-Q4')).toBe('2027-10-01');
  });

  it('refuses labels that are not quarters', () => {
    for (const label of ['2027-Q5', '2027Q4', '27-Q4', '']) expect(() => quarterEnd(label)).toThrow(RangeError);
  });

  it('the quarter of a date, and arithmetic across years', () => {
    expect(quarterOf('2026-11-23')).toBe('2026-Q4');
    expect(quarterOf('2027-01-01')).toBe('2027-Q1');
    expect(quarterOf('2027-06-30')).toBe('2027-Q2');
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2027-Q1', -1)).toBe('2026-Q4');
    expect(addQuarters('2026-Q2', 7)).toBe('2028-Q1');
  });

  it('the next N quarters start after the current one unless asked', () => {
    expect(nextQuarters('2026-11-23', 3)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect(nextQuarters('2026-11-23', 2, { includeCurrent: true })).toEqual(['2026-Q4', '2027-Q1']);
    expect(nextQuarters('2026-11-23', 0)).toEqual([]);
  });
});

describe('target CRUD', () => {
  it('nextId goes one past the highest number with that prefix', () => {
    expect(nextId('target', [])).toBe('target-1');
    expect(nextId('target', ['target-2', 'target-10', 'other-99', 'target-x'])).toBe('target-11');
  });

  it('add gives a fresh id and does not mutate the input', () => {
    const before = [target('target-1')];
    const { targets, target: added } = addTarget(before, draft({ hires: 7 }));
    expect(added).toEqual({ ...draft({ hires: 7 }), id: 'target-2' });
    expect(targets).toEqual([before[0], added]);
    expect(before).toHaveLength(1);
  });

  it('update changes only the named target and cannot change its id', () => {
    const before = [target('target-1'), target('target-2')];
    const after = updateTarget(before, before[1], { hires: 9, priority: 'high' });
    expect(after[1]).toEqual({ ...before[1], hires: 9, priority: 'high' });
    expect(after[0]).toBe(before[0]);
    expect(before[1].hires).toBe(3);
    const sneaky = updateTarget(before, before[0], { id: 'x' } as Partial<TargetDraft>);
    expect(sneaky[0].id).toBe('target-1');
  });

  it('update of a target deleted meanwhile (another tab) brings it back with the changes, at the end', () => {
    const edited = target('target-1', { hires: 2 });
    const others = [target('target-2'), target('target-3')];
    expect(updateTarget(others, edited, { hires: 5 })).toEqual([...others, { ...edited, hires: 5 }]);
  });

  it('duplicate inserts a copy with a new id right after the original', () => {
    const before = [target('target-1'), target('target-2', { hires: 5 }), target('target-3')];
    const result = duplicateTarget(before, 'target-2');
    expect(result?.target).toEqual({ ...before[1], id: 'target-4' });
    expect(result?.targets.map((t) => t.id)).toEqual(['target-1', 'target-2', 'target-4', 'target-3']);
    expect(duplicateTarget(before, 'nope')).toBe(undefined);
  });

  it('delete removes the target and its diversity targets; undo restores both in place', () => {
    const diversity = (id: string, targetId: string | null): DiversityTarget => ({
      id,
      targetId,
      measure: { kind: 'img-share', minShare: 0.3 },
      note: '',
    });
    const lists = {
      targets: [target('target-1'), target('target-2'), target('target-3')],
      diversityTargets: [diversity('d-1', 'target-2'), diversity('d-2', null), diversity('d-3', 'target-2'), diversity('d-4', 'target-1')],
    };
    const deleted = deleteTarget(lists, 'target-2');
    expect(deleted).toBeDefined();
    if (!deleted) return;
    expect(deleted.lists.targets.map((t) => t.id)).toEqual(['target-1', 'target-3']);
    expect(deleted.lists.diversityTargets.map((d) => d.id)).toEqual(['d-2', 'd-4']);
    expect(lists.targets).toHaveLength(3);
    expect(undoDeleteTarget(deleted.lists, deleted.undo)).toEqual(lists);
    expect(deleteTarget(lists, 'nope')).toBe(undefined);
  });

  it('undo after a new target took the id brings the deleted one back under a free id, its diversity targets with it', () => {
    const lists = {
      targets: [target('target-1'), target('target-2', { owner: 'Bob' })],
      diversityTargets: [{ id: 'd-1', targetId: 'target-2', measure: { kind: 'img-share', minShare: 0.3 }, note: '' } as DiversityTarget],
    };
    const deleted = deleteTarget(lists, 'target-2')!;
    const readded = addTarget(deleted.lists.targets, draft({ owner: 'Carol' }));
    expect(readded.target.id).toBe('target-2');
    const undone = undoDeleteTarget({ ...deleted.lists, targets: readded.targets }, deleted.undo);
    expect(undone.targets.map((t) => [t.id, t.owner])).toEqual([
      ['target-1', 'CMO'],
      ['target-3', 'Bob'],
      ['target-2', 'Carol'],
    ]);
    expect(new Set(undone.targets.map((t) => t.id)).size).toBe(3);
    expect(undone.diversityTargets).toEqual([{ ...lists.diversityTargets[0], targetId: 'target-3' }]);
  });

  it('an edit applies only the fields the form changed: another tab’s change to the others stays', () => {
    const opened = target('target-1', { hires: 5, owner: 'Alice' });
    // Tab A saved 10 hires meanwhile; tab B's form, opened before, changed only the owner.
    const saved = [{ ...opened, hires: 10 }];
    const changes = changedFields(opened, { ...opened, owner: 'Bob' });
    expect(changes).toEqual({ owner: 'Bob' });
    expect(updateTarget(saved, opened, changes)).toEqual([{ ...opened, hires: 10, owner: 'Bob' }]);
    expect(differingFields(opened, saved[0])).toEqual(['hires']);
    // A region is compared by what it is, not by which object holds it.
    expect(changedFields(opened, { ...opened, region: { ...opened.region } })).toEqual({});
  });
});

describe('sorting and filtering targets', () => {
  const targets = [
    target('target-1', { priority: 'low', hires: 5, dueQuarter: '2027-Q4', specialty: 'psychiatry', owner: 'Bea' }),
    target('target-2', { priority: 'high', hires: 2, dueQuarter: '2027-Q2', specialty: 'primary care', owner: 'Al' }),
    target('target-3', {
      priority: 'medium',
      hires: 9,
      dueQuarter: '2026-Q4',
      profession: 'mls',
      specialty: 'medical laboratory',
      note: 'Night shift',
    }),
    target('target-4', { priority: 'high', hires: 2, dueQuarter: '2026-Q4', region: { kind: 'state', state: 'CA' } }),
  ];
  const ids = (list: Target[]) => list.map((t) => t.id);

  it('sorts by priority with high first, ties by due quarter then id', () => {
    expect(ids(sortTargets(targets, { by: 'priority' }))).toEqual(['target-4', 'target-2', 'target-3', 'target-1']);
    expect(ids(sortTargets(targets, { by: 'priority', direction: 'desc' }))).toEqual(['target-1', 'target-3', 'target-4', 'target-2']);
  });

  it('sorts by hires, due quarter and text fields without mutating', () => {
    expect(ids(sortTargets(targets, { by: 'hires' }))).toEqual(['target-4', 'target-2', 'target-1', 'target-3']);
    expect(ids(sortTargets(targets, { by: 'dueQuarter', direction: 'desc' }))).toEqual(['target-1', 'target-2', 'target-3', 'target-4']);
    expect(ids(sortTargets(targets, { by: 'specialty' }))[0]).toBe('target-3');
    expect(ids(targets)).toEqual(['target-1', 'target-2', 'target-3', 'target-4']);
  });

  it('filters by each criterion and by free text', () => {
    expect(ids(filterTargets(targets, { profession: 'mls' }))).toEqual(['target-3']);
    expect(ids(filterTargets(targets, { priorities: ['high'] }))).toEqual(['target-2', 'target-4']);
    expect(ids(filterTargets(targets, { dueFrom: '2027-Q1', dueTo: '2027-Q2' }))).toEqual(['target-2']);
    expect(ids(filterTargets(targets, { specialties: ['psychiatry'] }))).toEqual(['target-1', 'target-4']);
    expect(ids(filterTargets(targets, { serviceAreaId: 'sa-1' }))).toEqual(['target-1', 'target-2', 'target-3']);
    expect(ids(filterTargets(targets, { text: ' night ' }))).toEqual(['target-3']);
    expect(ids(filterTargets(targets, { text: 'bea' }))).toEqual(['target-1']);
    expect(filterTargets(targets, {})).toEqual(targets);
  });

  it('finds targets by the labels a screen shows for them', () => {
    const shownAs = (t: Target) => [t.region.kind === 'service-area' ? 'Service area: Central Valley' : 'Elsewhere'];
    expect(ids(filterTargets(targets, { text: 'central valley', shownAs }))).toEqual(['target-1', 'target-2', 'target-3']);
    expect(ids(filterTargets(targets, { text: 'central valley' }))).toEqual([]);
    expect(ids(filterTargets(targets, { text: 'MLS' }))).toEqual(['target-3']); // the stored profession
  });
});
