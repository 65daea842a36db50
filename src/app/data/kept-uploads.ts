// Uploads that outlive the tab: each federal file loaded is kept in this browser (within the space
// the browser allows the app, checked before writing and reported), loaded again on the next visit
// with a note, and named as gone when it could not be kept or read back. Tabs load each other's
// files as they are kept, so two tabs show the same data; where they cannot (a file not kept), the
// tab says so. The files themselves are src/storage/kept-files.ts.
import {
  KeptFiles,
  openKeptFilesChannel,
  storageSpace,
  type KeptFile,
  type KeptFilesChannel,
  type KeptFilesMessage,
  type NewKeptFile,
} from '../../storage/kept-files';
import type { LoadedDataset } from '../../data/loaders/dataset';
import type { UploadOutcome } from './load-file';

const MB = 1e6;
const mb = (bytes: number) => `${(bytes / MB).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** A file this tab loaded from the store or kept there: which dataset it became here. */
export interface KeptUpload {
  seq: number;
  name: string;
  bytes: number;
  savedAt: string;
  title: string;
  /** The dataset it became in this tab, and its table; undefined while it waits its turn to load. */
  datasetId?: string;
  table?: string;
  /** How it came to be loaded here. */
  from: 'this tab' | 'last visit' | 'another tab';
}

/** A file loaded before that is not loaded now, and why. */
export interface GoneUpload {
  seq: number | null;
  name: string;
  reason: string;
}

/** What the person is shown about kept files. */
export interface KeptUploadsState {
  /** Restoring the files of the last visit. */
  restoring: boolean;
  kept: KeptUpload[];
  gone: GoneUpload[];
  /** The files restored or heard from another tab, each with its outcome, newest last. */
  outcomes: { name: string; from: 'last visit' | 'another tab'; outcome: UploadOutcome }[];
  /** News for the person ("Another tab forgot …"). */
  notices: string[];
}

/**
 * Loads a file as an upload (the same path as a file the person picks); resolves once loaded or
 * refused, with the rows each dataset of its table still has (FileLoad).
 */
export type LoadKept = (file: File) => Promise<{ outcome: UploadOutcome; added?: LoadedDataset; remaining?: Record<string, number> }>;

const EMPTY: KeptUploadsState = { restoring: true, kept: [], gone: [], outcomes: [], notices: [] };

export class UploadKeeper {
  private store: KeptFiles | null = null;
  private channel: KeptFilesChannel | null = null;
  private state: KeptUploadsState = EMPTY;
  /** The seqs loaded (or being loaded) in this tab, in the order this tab loaded them. */
  private readonly applied: number[] = [];
  private restored: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly load: LoadKept,
    private readonly listener: (state: KeptUploadsState) => void,
  ) {}

  /** Opens the store and loads the files kept by the last visit, in the order they were first loaded. */
  start(): Promise<void> {
    this.restored = this.restore();
    return this.restored;
  }

  close(): void {
    this.closed = true;
    this.channel?.close();
    this.store?.close();
  }

  /**
   * After an upload of this tab: keeps the file (if the browser has the space), says how in the
   * returned text, tells the other tabs, and forgets kept files this upload replaced whole.
   */
  async keep(file: File, dataset: LoadedDataset, remaining: Record<string, number>): Promise<{ kept: boolean; text: string }> {
    await this.restored;
    const store = this.store;
    const record: NewKeptFile = { name: file.name, bytes: file.size, savedAt: new Date().toISOString(), title: dataset.title, blob: file };
    if (!store) {
      this.update({ gone: [...this.state.gone, { seq: null, name: file.name, reason: 'this browser does not let the app keep files' }] });
      return {
        kept: false,
        text: `Not kept: this browser does not let the app keep files, so ${file.name} will not be loaded after a reload.`,
      };
    }
    const space = await storageSpace();
    const room = space ? space.quota - space.usage : Infinity;
    let notKept: string | undefined;
    let seq: number | null = null;
    if (file.size > room) {
      notKept = `it needs ${mb(file.size)} and this browser allows the app ${mb(Math.max(0, room))} more`;
    } else {
      try {
        seq = await store.add(record);
      } catch (e) {
        notKept = `the browser refused to store it (${(e as Error).name === 'QuotaExceededError' ? 'no space left for the app' : (e as Error).message})`;
      }
    }
    if (seq === null) {
      // Recorded without its bytes, so the next visit names it as gone.
      seq = await store.add({ ...record, blob: null, notKept }).catch(() => null);
      this.update({ gone: [...this.state.gone, { seq, name: file.name, reason: `not kept: ${notKept}` }] });
      if (seq !== null) this.channel?.post({ kind: 'kept', seq });
      if (seq !== null) this.applied.push(seq);
      return { kept: false, text: `Not kept in this browser: ${notKept}. It stays loaded in this tab until you reload or close it.` };
    }
    this.applied.push(seq);
    this.channel?.post({ kind: 'kept', seq });
    await this.forgetReplaced(dataset, remaining, file.name);
    this.update({
      kept: [
        ...this.state.kept,
        {
          seq,
          name: file.name,
          bytes: file.size,
          savedAt: record.savedAt,
          title: record.title,
          datasetId: dataset.id,
          table: dataset.table,
          from: 'this tab',
        },
      ],
    });
    const after = await storageSpace();
    return {
      kept: true,
      text: `Kept in this browser for your next visit (${mb(file.size)}${after ? `; the app now uses ${mb(after.usage)} of the ${mb(after.quota)} this browser allows it` : ''}).`,
    };
  }

  /** Stops keeping a file: it stays loaded in this tab, and is not loaded on the next visit. */
  async forget(seq: number): Promise<void> {
    await this.store?.remove([seq]);
    this.channel?.post({ kind: 'forgotten', seq });
    this.update({ kept: this.state.kept.filter((k) => k.seq !== seq) });
  }

  /** The person has read that a file is gone: it is not named again. */
  async dismiss(gone: GoneUpload): Promise<void> {
    if (gone.seq !== null) await this.store?.remove([gone.seq]);
    this.update({ gone: this.state.gone.filter((g) => g !== gone) });
  }

  /** A tab asleep may have missed a file kept meanwhile: when it is looked at again, it checks. */
  async checkForMissed(): Promise<void> {
    await this.restored;
    if (!this.store || this.closed) return;
    for (const f of await this.store.list()) if (!this.applied.includes(f.seq)) await this.fromAnotherTab(f.seq);
  }

  // ------------------------------------------------------------------ inside

  private update(change: Partial<KeptUploadsState>): void {
    this.state = { ...this.state, ...change };
    if (!this.closed) this.listener(this.state);
  }

  private async restore(): Promise<void> {
    try {
      this.store = await KeptFiles.open();
    } catch (e) {
      this.update({
        restoring: false,
        notices: [`Files you load cannot be kept in this browser (${(e as Error).message}); they stay loaded until you reload.`],
      });
      return;
    }
    const files = await this.store.list().catch(() => [] as KeptFile[]);
    for (const f of files) {
      this.applied.push(f.seq);
      await this.bring(f, 'last visit');
    }
    this.update({ restoring: false });
    this.channel = openKeptFilesChannel((m) => void this.hear(m));
  }

  private async hear(message: KeptFilesMessage): Promise<void> {
    await this.restored;
    if (message.kind === 'kept') return this.fromAnotherTab(message.seq);
    const kept = this.state.kept.find((k) => k.seq === message.seq);
    if (kept) {
      this.update({
        kept: this.state.kept.filter((k) => k.seq !== message.seq),
        notices: [
          ...this.state.notices,
          `Another tab stopped keeping ${kept.name}: it stays loaded here until you reload, and will not be loaded on your next visit.`,
        ],
      });
    }
  }

  private async fromAnotherTab(seq: number): Promise<void> {
    if (this.applied.includes(seq) || !this.store) return;
    const f = await this.store.get(seq);
    if (!f) return;
    const later = this.applied.some((s) => s > seq);
    this.applied.push(seq);
    await this.bring(f, 'another tab');
    if (later && f.blob) {
      this.update({
        notices: [
          ...this.state.notices,
          `${f.name}, loaded in another tab, was loaded here after a file this tab loaded later: where both hold the same data (the same fiscal year, quarter or discipline), reload this tab to have them in the order they were loaded.`,
        ],
      });
    }
  }

  /** Loads a recorded file in this tab; a file without bytes, or one that no longer loads, is named as gone. */
  private async bring(f: KeptFile, from: 'last visit' | 'another tab'): Promise<void> {
    if (!f.blob) {
      const reason =
        from === 'last visit'
          ? `loaded on ${f.savedAt.slice(0, 10)} but not kept (${f.notKept ?? 'no reason recorded'}): it is not loaded now; load it again to use it`
          : `loaded in another tab but not kept in this browser (${f.notKept ?? 'no reason recorded'}), so it is not loaded in this tab: load it here too to use it`;
      this.update({ gone: [...this.state.gone.filter((g) => g.seq !== f.seq), { seq: f.seq, name: f.name, reason }] });
      return;
    }
    const entry: KeptUpload = { seq: f.seq, name: f.name, bytes: f.bytes, savedAt: f.savedAt, title: f.title, from };
    this.update({ kept: [...this.state.kept, entry] });
    let loaded: Awaited<ReturnType<LoadKept>>;
    try {
      loaded = await this.load(new File([f.blob], f.name, { type: 'text/csv' }));
    } catch (e) {
      loaded = {
        outcome: { ok: false, text: `${f.name} could not be read back from this browser's storage.`, details: [(e as Error).message] },
      };
    }
    const outcomes = [...this.state.outcomes, { name: f.name, from, outcome: loaded.outcome }];
    if (!loaded.added) {
      // Kept, but it does not load any more: named as gone, and its bytes let go (the record stays until dismissed).
      const reason = `kept from ${f.savedAt.slice(0, 10)} but could not be loaded again: ${loaded.outcome.text}`;
      await this.store?.remove([f.seq]);
      const seq = await this.store
        ?.add({ name: f.name, bytes: f.bytes, savedAt: f.savedAt, title: f.title, blob: null, notKept: reason })
        .catch(() => null);
      this.update({
        kept: this.state.kept.filter((k) => k.seq !== f.seq),
        gone: [...this.state.gone, { seq: seq ?? null, name: f.name, reason }],
        outcomes,
      });
      return;
    }
    const added = loaded.added;
    await this.forgetReplaced(added, loaded.remaining ?? {}, f.name);
    this.update({ kept: this.state.kept.map((k) => (k.seq === f.seq ? { ...k, datasetId: added.id, table: added.table } : k)), outcomes });
  }

  /**
   * Kept files whose datasets an upload replaced whole (none of their rows left in its table) are
   * not loaded again: they would only be replaced again. The person was told they were kept, so
   * they are told they no longer are.
   */
  private async forgetReplaced(added: LoadedDataset, remaining: Record<string, number>, by: string): Promise<void> {
    const gone = this.state.kept.filter(
      (k) => k.datasetId && k.datasetId !== added.id && k.table === added.table && !remaining[k.datasetId],
    );
    if (!gone.length) return;
    await this.store?.remove(gone.map((k) => k.seq));
    this.update({
      kept: this.state.kept.filter((k) => !gone.includes(k)),
      notices: [
        ...this.state.notices,
        ...gone.map((k) => `${k.name} is no longer kept for your next visit: ${by}, loaded after it, replaced all of its data.`),
      ],
    });
  }
}
