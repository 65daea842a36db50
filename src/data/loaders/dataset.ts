// A loaded dataset as the Data sources panel, the plan strip and the report list it, and the list
// as uploads change it (its own module: the first screen keeps the list, the loaders come later
// with the engine).
import type { DroppedRows } from './loader';

export interface LoadedDataset {
  id: string;
  title: string;
  publisher: string;
  vintage: string;
  source: string;
  license: string;
  sample: boolean;
  estimate: boolean;
  coverage?: string;
  table: string;
  origin: 'embedded' | 'upload';
  /** The loader that read it (loader.ts: FileLoader or SourceLoader id). */
  format: string;
  /** An upload's file name and size in bytes. */
  file?: { name: string; bytes: number };
  rows: number;
  /** Data rows in the file and those not loaded, by reason (loader.ts, LoadResult). */
  rowsRead?: number;
  dropped?: DroppedRows[];
  /**
   * The parts of its table the dataset holds — HPSA disciplines, DOL quarters, USCIS fiscal years.
   */
  parts: string[];
  /** One line a person can read: what was loaded. */
  summary: string;
  warnings: string[];
  /** The id of the upload that replaced it (none of its rows is left). */
  replacedBy?: string;
  /** Uploads that replaced part of it (a fiscal year, a quarter's cases), and the rows it still has. */
  partlyReplacedBy?: string[];
  rowsLeft?: number;
}

/**
 * The dataset list after an upload, from the rows each dataset of the upload's table still has
 * (`remaining`, by dataset id): none left, replaced by the upload; fewer, partly replaced.
 */
export function withUpload(datasets: readonly LoadedDataset[], added: LoadedDataset, remaining: Record<string, number>): LoadedDataset[] {
  const updated = datasets.map((d) => {
    if (d.replacedBy || d.table !== added.table) return d;
    const left = remaining[d.id] ?? 0;
    if (left === 0) {
      // Replaced whole: what an earlier upload left of it is gone too, so it is no longer "partly replaced".
      const replaced: LoadedDataset = { ...d, replacedBy: added.id };
      delete replaced.partlyReplacedBy;
      delete replaced.rowsLeft;
      return replaced;
    }
    if (left < (d.rowsLeft ?? d.rows)) return { ...d, rowsLeft: left, partlyReplacedBy: [...(d.partlyReplacedBy ?? []), added.id] };
    return d;
  });
  return [...updated, added];
}
