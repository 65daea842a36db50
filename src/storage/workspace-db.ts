// The workspace (service areas, targets, candidates, assumptions) lives in this browser's
// IndexedDB: personal data never leaves the computer, and a reload or a crash loses nothing.
//
// Each record is stored on its own with the revision that wrote it. A write names the revision
// its tab last saw of each record and is refused, record by record, where another tab wrote
// since: nothing a tab did not know about is overwritten. See docs/workspace.md.

import { complete, failed, read } from './idb';
import {
  WORKSPACE_FORMAT,
  WORKSPACE_SCHEMA_VERSION,
  documentFromRecords,
  parseWorkspaceFile,
  readWorkspaceDocument,
  sameValue,
  workspaceRecords,
  type ImportUndo,
  type Orders,
  type RecordChange,
  type Workspace,
} from '../model/workspace';
import { workspaceAssumptionErrors } from '../model/workspace-assumptions';

const DB_NAME = 'shortage-atlas';
/** Version 1 held the whole workspace as one JSON text; version 2 holds one record per entity. */
const DB_VERSION = 2;
const LEGACY_STORE = 'workspace';
const LEGACY_KEY = 'current';
const RECORDS = 'records';
const META = 'meta';

/** A record as saved: `rev` is the number of the write that saved it (meta "seq" counts writes). */
export interface StoredRecord extends RecordChange {
  rev: number;
}

export interface SavedWorkspace {
  workspace: Workspace;
  /** Each record's revision, as this tab last saw it. */
  revs: Map<string, number>;
  orders: Orders;
  /** Writes so far: the revision of the latest. */
  seq: number;
  lastImport: ImportUndo | null;
  /** When the whole-workspace record of version 1 was turned into records (this load or before). */
  migratedAt?: string;
  /** Version 1's record could not be read: kept untouched in this browser, and these are why. */
  legacyProblems?: string[];
}

export interface WriteResult {
  /** Revision of this write. */
  seq: number;
  /** Records written (deleted ones without a value). */
  written: StoredRecord[];
  /** Changes not written because another tab wrote the record since: theirs, or null if they deleted it. */
  conflicts: { change: RecordChange; theirs: StoredRecord | null }[];
}

export interface StoreEvents {
  /** A tab of an older version holds the database open, so it cannot be upgraded until it closes. */
  onBlocked?: () => void;
  /** A newer version of the app wants the database: this tab must stop writing. */
  onClosed?: () => void;
}

/** Version 1's whole-workspace text becomes records, in the upgrade's own transaction: all or nothing. */
function migrateWholeRecord(tx: IDBTransaction): void {
  const request = tx.objectStore(LEGACY_STORE).get(LEGACY_KEY);
  request.onsuccess = () => {
    const text: unknown = request.result;
    if (typeof text !== 'string') return;
    const meta = tx.objectStore(META);
    const now = new Date().toISOString();
    let parsed: ReturnType<typeof parseWorkspaceFile>;
    try {
      parsed = parseWorkspaceFile(text, { validateAssumptions: workspaceAssumptionErrors });
    } catch (error) {
      parsed = { ok: false, errors: [(error as Error).message] };
    }
    // The old record is never deleted: if it cannot be read it stays for a later version to read.
    if (!parsed.ok) {
      meta.put({ at: now, problems: parsed.errors.slice(0, 5) }, 'legacyUnreadable');
      return;
    }
    const records = tx.objectStore(RECORDS);
    for (const record of workspaceRecords(parsed.workspace)) records.put({ ...record, rev: 1 } satisfies StoredRecord);
    meta.put(1, 'seq');
    meta.put(WORKSPACE_SCHEMA_VERSION, 'schemaVersion');
    meta.put(parsed.workspace.savedAt, 'savedAt');
    meta.put(now, 'migratedAt');
  };
}

function openDatabase(events: StoreEvents): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (!db.objectStoreNames.contains(RECORDS)) db.createObjectStore(RECORDS, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      if (event.oldVersion === 1 && db.objectStoreNames.contains(LEGACY_STORE)) migrateWholeRecord(request.transaction!);
    };
    request.onblocked = () => events.onBlocked?.();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        events.onClosed?.();
      };
      resolve(db);
    };
    request.onerror = () => reject(failed(request));
  });
}

export class WorkspaceStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(events: StoreEvents = {}): Promise<WorkspaceStore> {
    return new WorkspaceStore(await openDatabase(events));
  }

  /** The revision of the latest write: cheap, to see whether a tab missed something. */
  async seq(): Promise<number> {
    return (await read<number | undefined>(this.db.transaction(META, 'readonly').objectStore(META).get('seq'))) ?? 0;
  }

  /** The saved workspace (empty when nothing was saved yet). Throws when what was saved cannot be read. */
  async load(): Promise<SavedWorkspace> {
    const tx = this.db.transaction([RECORDS, META], 'readonly');
    const meta = tx.objectStore(META);
    const [records, schemaVersion, seq, savedAt, lastImport, migratedAt, legacy] = await Promise.all([
      read<StoredRecord[]>(tx.objectStore(RECORDS).getAll()),
      read<number | undefined>(meta.get('schemaVersion')),
      read<number | undefined>(meta.get('seq')),
      read<string | undefined>(meta.get('savedAt')),
      read<ImportUndo | undefined>(meta.get('lastImport')),
      read<string | undefined>(meta.get('migratedAt')),
      read<{ problems: string[] } | undefined>(meta.get('legacyUnreadable')),
    ]);
    if (schemaVersion !== undefined && schemaVersion > WORKSPACE_SCHEMA_VERSION) {
      throw new Error(
        `it was saved by a newer version of Shortage Atlas (workspace v${schemaVersion}; this one reads up to v${WORKSPACE_SCHEMA_VERSION}). Reload the page to get the newer version.`,
      );
    }
    const doc = {
      format: WORKSPACE_FORMAT,
      ...documentFromRecords(records, {
        schemaVersion: schemaVersion ?? WORKSPACE_SCHEMA_VERSION,
        savedAt: savedAt ?? new Date().toISOString(),
      }),
    };
    const parsed = readWorkspaceDocument(doc, { validateAssumptions: workspaceAssumptionErrors });
    if (!parsed.ok) throw new Error(parsed.errors.slice(0, 3).join('; '));
    const saved: SavedWorkspace = {
      workspace: parsed.workspace,
      revs: new Map(records.map((r) => [r.key, r.rev])),
      orders: new Map(records.map((r) => [r.key, r.order])),
      seq: seq ?? 0,
      lastImport: lastImport ?? null,
      ...(migratedAt ? { migratedAt } : {}),
      ...(legacy ? { legacyProblems: legacy.problems } : {}),
    };
    // Saved by an older schema: every record is written upgraded, once.
    if (parsed.migratedFrom !== undefined) return this.rewriteAll(saved);
    return saved;
  }

  private async rewriteAll(saved: SavedWorkspace): Promise<SavedWorkspace> {
    const tx = this.db.transaction([RECORDS, META], 'readwrite');
    const seq = ((await read<number | undefined>(tx.objectStore(META).get('seq'))) ?? 0) + 1;
    const records = tx.objectStore(RECORDS);
    records.clear();
    const revs = new Map<string, number>();
    const orders: Orders = new Map();
    for (const record of workspaceRecords(saved.workspace)) {
      records.put({ ...record, rev: seq } satisfies StoredRecord);
      revs.set(record.key, seq);
      orders.set(record.key, record.order);
    }
    tx.objectStore(META).put(seq, 'seq');
    tx.objectStore(META).put(WORKSPACE_SCHEMA_VERSION, 'schemaVersion');
    await complete(tx);
    return { ...saved, revs, orders, seq };
  }

  /**
   * Writes the changes in one transaction. Each names, through `base`, the revision this tab last
   * saw of its record (null: the tab saw none); where the stored revision differs and the stored
   * value is not already the one wanted, the change is not written but returned as a conflict.
   * `lastImport` (when given) is saved in the same transaction: null removes it.
   */
  async write(
    changes: readonly RecordChange[],
    base: (key: string) => number | null,
    options: { savedAt: string; lastImport?: ImportUndo | null },
  ): Promise<WriteResult> {
    const tx = this.db.transaction([RECORDS, META], 'readwrite');
    const done = complete(tx);
    const meta = tx.objectStore(META);
    const records = tx.objectStore(RECORDS);
    const result: WriteResult = { seq: 0, written: [], conflicts: [] };
    const seqRequest = meta.get('seq');
    seqRequest.onsuccess = () => {
      const seq = ((seqRequest.result as number | undefined) ?? 0) + 1;
      result.seq = seq;
      meta.put(seq, 'seq');
      meta.put(options.savedAt, 'savedAt');
      meta.put(WORKSPACE_SCHEMA_VERSION, 'schemaVersion');
      if (options.lastImport === null) meta.delete('lastImport');
      else if (options.lastImport) meta.put(options.lastImport, 'lastImport');
      for (const change of changes) {
        const request = records.get(change.key);
        request.onsuccess = () => {
          const stored = request.result as StoredRecord | undefined;
          if ((stored?.rev ?? null) !== base(change.key) && !sameValue(stored?.value, change.value)) {
            result.conflicts.push({ change, theirs: stored ?? null });
            return;
          }
          if (change.value === undefined) records.delete(change.key);
          else records.put({ ...change, rev: seq } satisfies StoredRecord);
          result.written.push({ ...change, rev: seq });
        };
      }
    };
    await done;
    return result;
  }

  close(): void {
    this.db.close();
  }
}
