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
   * The parts of its table the dataset holds — HPSA disciplines, DOL filings, USCIS fiscal years: a
   * later upload holding all of them replaces it.
   */
  parts: string[];
  /** One line a person can read: what was loaded. */
  summary: string;
  warnings: string[];
  /** The id of the upload that replaced it. */
  replacedBy?: string;
}

/** The dataset list after an upload: datasets whose parts the new one covers are marked replaced by it. */
export function withUpload(datasets: readonly LoadedDataset[], added: LoadedDataset): LoadedDataset[] {
  const covered = new Set(added.parts);
  const replaced = datasets.map((d) =>
    !d.replacedBy && d.table === added.table && d.parts.length && d.parts.every((x) => covered.has(x)) ? { ...d, replacedBy: added.id } : d,
  );
  return [...replaced, added];
}
