// The federal files a person loaded, kept in this browser so that a reload finds them loaded again.
// They live in their own IndexedDB database, apart from the workspace: a file can be tens of
// megabytes, and the workspace's upgrades and tab checks never have to touch it. A file that could
// not be kept (over the space the browser allows the app, or a failed write) is recorded all the
// same, without its bytes, so the next visit names it as gone instead of saying nothing. Tabs tell
// each other on a BroadcastChannel when a file is kept or forgotten. See docs/workspace.md.

import { complete, failed, read } from './idb';

const DB_NAME = 'shortage-atlas-uploads';
const DB_VERSION = 1;
const FILES = 'files';
const CHANNEL = 'shortage-atlas-uploads';

/** A file as kept: in the order it was loaded (`seq`), with its bytes, or why they could not be kept. */
export interface KeptFile {
  seq: number;
  name: string;
  bytes: number;
  /** When it was loaded (ISO). */
  savedAt: string;
  /** What it held, as the load said ("LCA filings … — FY2025 Q3"). */
  title: string;
  /** The file itself; null when it could not be kept. */
  blob: Blob | null;
  /** Why it was not kept (blob null). */
  notKept?: string;
}

export type NewKeptFile = Omit<KeptFile, 'seq'>;

/** The space the browser gives the app, as navigator.storage.estimate reports it; null where it does not say. */
export interface StorageSpace {
  usage: number;
  quota: number;
}

export type KeptFilesMessage = { kind: 'kept'; seq: number } | { kind: 'forgotten'; seq: number };

export class KeptFiles {
  private constructor(private readonly db: IDBDatabase) {}

  static open(): Promise<KeptFiles> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => request.result.createObjectStore(FILES, { keyPath: 'seq', autoIncrement: true });
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => db.close();
        resolve(new KeptFiles(db));
      };
      request.onerror = () => reject(failed(request));
      request.onblocked = () => reject(new Error('another tab of an older version holds the store of kept files open'));
    });
  }

  /** Every file recorded, in the order they were loaded. */
  async list(): Promise<KeptFile[]> {
    return read<KeptFile[]>(this.db.transaction(FILES, 'readonly').objectStore(FILES).getAll());
  }

  async get(seq: number): Promise<KeptFile | undefined> {
    return read<KeptFile | undefined>(this.db.transaction(FILES, 'readonly').objectStore(FILES).get(seq));
  }

  /** Records a file; resolves to its `seq`. Throws (QuotaExceededError…) when the browser refuses the write. */
  async add(file: NewKeptFile): Promise<number> {
    const tx = this.db.transaction(FILES, 'readwrite');
    const seq = read<number>(tx.objectStore(FILES).add(file));
    await complete(tx);
    return seq;
  }

  async remove(seqs: readonly number[]): Promise<void> {
    if (!seqs.length) return;
    const tx = this.db.transaction(FILES, 'readwrite');
    for (const seq of seqs) tx.objectStore(FILES).delete(seq);
    await complete(tx);
  }

  close(): void {
    this.db.close();
  }
}

/** The space used and allowed, or null where the browser does not say (then a write is simply tried). */
export async function storageSpace(): Promise<StorageSpace | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    return estimate && typeof estimate.quota === 'number' ? { usage: estimate.usage ?? 0, quota: estimate.quota } : null;
  } catch {
    return null;
  }
}

export interface KeptFilesChannel {
  post(message: KeptFilesMessage): void;
  close(): void;
}

export function openKeptFilesChannel(onMessage: (message: KeptFilesMessage) => void): KeptFilesChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<KeptFilesMessage>) => onMessage(event.data);
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
