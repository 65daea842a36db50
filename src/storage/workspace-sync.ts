// One tab's copy of the workspace, kept in step with what is saved in this browser and with every
// other open tab. A change is saved record by record; a write that finds a record changed by
// another tab since is not made, and the person is asked (or, for two records created at once
// under the same made-up id, both are kept). See docs/workspace.md.

import {
  applyRecords,
  countOf,
  diffWorkspaces,
  emptyWorkspace,
  importUndo,
  kindOfKey,
  recordName,
  undoImport,
  withFreeId,
  type ImportUndo,
  type Orders,
  type RecordChange,
  type RecordKind,
  type Workspace,
} from '../model/workspace';
import { openTabChannel, savedMessage, type TabChannel, type TabMessage } from './tab-channel';
import { WorkspaceStore, type StoreEvents, type StoredRecord, type WriteResult } from './workspace-db';

export type SaveState = 'loading' | 'saved' | 'saving' | 'error';

/** A change of this tab not saved because another tab changed the same record first. */
export interface SaveConflict {
  mine: RecordChange;
  /** The other tab's value, now shown; undefined when it deleted the record. */
  theirs: unknown;
}

/** What the screens are told. */
export interface SyncListener {
  workspace(ws: Workspace): void;
  saveState(state: SaveState, error: string | null): void;
  /** News for the person: another tab's changes, ids given anew. */
  notice(text: string): void;
  conflicts(list: SaveConflict[]): void;
  lastImport(undo: ImportUndo | null): void;
}

/** A message can be missed; a gap in the revisions heard is checked against storage after this long. */
const GAP_CHECK_MS = 1_000;

/** "2 candidates added, 1 target changed": what a set of changes did to the workspace shown. */
export function describeChanges(changes: readonly RecordChange[], known: (key: string) => boolean): string {
  const counts = new Map<string, { kind: RecordKind; verb: string; count: number }>();
  for (const change of changes) {
    const verb = change.value === undefined ? 'removed' : known(change.key) ? 'changed' : 'added';
    const entry = counts.get(`${change.kind} ${verb}`) ?? { kind: change.kind, verb, count: 0 };
    entry.count += 1;
    counts.set(`${change.kind} ${verb}`, entry);
  }
  return [...counts.values()].map(({ kind, verb, count }) => `${countOf(kind, count)} ${verb}`).join(', ');
}

const timeNow = () => new Date().toLocaleTimeString();

export class WorkspaceSync {
  private current: Workspace | null = null;
  private revs = new Map<string, number>();
  private orders: Orders = new Map();
  /** Records with a write of this tab on its way: news of them from other tabs waits for its outcome. */
  private readonly pending = new Map<string, number>();
  /** Changes of records this tab had seen no saved revision of: created here. */
  private readonly createdHere = new WeakSet<RecordChange>();
  private queue: Promise<void> = Promise.resolve();
  private store: WorkspaceStore | null = null;
  private channel: TabChannel | null = null;
  /** Why this tab may not write: the saved workspace is unreadable, or a newer version took over. */
  private readOnly: string | null = null;
  /** Revisions heard of: all up to `upTo`, and some beyond it. */
  private heard = { upTo: 0, beyond: new Set<number>() };
  private undo: ImportUndo | null = null;
  private conflictList: SaveConflict[] = [];
  private closed = false;

  constructor(private readonly listener: SyncListener) {}

  /** Opens the saved workspace and starts listening to other tabs. */
  async start(events: Pick<StoreEvents, 'onBlocked'> = {}): Promise<void> {
    let store: WorkspaceStore;
    try {
      store = await WorkspaceStore.open({
        onBlocked: events.onBlocked,
        onClosed: () =>
          this.stopWriting(
            'Shortage Atlas was updated in another tab: reload this tab to keep saving. Changes made here now are not saved.',
          ),
      });
    } catch (e) {
      return this.startEmpty(`This browser does not let the app save (${(e as Error).message}): export the workspace to keep your work.`);
    }
    if (this.closed) return store.close();
    this.store = store;
    try {
      const saved = await store.load();
      if (this.closed) return;
      this.take(saved);
      this.listener.saveState('saved', null);
      if (saved.legacyProblems) {
        this.listener.notice(
          `The workspace saved before this version could not be read (${saved.legacyProblems.join('; ')}). It is kept untouched in this browser; what you do now is saved beside it.`,
        );
      }
    } catch (e) {
      // Never write over a saved workspace that could not be read.
      return this.startEmpty(
        `The workspace saved in this browser could not be read: ${(e as Error).message}. It is left as it was, and changes made here are not saved: export them to keep a copy.`,
      );
    }
    this.channel = openTabChannel((message) => this.hearMessage(message));
  }

  close(): void {
    this.closed = true;
    this.channel?.close();
    this.store?.close();
  }

  /** A tab asleep may have missed messages: when it is looked at again, it checks. */
  async checkForMissed(): Promise<void> {
    if (this.store && !this.closed && (await this.store.seq()) > this.heard.upTo) await this.resync();
  }

  /** Applies a change; the records it changed are saved at once. */
  update(change: (ws: Workspace) => Workspace, options: { lastImport?: ImportUndo | null } = {}): void {
    const before = this.current;
    if (!before) return;
    const after = { ...change(before), savedAt: new Date().toISOString() };
    const changes = diffWorkspaces(before, after, this.orders);
    for (const c of changes) {
      if (!this.revs.has(c.key)) this.createdHere.add(c);
      if (c.value === undefined) this.orders.delete(c.key);
      else this.orders.set(c.key, c.order);
    }
    this.show(after);
    if ('lastImport' in options) this.showImport(options.lastImport ?? null);
    if (changes.length > 0 || 'lastImport' in options) this.persist(changes, options);
  }

  importWorkspace(incoming: Workspace, fileName: string): void {
    if (!this.current) return;
    const undo = importUndo(this.current, incoming, this.orders, fileName, new Date().toISOString());
    this.update(() => incoming, { lastImport: undo });
  }

  /** Takes the last import back; returns the records kept because they were changed since. */
  undoLastImport(): string[] {
    if (!this.undo || !this.current) return [];
    const { workspace, kept } = undoImport(this.current, this.undo, this.orders);
    this.update(() => workspace, { lastImport: null });
    return kept;
  }

  resolve(conflict: SaveConflict, keep: 'mine' | 'theirs'): void {
    this.setConflicts(this.conflictList.filter((c) => c !== conflict));
    if (keep === 'theirs' || !this.current) return;
    this.show(applyRecords(this.current, [conflict.mine], this.orders));
    this.persist([conflict.mine]);
  }

  // ------------------------------------------------------------------ inside

  private startEmpty(reason: string): void {
    if (this.closed) return;
    this.show(emptyWorkspace());
    this.stopWriting(reason);
  }

  private stopWriting(reason: string): void {
    this.readOnly = reason;
    this.listener.saveState('error', reason);
  }

  private show(ws: Workspace): void {
    this.current = ws;
    this.listener.workspace(ws);
  }

  private showImport(undo: ImportUndo | null): void {
    this.undo = undo;
    this.listener.lastImport(undo);
  }

  private setConflicts(list: SaveConflict[]): void {
    this.conflictList = list;
    this.listener.conflicts(list);
  }

  private take(saved: Awaited<ReturnType<WorkspaceStore['load']>>): void {
    this.revs = saved.revs;
    this.orders = saved.orders;
    this.heard = { upTo: saved.seq, beyond: new Set() };
    this.show(saved.workspace);
    this.showImport(saved.lastImport);
  }

  private persist(changes: RecordChange[], options: { lastImport?: ImportUndo | null } = {}): void {
    if (this.readOnly || !this.store) {
      this.listener.saveState('error', this.readOnly ?? 'Not saved: the saved workspace is not open.');
      return;
    }
    const store = this.store;
    for (const { key } of changes) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    this.listener.saveState('saving', null);
    const savedAt = this.current?.savedAt ?? new Date().toISOString();
    const write = async () => {
      let result: WriteResult;
      try {
        result = await store.write(changes, (key) => this.revs.get(key) ?? null, { savedAt, ...options });
      } catch (e) {
        this.listener.saveState(
          'error',
          `Saving in this browser failed: ${(e as Error).message}. Your changes are still on screen: export the workspace to keep a copy.`,
        );
        return;
      } finally {
        for (const { key } of changes) {
          const left = (this.pending.get(key) ?? 1) - 1;
          if (left > 0) this.pending.set(key, left);
          else this.pending.delete(key);
        }
      }
      for (const record of result.written) {
        if (record.value === undefined) this.revs.delete(record.key);
        else this.revs.set(record.key, record.rev);
      }
      this.hear(result.seq);
      this.channel?.post(savedMessage(result.seq, result.written, options.lastImport));
      if (result.conflicts.length > 0) this.settle(result.conflicts);
      if (this.pending.size === 0) this.listener.saveState('saved', null);
    };
    this.queue = this.queue.then(write);
  }

  /**
   * Changes another tab got to first: its version is shown. A record both tabs created at once
   * under the same made-up id ("target-3") is two things: this tab's is kept under a new id.
   * Otherwise the person chooses.
   */
  private settle(found: WriteResult['conflicts']): void {
    const theirs: RecordChange[] = [];
    for (const { change, theirs: stored } of found) {
      if (stored) this.revs.set(change.key, stored.rev);
      else this.revs.delete(change.key);
      theirs.push(stored ?? { ...change, value: undefined });
    }
    let ws = applyRecords(this.current!, theirs, this.orders);
    const renamed: { theirs: StoredRecord; mine: RecordChange }[] = [];
    const asked: SaveConflict[] = [];
    for (const { change, theirs: stored } of found) {
      const taken = [...this.orders.keys()].filter((key) => kindOfKey(key) === change.kind).map((key) => key.slice(change.kind.length + 1));
      const free = stored && this.createdHere.has(change) ? withFreeId(change, taken) : undefined;
      if (free && stored) {
        // After the other tab's record, which took its place.
        const copy = {
          ...free,
          order: Math.max(...[...this.orders].filter(([key]) => kindOfKey(key) === change.kind).map(([, o]) => o)) + 1,
        };
        this.createdHere.add(copy);
        ws = applyRecords(ws, [copy], this.orders);
        renamed.push({ theirs: stored, mine: copy });
      } else asked.push({ mine: change, theirs: stored?.value });
    }
    this.show(ws);
    if (renamed.length > 0) {
      this.persist(renamed.map((r) => r.mine));
      this.listener.notice(
        `Another tab added ${renamed.map((r) => recordName(r.theirs.key, r.theirs.value)).join(', ')} while this tab added ${renamed.map((r) => recordName(r.mine.key, r.mine.value)).join(', ')}: both are kept.`,
      );
    }
    if (asked.length > 0) this.setConflicts([...this.conflictList.filter((c) => !asked.some((a) => a.mine.key === c.mine.key)), ...asked]);
  }

  private hearMessage(message: TabMessage): void {
    if (message.kind === 'reload') {
      void this.resync();
      return;
    }
    const ws = this.current;
    if (!ws) return;
    const fresh = message.records.filter((r) => !this.pending.has(r.key) && (this.revs.get(r.key) ?? 0) < r.rev);
    if (fresh.length > 0) {
      const known = new Set(this.orders.keys());
      for (const record of fresh) {
        if (record.value === undefined) this.revs.delete(record.key);
        else this.revs.set(record.key, record.rev);
      }
      this.show(applyRecords(ws, fresh, this.orders));
      this.listener.notice(`Another tab saved changes at ${timeNow()}: ${describeChanges(fresh, (key) => known.has(key))}.`);
    }
    if (message.lastImport !== undefined) this.showImport(message.lastImport);
    this.hear(message.seq);
  }

  private hear(seq: number): void {
    const h = this.heard;
    if (seq <= h.upTo) return;
    h.beyond.add(seq);
    while (h.beyond.delete(h.upTo + 1)) h.upTo += 1;
    if (h.beyond.size > 0) setTimeout(() => void this.checkForMissed(), GAP_CHECK_MS);
  }

  /** Reads the saved workspace again and shows it, saying what it changed. */
  private async resync(): Promise<void> {
    await this.queue;
    if (!this.store || !this.current || this.pending.size > 0 || this.closed) return;
    const saved = await this.store.load();
    const changes = diffWorkspaces(this.current, saved.workspace, this.orders);
    const known = new Set(this.orders.keys());
    this.take(saved);
    if (changes.length > 0)
      this.listener.notice(`Another tab saved changes at ${timeNow()}: ${describeChanges(changes, (key) => known.has(key))}.`);
  }
}
