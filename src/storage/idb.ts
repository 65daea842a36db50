// IndexedDB's requests and transactions as promises: shared by the workspace's store and the store
// of kept files.

export const failed = (request: IDBRequest | IDBTransaction): Error => request.error ?? new Error('IndexedDB request failed');

/** Resolves when the transaction commits; rejects when it fails or is aborted. */
export function complete(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(failed(tx));
    tx.onabort = () => reject(failed(tx));
  });
}

/** The request's result. */
export function read<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(failed(request));
  });
}
