// The workspace as separate records, one per thing a user edits: a service area, a target, a
// diversity target, a candidate, one assumption, one piece of view state. Each is saved on its
// own, so two tabs that change different things never overwrite each other (src/storage).

import { nextId } from '../targets/ids';
import { describeMeasure } from '../targets/diversity-text';
import type { DiversityMeasure } from '../types';
import type { Workspace } from './workspace';

export type RecordKind = 'serviceArea' | 'target' | 'diversityTarget' | 'candidate' | 'assumption' | 'view';

/** The workspace's lists, in the order the app shows them. */
export const LIST_KINDS = ['serviceArea', 'target', 'diversityTarget', 'candidate'] as const;
type ListKind = (typeof LIST_KINDS)[number];
const MAP_KINDS = ['assumption', 'view'] as const;
type MapKind = (typeof MAP_KINDS)[number];

const LIST_FIELD = {
  serviceArea: 'serviceAreas',
  target: 'targets',
  diversityTarget: 'diversityTargets',
  candidate: 'candidates',
} as const satisfies Record<ListKind, keyof Workspace>;

/** Where a record sits in its list: lists are sorted by it (fractions let one be put between two). */
export type Orders = Map<string, number>;

export interface RecordChange {
  key: string;
  kind: RecordKind;
  id: string;
  /** The new value; undefined when the record is deleted. */
  value?: unknown;
  order: number;
}

export const recordKey = (kind: RecordKind, id: string): string => `${kind}/${id}`;

export function kindOfKey(key: string): RecordKind {
  return key.slice(0, key.indexOf('/')) as RecordKind;
}

function listOf(ws: Workspace, kind: ListKind): readonly { id: string }[] {
  return ws[LIST_FIELD[kind]];
}

function mapOf(ws: Workspace, kind: MapKind): Record<string, unknown> {
  return (kind === 'assumption' ? ws.assumptions : ws.view) ?? {};
}

/** Objects written with their keys sorted: a record read back from storage may list them in another order. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]),
  );
}

/** Values are plain JSON: the same text (keys in any order) is the same value. The same object needs no text. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
}

/** Every record of a workspace, each list in its order. */
export function workspaceRecords(ws: Workspace): RecordChange[] {
  const records: RecordChange[] = [];
  for (const kind of LIST_KINDS) {
    listOf(ws, kind).forEach((item, index) =>
      records.push({ key: recordKey(kind, item.id), kind, id: item.id, value: item, order: index }),
    );
  }
  for (const kind of MAP_KINDS) {
    Object.entries(mapOf(ws, kind)).forEach(([id, value], index) =>
      records.push({ key: recordKey(kind, id), kind, id, value, order: index }),
    );
  }
  return records;
}

/**
 * New orders for a list: a record keeps its order while it stays after the one before it; one
 * added or moved is put between its neighbours. Returns null when no number fits between two
 * (after many insertions at one place), and the list must be numbered afresh.
 */
function listOrders(keys: readonly string[], orders: Orders): number[] | null {
  // The order of the nearest later record that had one, as the upper bound for those before it.
  const nextKnown: number[] = new Array<number>(keys.length);
  let next = Infinity;
  for (let i = keys.length - 1; i >= 0; i -= 1) {
    nextKnown[i] = next;
    next = orders.get(keys[i]) ?? next;
  }
  const result: number[] = [];
  let previous = -Infinity;
  for (let i = 0; i < keys.length; i += 1) {
    const known = orders.get(keys[i]);
    let order: number;
    if (known !== undefined && known > previous) order = known;
    else {
      const upper = nextKnown[i] > previous ? nextKnown[i] : Infinity;
      if (previous === -Infinity) order = upper === Infinity ? 0 : upper - 1;
      else order = upper === Infinity ? previous + 1 : previous + (upper - previous) / 2;
      if (!(order > previous && order < upper)) return null;
    }
    result.push(order);
    previous = order;
  }
  return result;
}

/**
 * What changed from `before` to `after`, record by record: added, changed, moved or deleted. Only
 * records that differ are listed; an unchanged object (the same reference) is not even compared.
 */
export function diffWorkspaces(before: Workspace, after: Workspace, orders: Orders): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const kind of LIST_KINDS) {
    const was = listOf(before, kind);
    const now = listOf(after, kind);
    if (was === now) continue;
    const previous = new Map(was.map((item) => [item.id, item]));
    const keys = now.map((item) => recordKey(kind, item.id));
    const fresh = listOrders(keys, orders) ?? keys.map((_, index) => index);
    now.forEach((item, index) => {
      const old = previous.get(item.id);
      previous.delete(item.id);
      if (old === undefined || orders.get(keys[index]) !== fresh[index] || !sameValue(old, item)) {
        changes.push({ key: keys[index], kind, id: item.id, value: item, order: fresh[index] });
      }
    });
    for (const id of previous.keys()) changes.push({ key: recordKey(kind, id), kind, id, order: 0 });
  }
  for (const kind of MAP_KINDS) {
    const was = mapOf(before, kind);
    const now = mapOf(after, kind);
    if (was === now) continue;
    const ids = Object.keys(now);
    ids.forEach((id, index) => {
      if (!Object.hasOwn(was, id) || !sameValue(was[id], now[id])) {
        changes.push({ key: recordKey(kind, id), kind, id, value: now[id], order: orders.get(recordKey(kind, id)) ?? index });
      }
    });
    for (const id of Object.keys(was)) if (!Object.hasOwn(now, id)) changes.push({ key: recordKey(kind, id), kind, id, order: 0 });
  }
  return changes;
}

/**
 * The workspace with records put in or taken out (saved by another tab, or a choice after a
 * conflict). `orders` is updated to match; lists keep their order.
 */
export function applyRecords(ws: Workspace, changes: readonly RecordChange[], orders: Orders): Workspace {
  if (changes.length === 0) return ws;
  const next: Workspace = { ...ws };
  for (const change of changes) {
    if (change.value === undefined) orders.delete(change.key);
    else orders.set(change.key, change.order);
  }
  for (const kind of LIST_KINDS) {
    const mine = changes.filter((c) => c.kind === kind);
    if (mine.length === 0) continue;
    const byId = new Map<string, unknown>(listOf(ws, kind).map((item) => [item.id, item]));
    for (const change of mine) {
      if (change.value === undefined) byId.delete(change.id);
      else byId.set(change.id, change.value);
    }
    const order = (id: string) => orders.get(recordKey(kind, id)) ?? Infinity;
    const list = [...byId.entries()].sort((a, b) => order(a[0]) - order(b[0])).map(([, value]) => value);
    (next as unknown as Record<string, unknown>)[LIST_FIELD[kind]] = list;
  }
  for (const kind of MAP_KINDS) {
    const mine = changes.filter((c) => c.kind === kind);
    if (mine.length === 0) continue;
    const map: Record<string, unknown> = { ...mapOf(ws, kind) };
    for (const change of mine) {
      if (change.value === undefined) delete map[change.id];
      else map[change.id] = change.value;
    }
    if (kind === 'assumption') next.assumptions = map;
    else next.view = map;
  }
  return next;
}

/** The workspace document (as in a file) made of records, each list sorted by its order. */
export function documentFromRecords(
  records: readonly { kind: RecordKind; id: string; value?: unknown; order: number }[],
  header: { schemaVersion: number; savedAt: string },
): Record<string, unknown> {
  const sorted = [...records].sort((a, b) => a.order - b.order);
  const doc: Record<string, unknown> = { ...header };
  for (const kind of LIST_KINDS) doc[LIST_FIELD[kind]] = sorted.filter((r) => r.kind === kind).map((r) => r.value);
  doc.assumptions = Object.fromEntries(sorted.filter((r) => r.kind === 'assumption').map((r) => [r.id, r.value]));
  const view = sorted.filter((r) => r.kind === 'view');
  if (view.length > 0) doc.view = Object.fromEntries(view.map((r) => [r.id, r.value]));
  return doc;
}

const KIND_NAMES: Record<RecordKind, [string, string]> = {
  serviceArea: ['service area', 'service areas'],
  target: ['target', 'targets'],
  diversityTarget: ['diversity target', 'diversity targets'],
  candidate: ['candidate', 'candidates'],
  assumption: ['assumption', 'assumptions'],
  view: ['view setting', 'view settings'],
};

/** "1 target", "3 candidates". */
export function countOf(kind: RecordKind, count: number): string {
  return `${count.toLocaleString('en-US')} ${KIND_NAMES[kind][count === 1 ? 0 : 1]}`;
}

/** A county's name where the caller has the names ("Tulare County, CA"); else its FIPS code is shown. */
export type CountyNamer = (fips: string) => string | undefined;
/** A service area's name by its id, where the caller has the areas; else its id is shown. */
export type AreaNamer = (id: string) => string | undefined;

function regionText(region: Record<string, unknown>, countyName?: CountyNamer, areaName?: AreaNamer): string {
  switch (region.kind) {
    case 'state':
      return String(region.state);
    case 'county':
      return countyName?.(String(region.fips)) ?? `county ${String(region.fips)}`;
    case 'site':
    case 'census-region':
      return String(region.name);
    case 'hhs-region':
      return `HHS region ${String(region.number)}`;
    default: {
      const name = areaName?.(String(region.id));
      return name ? `service area “${name}”` : `service area ${String(region.id)}`;
    }
  }
}

/** What a person recognises a record by: a target by what it asks for (its id is never shown). */
function labelOf(kind: RecordKind, id: string, value: unknown, countyName?: CountyNamer, areaName?: AreaNamer): string {
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  if (kind === 'target' && v?.region && typeof v.region === 'object') {
    return `${String(v.specialty)} in ${regionText(v.region as Record<string, unknown>, countyName, areaName)}, ${String(v.hires)} by ${String(v.dueQuarter)}`;
  }
  if (kind === 'diversityTarget' && v?.measure && typeof v.measure === 'object') return describeMeasure(v.measure as DiversityMeasure);
  if (kind === 'serviceArea' && typeof v?.name === 'string') return v.name;
  return id;
}

/** How a record is named in a message: "target “psychiatry in NM, 3 by 2027-Q4”", "candidate C-12". */
export function recordName(key: string, value?: unknown): string {
  const kind = kindOfKey(key);
  const id = key.slice(kind.length + 1);
  const label = labelOf(kind, id, value);
  return label === id ? `${KIND_NAMES[kind][0]} ${id}` : `${KIND_NAMES[kind][0]} “${label}”`;
}

/** The names of some records of one kind, for a list such as "3 targets (…)". */
export function recordLabel(kind: RecordKind, id: string, value: unknown, countyName?: CountyNamer, areaName?: AreaNamer): string {
  return labelOf(kind, id, value, countyName, areaName);
}

/** Kinds whose ids the app makes up ("target-7"): two tabs may make the same one for different things. */
const MADE_UP_IDS: ReadonlySet<RecordKind> = new Set(['serviceArea', 'target', 'diversityTarget']);

/**
 * A record another tab created under the same made-up id at the same time is not the same thing:
 * this one takes the next free id ("target-3" → "target-4"). Undefined for ids a person gave.
 */
export function withFreeId(change: RecordChange, takenIds: Iterable<string>): RecordChange | undefined {
  const prefix = /^(.*)-\d+$/.exec(change.id)?.[1];
  if (!MADE_UP_IDS.has(change.kind) || change.value === undefined || prefix === undefined) return undefined;
  const id = nextId(prefix, takenIds);
  return { ...change, key: recordKey(change.kind, id), id, value: { ...(change.value as object), id } };
}
