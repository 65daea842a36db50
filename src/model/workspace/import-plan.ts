// What importing a workspace file will do to the workspace in this browser, said before it is
// done, and how to take it back afterwards.

import {
  LIST_KINDS,
  applyRecords,
  countOf,
  diffWorkspaces,
  recordLabel,
  recordName,
  sameValue,
  workspaceRecords,
  type CountyNamer,
  type Orders,
  type RecordChange,
  type RecordKind,
} from './records';
import type { Workspace } from './workspace';

export interface PlanPart {
  kind: RecordKind;
  /** Ids, in the file's order (added, replaced) or the workspace's (removed). */
  ids: string[];
  /** What a person knows each by (a target by what it asks for), in the same order. */
  names: string[];
}

export interface ImportPlan {
  added: PlanPart[];
  replaced: PlanPart[];
  removed: PlanPart[];
  /** Records the file has exactly as they are. */
  unchanged: number;
  /** Assumptions that differ (an assumption is one setting of the timing model). */
  assumptionsChanged: string[];
}

/** Importing replaces the workspace with the file: what is added, replaced and removed, kind by kind. */
export function planImport(current: Workspace, incoming: Workspace, countyName?: CountyNamer): ImportPlan {
  const plan: ImportPlan = { added: [], replaced: [], removed: [], unchanged: 0, assumptionsChanged: [] };
  // A target names its service area as the file does, else as the workspace does.
  const areas = new Map([...current.serviceAreas, ...incoming.serviceAreas].map((a) => [a.id, a.name]));
  const fields = { serviceArea: 'serviceAreas', target: 'targets', diversityTarget: 'diversityTargets', candidate: 'candidates' } as const;
  for (const kind of LIST_KINDS) {
    const mine = new Map<string, unknown>(current[fields[kind]].map((item) => [item.id, item]));
    const theirs = incoming[fields[kind]];
    const added: { id: string }[] = [];
    const replaced: { id: string }[] = [];
    for (const item of theirs) {
      if (!mine.has(item.id)) added.push(item);
      else if (!sameValue(mine.get(item.id), item)) replaced.push(item);
      else plan.unchanged += 1;
    }
    const inFile = new Set(theirs.map((item) => item.id));
    const removed = current[fields[kind]].filter((item) => !inFile.has(item.id));
    const part = (items: { id: string }[]): PlanPart => ({
      kind,
      ids: items.map((item) => item.id),
      names: items.map((item) => recordLabel(kind, item.id, item, countyName, (id) => areas.get(id))),
    });
    if (added.length) plan.added.push(part(added));
    if (replaced.length) plan.replaced.push(part(replaced));
    if (removed.length) plan.removed.push(part(removed));
  }
  const keys = new Set([...Object.keys(current.assumptions), ...Object.keys(incoming.assumptions)]);
  plan.assumptionsChanged = [...keys].filter((key) => !sameValue(current.assumptions[key], incoming.assumptions[key]));
  return plan;
}

/** Fields named before "and N more". */
const LEFT_OUT_SHOWN = 8;

/** The file's fields the app does not read (parseWorkspaceFile's `leftOut`), said before the import; null when none. */
export function leftOutText(paths: readonly string[]): string | null {
  if (!paths.length) return null;
  const more = paths.length > LEFT_OUT_SHOWN ? ` and ${(paths.length - LEFT_OUT_SHOWN).toLocaleString('en-US')} more` : '';
  const fields = paths.length === 1 ? '1 field' : `${paths.length.toLocaleString('en-US')} fields`;
  return `Not imported: ${fields} this app does not read (from a newer version of the app, or added by hand): ${paths.slice(0, LEFT_OUT_SHOWN).join(', ')}${more}.`;
}

export function planIsEmpty(plan: ImportPlan): boolean {
  return !plan.added.length && !plan.replaced.length && !plan.removed.length && !plan.assumptionsChanged.length;
}

const MAX_NAMED = 5;

/** "2 candidates (C-1, C-2)"; past five, "and 7 more". */
export function describePart({ kind, names }: PlanPart): string {
  const named = names.slice(0, MAX_NAMED).join('; ');
  return `${countOf(kind, names.length)} (${named}${names.length > MAX_NAMED ? `, and ${names.length - MAX_NAMED} more` : ''})`;
}

/** One record as it was before an import and as the import left it (undefined: absent). */
export interface UndoEntry {
  key: string;
  kind: RecordKind;
  id: string;
  before?: unknown;
  beforeOrder: number;
  after?: unknown;
}

/** What it takes to undo an import: only the records it touched. Saved with the workspace. */
export interface ImportUndo {
  fileName: string;
  /** ISO timestamp. */
  importedAt: string;
  entries: UndoEntry[];
}

export function importUndo(current: Workspace, incoming: Workspace, orders: Orders, fileName: string, importedAt: string): ImportUndo {
  const was = valuesByKey(current);
  const entries = diffWorkspaces(current, incoming, orders).map((change) => ({
    key: change.key,
    kind: change.kind,
    id: change.id,
    before: was.get(change.key),
    beforeOrder: orders.get(change.key) ?? 0,
    after: change.value,
  }));
  return { fileName, importedAt, entries };
}

function valuesByKey(ws: Workspace): Map<string, unknown> {
  return new Map(workspaceRecords(ws).map((record) => [record.key, record.value]));
}

export interface UndoResult {
  workspace: Workspace;
  /** Records changed again after the import, left as they are now: their names. */
  kept: string[];
}

/**
 * The workspace with an import taken back: every record the import touched is as before, unless it
 * was changed again since (then it is kept, and named, rather than lost).
 */
export function undoImport(ws: Workspace, undo: ImportUndo, orders: Orders): UndoResult {
  const current = valuesByKey(ws);
  const restore: RecordChange[] = [];
  const kept: string[] = [];
  for (const entry of undo.entries) {
    if (!sameValue(current.get(entry.key), entry.after)) kept.push(recordName(entry.key, current.get(entry.key) ?? entry.before));
    else restore.push({ key: entry.key, kind: entry.kind, id: entry.id, value: entry.before, order: entry.beforeOrder });
  }
  return { workspace: applyRecords(ws, restore, new Map(orders)), kept };
}
