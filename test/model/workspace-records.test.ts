// The workspace saved record by record, and import plans and their undo, as property tests: any
// edit saved as its changed records reads back as the edit; an import undone gives back the workspace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRecords,
  diffWorkspaces,
  documentFromRecords,
  emptyWorkspace,
  importUndo,
  planImport,
  sameValue,
  undoImport,
  withFreeId,
  workspaceRecords,
  type Orders,
  type RecordChange,
  type Workspace,
} from '../../src/model/workspace';

type Item = { id: string; n: number };
const item = (id: string, n: number): Item => ({ id, n });

/** A workspace whose lists hold small records (the record functions look only at ids and values). */
function workspaceOf(targets: Item[], candidates: Item[], assumptions: Record<string, number> = {}): Workspace {
  return { ...emptyWorkspace(new Date('2026-11-23T00:00:00Z')), targets, candidates, assumptions } as unknown as Workspace;
}

const ids = (prefix: string) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 15 }).map((ns) => ns.map((n) => `${prefix}-${n}`));
const list = (prefix: string) => ids(prefix).chain((names) => fc.tuple(...names.map((id) => fc.nat(3).map((n) => item(id, n)))));
const assumptions = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(2));
const workspace = fc.tuple(list('target'), list('c'), assumptions).map(([t, c, a]) => workspaceOf(t, c, a));

/** An edit as the app makes one: keep, change, drop, insert and move records. */
const edited = (ws: Workspace) =>
  fc
    .tuple(
      fc.array(fc.constantFrom('keep', 'keep', 'change', 'drop'), { minLength: 40, maxLength: 40 }),
      fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 41, max: 60 })), { maxLength: 5 }),
      fc.boolean(),
      assumptions,
    )
    .map(([fate, inserts, reverse, newAssumptions]) => {
      const edit = (items: readonly { id: string }[], prefix: string) => {
        const out: unknown[] = [];
        (items as Item[]).forEach((x, i) => {
          if (fate[i % 40] === 'keep') out.push(x);
          else if (fate[i % 40] === 'change') out.push({ ...x, n: x.n + 10 });
        });
        for (const [at, n] of inserts) {
          const id = `${prefix}-${n}`;
          if (!out.some((x) => (x as Item).id === id)) out.splice(at % (out.length + 1), 0, item(id, n));
        }
        return reverse ? out.reverse() : out;
      };
      return { ...ws, targets: edit(ws.targets, 'target'), candidates: edit(ws.candidates, 'c'), assumptions: newAssumptions } as Workspace;
    });

/** What the store holds once records are put and deleted. */
function savedRecords(ws: Workspace): Map<string, RecordChange> {
  return new Map(workspaceRecords(ws).map((r) => [r.key, r]));
}
function save(store: Map<string, RecordChange>, changes: readonly RecordChange[]): void {
  for (const change of changes) {
    if (change.value === undefined) store.delete(change.key);
    else store.set(change.key, change);
  }
}
const ordersOf = (store: Map<string, RecordChange>): Orders => new Map([...store].map(([key, r]) => [key, r.order]));
const readBack = (store: Map<string, RecordChange>) => documentFromRecords([...store.values()], { schemaVersion: 3, savedAt: 'x' });
const lists = (ws: Workspace) => ({ targets: ws.targets, candidates: ws.candidates, assumptions: ws.assumptions });

describe('saving record by record', () => {
  it('any edit, saved as the records it changed, reads back as the edited workspace, in order', () => {
    fc.assert(
      fc.property(
        workspace.chain((before) => fc.tuple(fc.constant(before), edited(before))),
        ([before, after]) => {
          const store = savedRecords(before);
          const changes = diffWorkspaces(before, after, ordersOf(store));
          save(store, changes);
          expect(lists(readBack(store) as unknown as Workspace)).toEqual(lists(after));
          // A list left as it was (the same objects in the same places) writes nothing.
          if (after.targets.length === before.targets.length && after.targets.every((t, i) => t === before.targets[i])) {
            expect(changes.filter((c) => c.kind === 'target')).toEqual([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a record read back with its keys in another order is the same record: nothing to write', () => {
    const before = workspaceOf([item('target-1', 1)], []);
    const after = { ...before, targets: [{ n: 1, id: 'target-1' }] } as unknown as Workspace;
    expect(diffWorkspaces(before, after, ordersOf(savedRecords(before)))).toEqual([]);
    expect(sameValue({ a: 1, b: { c: 2, d: [1, { e: 3, f: 4 }] } }, { b: { d: [1, { f: 4, e: 3 }], c: 2 }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
  });

  it('a change to one record writes that record only', () => {
    const before = workspaceOf([item('target-1', 1), item('target-2', 2), item('target-3', 3)], [item('c-1', 1)]);
    const after = { ...before, targets: before.targets.map((t) => (t.id === 'target-2' ? { ...t, hires: 9 } : t)) };
    const changes = diffWorkspaces(before, after, ordersOf(savedRecords(before)));
    expect(changes.map((c) => c.key)).toEqual(['target/target-2']);
  });

  it('records saved by another tab, applied to this tab’s copy, give the workspace that tab saved', () => {
    fc.assert(
      fc.property(
        workspace.chain((before) => fc.tuple(fc.constant(before), edited(before))),
        ([before, after]) => {
          const orders = ordersOf(savedRecords(before));
          const changes = diffWorkspaces(before, after, orders);
          const heard = applyRecords(before, changes, new Map(orders));
          expect(lists(heard)).toEqual(lists(after));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a record two tabs created under one made-up id takes the next free one; ids a person gave are never renamed', () => {
    const [target] = workspaceRecords(workspaceOf([item('target-3', 1)], []));
    expect(withFreeId(target, ['target-1', 'target-2', 'target-3'])).toMatchObject({
      key: 'target/target-4',
      id: 'target-4',
      value: { id: 'target-4', n: 1 },
    });
    const [candidate] = workspaceRecords(workspaceOf([], [item('c-3', 1)]));
    expect(withFreeId(candidate, ['c-3'])).toBeUndefined();
  });
});

describe('workspace import: plan and undo', () => {
  it('says what it adds, replaces and removes, as counted from the two sets of ids', () => {
    fc.assert(
      fc.property(workspace, workspace, (current, incoming) => {
        const plan = planImport(current, incoming);
        const mine = new Map(current.targets.map((t) => [t.id, JSON.stringify(t)]));
        const theirs = new Map(incoming.targets.map((t) => [t.id, JSON.stringify(t)]));
        const ids = (part: { kind: string; ids: string[] }[]) => part.find((p) => p.kind === 'target')?.ids ?? [];
        expect(ids(plan.added).sort()).toEqual([...theirs.keys()].filter((id) => !mine.has(id)).sort());
        expect(ids(plan.removed).sort()).toEqual([...mine.keys()].filter((id) => !theirs.has(id)).sort());
        expect(ids(plan.replaced).sort()).toEqual(
          [...theirs.keys()].filter((id) => mine.has(id) && mine.get(id) !== theirs.get(id)).sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('an import undone gives back the workspace as it was, in order', () => {
    fc.assert(
      fc.property(workspace, workspace, (current, incoming) => {
        const store = savedRecords(current);
        const undo = importUndo(current, incoming, ordersOf(store), 'f.json', '2026-11-23T00:00:00Z');
        save(store, diffWorkspaces(current, incoming, ordersOf(store)));
        const { workspace: restored, kept } = undoImport(incoming, undo, ordersOf(store));
        expect(kept).toEqual([]);
        expect(lists(restored)).toEqual(lists(current));
        // And saved as the records the undo changed, it reads back the same.
        save(store, diffWorkspaces(incoming, restored, ordersOf(store)));
        expect(lists(readBack(store) as unknown as Workspace)).toEqual(lists(current));
      }),
      { numRuns: 300 },
    );
  });

  it('an undo keeps a record changed after the import, and names it', () => {
    const current = workspaceOf([item('target-1', 1), item('target-2', 2)], []);
    const incoming = workspaceOf([item('target-1', 5)], []);
    const orders = ordersOf(savedRecords(current));
    const undo = importUndo(current, incoming, orders, 'f.json', '2026-11-23T00:00:00Z');
    const later = { ...incoming, targets: [item('target-1', 8)] } as unknown as Workspace;
    const { workspace: restored, kept } = undoImport(later, undo, orders);
    expect(kept).toEqual(['target target-1']);
    expect(restored.targets).toEqual([item('target-1', 8), item('target-2', 2)]);
  });
});

describe('workspace import: how the plan names what it adds', () => {
  it('names a county target by the county’s name where the caller has it, and a diversity target by its measure', () => {
    const target = {
      id: 'target-1',
      profession: 'physician',
      specialty: 'pediatrics',
      region: { kind: 'county', fips: '06107' },
      hires: 2,
      dueQuarter: '2027-Q4',
      priority: 'high',
      owner: '',
      note: '',
    };
    const diversity = { id: 'diversity-1', targetId: null, measure: { kind: 'img-share', minShare: 0.5 }, note: '' };
    const incoming = {
      ...emptyWorkspace(new Date('2026-11-23T00:00:00Z')),
      targets: [target],
      diversityTargets: [diversity],
    } as unknown as Workspace;
    const current = emptyWorkspace(new Date('2026-11-23T00:00:00Z'));
    const names = (plan: ReturnType<typeof planImport>) => plan.added.flatMap((p) => p.names);
    expect(names(planImport(current, incoming, (fips) => (fips === '06107' ? 'Tulare County, CA' : undefined)))).toEqual([
      'pediatrics in Tulare County, CA, 2 by 2027-Q4',
      'at least 50% IMGs',
    ]);
    // Without the names (the engine not started yet), the code, never nothing.
    expect(names(planImport(current, incoming))[0]).toBe('pediatrics in county 06107, 2 by 2027-Q4');
  });

  it('names a target’s service area by its name, from the file or else from the workspace', () => {
    const ofArea = (areaId: string) => ({ ...makeTarget(areaId), id: `target-${areaId}` });
    const makeTarget = (areaId: string) => ({
      profession: 'physician',
      specialty: 'primary care',
      region: { kind: 'service-area', id: areaId },
      hires: 9,
      dueQuarter: '2028-Q4',
      priority: 'medium',
      owner: '',
      note: '',
    });
    const current = {
      ...emptyWorkspace(new Date('2026-11-23T00:00:00Z')),
      serviceAreas: [{ id: 'area-1', name: 'Kern', counties: [], states: ['CA'] }],
    };
    const incoming = {
      ...current,
      serviceAreas: [...current.serviceAreas, { id: 'sample-area-1', name: 'San Joaquin Valley (sample)', counties: [], states: ['CA'] }],
      targets: [ofArea('sample-area-1'), ofArea('area-1')],
    } as unknown as Workspace;
    expect(planImport(current as Workspace, incoming).added.find((p) => p.kind === 'target')?.names).toEqual([
      'primary care in service area “San Joaquin Valley (sample)”, 9 by 2028-Q4',
      'primary care in service area “Kern”, 9 by 2028-Q4',
    ]);
  });
});
