// The workspace (service areas, targets, candidates, assumptions) lives in this browser's
// IndexedDB: personal data never leaves the computer, and a reload or a crash loses nothing.
import { serializeWorkspace, parseWorkspaceFile, type Workspace } from '../model/workspace';
import { workspaceAssumptionErrors } from '../model/workspace-assumptions';

const DB_NAME = 'shortage-atlas';
const STORE = 'workspace';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let dbPromise: Promise<IDBDatabase> | null = null;
const db = () => (dbPromise ??= open());

/** The saved workspace, or null when none was saved yet. Throws if what was saved is unreadable. */
export async function loadSavedWorkspace(): Promise<Workspace | null> {
  const d = await db();
  const text = await new Promise<unknown>((resolve, reject) => {
    const req = d.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
  if (typeof text !== 'string') return null;
  const parsed = parseWorkspaceFile(text, { validateAssumptions: workspaceAssumptionErrors });
  if (!parsed.ok) throw new Error(`The workspace saved in this browser could not be read: ${parsed.errors.slice(0, 3).join('; ')}`);
  return parsed.workspace;
}

/** Saves the whole workspace in one transaction; resolves when it is durably written. */
export async function saveWorkspace(ws: Workspace): Promise<void> {
  const d = await db();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(serializeWorkspace(ws), KEY);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}
