// What a loader is. A federal file format (an HRSA HPSA detail file, a DOL LCA disclosure file, a
// USCIS H-1B Employer Data Hub export…) is one module in this folder exporting a FileLoader, and
// one line in registry.ts: the registry recognises an upload by its header, registers it with the
// engine, runs the loader and turns its result into the dataset the app lists. Embedded datasets
// (datasets/manifest.json) name the loader that builds their table: a FileLoader, or a
// SourceLoader for the project's own tables (tools/build-embedded.mjs).
import type { SqlEngine } from '../engine/engine';
import type { HeaderSniff } from './csv-header';
import type { DatasetEntry } from './manifest';
import type { LineNumbers } from './csv-lines';

/**
 * A question a load asks before it changes anything, e.g. whether a partial fiscal year may replace
 * a full one; `yes` and `no` label the two answers.
 */
export interface LoadQuestion {
  text: string;
  yes: string;
  no: string;
}

/** Asks the person; resolves true for `yes`. Loads without one (the embedded build) take the answer `yes`. */
export type Confirm = (question: LoadQuestion) => Promise<boolean>;

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
  /** Today: some rules depend on the date (a fiscal year still running is partial, a date of a filing cannot lie ahead). */
  now: Date;
  /** Physical line numbers for messages (a quoted field may hold line breaks). */
  lines: LineNumbers;
  /** Asks before a load that may lose data (a partial year replacing a full one); absent: go ahead. */
  confirm?: Confirm;
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
  /** The header's columns the layout reads (a column named twice among them cannot be read). */
  columnsRead(layout: Layout): string[];
  /** Loads the registered file, whole, or throws DataLoadError and changes nothing. */
  load(db: SqlEngine, file: CsvFile, layout: Layout): Promise<LoadResult>;
}

/** Loads one of the project's own embedded tables from its source in datasets/ (no header to recognise). */
export interface SourceLoader {
  id: string;
  load(db: SqlEngine, entry: DatasetEntry, file: CsvFile): Promise<Pick<LoadResult, 'changed' | 'rows' | 'summary' | 'warnings'>>;
}
