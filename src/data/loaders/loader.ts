// What a loader is. A federal file format (an HRSA HPSA detail file, a DOL LCA disclosure file, a
// USCIS H-1B Employer Data Hub export…) is one module in this folder exporting a FileLoader, and
// one line in registry.ts: the registry recognises an upload by its header, registers it with the
// engine, runs the loader and turns its result into the dataset the app lists. Embedded datasets
// (datasets/manifest.json) name the loader that builds their table: a FileLoader, or a
// SourceLoader for the project's own tables (tools/build-embedded.mjs).
import type { SqlEngine } from '../engine/engine';
import type { HeaderSniff } from './csv-header';
import type { DatasetEntry } from './manifest';

/** A CSV file registered with the engine, with its header already read (csv-header.ts). */
export interface CsvFile {
  fileName: string;
  /** The name SQL reads it by (read_csv). */
  registeredName: string;
  header: string[];
  trailingDelimiter: boolean;
  delimiter: HeaderSniff['delimiter'];
  /** Whole lines from the top of the file (for rules decided from the first rows, e.g. the date order). */
  firstRows: Uint8Array;
  /** Written into each row the load adds (source_id), so a dataset's rows can be told apart. */
  sourceId: string;
  /** Today: some rules depend on the date (a fiscal year still running is partial). */
  now: Date;
}

/** Rows of the file not loaded, and why ("other occupations", "not certified H-1B"). */
export interface DroppedRows {
  reason: string;
  rows: number;
}

/** What a load did: the tables it changed and the dataset as the app lists it. */
export interface LoadResult {
  /**
   * Every table the load replaced or changed (all or nothing: a failed load changes none). The
   * coordinator rebuilds the summaries computed from them and redraws the views that read them.
   */
  changed: string[];
  /** The table the dataset's rows are in, and the parts of it they replace (HPSA disciplines, fiscal years…). */
  table: string;
  parts: string[];
  title: string;
  publisher: string;
  vintage: string;
  /** Where the figures come from and how they were read (the registry adds the file's name and size). */
  source: string;
  /** Rows the table holds for the dataset (a loader may group the file's rows: USCIS employers by state and year). */
  rows: number;
  /**
   * Data rows in the file, and those not loaded, by reason: rowsRead minus the dropped rows is the
   * file rows the load kept. Every row is accounted for.
   */
  rowsRead?: number;
  dropped: DroppedRows[];
  /** One line a person can read: what was loaded. */
  summary: string;
  /** Values the loader could not read and left empty, and other things worth knowing; the load still happened. */
  warnings: string[];
}

export type Recognition<Layout> = { layout: Layout } | { refused: string };

export interface FileLoader<Layout = unknown> {
  /** Stable id: the manifest's `loader` and a loaded dataset's `format`. */
  id: string;
  /** What it reads, for the message about a file no loader recognises, e.g. `a DOL LCA disclosure file (SOC_CODE, JOB_TITLE, …)`. */
  expected: string;
  /**
   * From the header alone: null when the file is not this format at all; otherwise the layout to
   * load it with, or why this file of the format cannot be read (a column missing, an old layout…).
   */
  recognise(sniff: HeaderSniff, fileName: string): Recognition<Layout> | null;
  /** Loads the registered file, whole, or throws DataLoadError and changes nothing. */
  load(db: SqlEngine, file: CsvFile, layout: Layout): Promise<LoadResult>;
}

/** Loads one of the project's own embedded tables from its source in datasets/ (no header to recognise). */
export interface SourceLoader {
  id: string;
  load(db: SqlEngine, entry: DatasetEntry, file: CsvFile): Promise<Pick<LoadResult, 'changed' | 'rows' | 'summary' | 'warnings'>>;
}
