// Tabs of the app tell each other what they saved, so every open tab shows the workspace as saved.
// A message can be missed (a tab asleep, a browser without BroadcastChannel): the revision number
// in each message, and a look at the saved one when a tab comes back into view, catch that.

import type { ImportUndo } from '../model/workspace';
import type { StoredRecord } from './workspace-db';

const CHANNEL = 'shortage-atlas-workspace';
/** Beyond this many records a message only says "reload": a large import is read from storage. */
export const MAX_RECORDS_PER_MESSAGE = 2_000;

export type TabMessage =
  { kind: 'saved'; seq: number; records: StoredRecord[]; lastImport?: ImportUndo | null } | { kind: 'reload'; seq: number };

export interface TabChannel {
  post(message: TabMessage): void;
  close(): void;
}

export function openTabChannel(onMessage: (message: TabMessage) => void): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}

/** What to send for a write: its records, or only "reload" when there are too many to send. */
export function savedMessage(seq: number, records: StoredRecord[], lastImport?: ImportUndo | null): TabMessage {
  if (records.length > MAX_RECORDS_PER_MESSAGE) return { kind: 'reload', seq };
  return { kind: 'saved', seq, records, ...(lastImport !== undefined ? { lastImport } : {}) };
}
