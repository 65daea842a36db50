// Every loader, and the two ways data comes in: a file the user drops or picks, recognised by its
// header (never its name), and the embedded datasets' sources (datasets/manifest.json, built into
// the shipped tables by tools/build-embedded.mjs). A new federal format is one module exporting a
// FileLoader (loader.ts) and one line in FILE_LOADERS.
import type { SqlEngine } from '../engine/engine';
import type { Confirm, CsvFile, FileLoader, LoadResult, SourceLoader } from './loader';
import type { DatasetEntry } from './manifest';
import type { LoadedDataset } from './dataset';
import { distinctColumns, headerText, readHead, sniffHeader, wholeLines, type HeaderSniff, type RepeatedColumn } from './csv-header';
import { DataLoadError } from './csv-stage';
import { fileLines } from './csv-lines';
import { sqlIdent } from '../engine/sql';
import { hrsaHpsaDetail } from './hrsa-hpsa-detail';
import { dolLca } from './dol-lca';
import { uscisH1b } from './uscis-h1b';
import { marketSummary } from './market-summary';
import { table } from './table';

/** The federal formats an upload may be, tried in this order. */
export const FILE_LOADERS: readonly FileLoader<unknown>[] = [hrsaHpsaDetail, dolLca, uscisH1b];

/** Loaders of the project's own tables, named by the manifest like the file loaders. */
export const SOURCE_LOADERS: readonly SourceLoader[] = [table, marketSummary];

/** The loader that reads this file, and how; or DataLoadError saying what it is and what was expected. */
export function recogniseFile(sniff: HeaderSniff, fileName: string): { loader: FileLoader<unknown>; layout: unknown } {
  for (const loader of FILE_LOADERS) {
    const r = loader.recognise(sniff, fileName);
    if (!r) continue;
    if ('refused' in r) throw new DataLoadError(r.refused);
    return { loader, layout: r.layout };
  }
  const found = sniff.fields
    .slice(0, 6)
    .map((f) => `"${f}"`)
    .join(', ');
  const expected = FILE_LOADERS.map((l) => l.expected);
  throw new DataLoadError(
    `${fileName} is not a file this app reads. Expected ${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}; found a header starting ${found || '(empty)'}${sniff.fields.length > 6 ? ` … (${sniff.fields.length} columns)` : ''}.`,
  );
}

let uploadCounter = 0;

/** A loaded dataset, and every table its load changed (for the coordinator: coordinator.dataChanged). */
export interface Loaded {
  dataset: LoadedDataset;
  changed: string[];
  /**
   * Rows each dataset (by id: its rows' source_id) still has in the dataset's table after the load:
   * a dataset with none left was replaced, one with fewer partly (withUpload).
   */
  remaining: Record<string, number>;
}

/** Reads the header, registers the file with the engine and runs `load` on it; drops the file after. */
async function withCsvFile<T>(
  db: SqlEngine,
  source: File | Uint8Array,
  fileName: string,
  context: { sourceId: string; now: Date; confirm?: Confirm },
  load: (file: CsvFile, sniff: HeaderSniff, repeated: RepeatedColumn[]) => Promise<T>,
): Promise<T> {
  const head = await readHead(source);
  const read = sniffHeader(headerText(head, fileName));
  // DuckDB refuses a header with a name twice: repeats get a name of their own (see `repeatedColumns`).
  const { fields, repeated } = distinctColumns(read.fields);
  const sniff = { ...read, fields };
  // A copy of the first lines: registering a byte array hands its buffer to the engine's worker.
  const firstRows = wholeLines(head);
  const registeredName = `${context.sourceId}.csv`;
  const lines = fileLines(db, registeredName);
  const file: CsvFile = {
    fileName,
    registeredName,
    header: sniff.fields,
    trailingDelimiter: sniff.trailingDelimiter,
    delimiter: sniff.delimiter,
    firstRows,
    lines,
    ...context,
  };
  await db.registerFile(registeredName, source);
  try {
    return await load(file, sniff, repeated);
  } finally {
    await lines.drop();
    await db.dropFile(registeredName);
  }
}

/**
 * A column named twice that the loader reads refuses the file (which of the two holds the data?);
 * one it does not read is only mentioned.
 */
function repeatedColumns(repeated: RepeatedColumn[], read: string[], fileName: string): string[] {
  const readKeys = new Set(read.map((c) => c.toLowerCase()));
  const where = (r: RepeatedColumn) => `"${r.name}" ${r.positions.length} times (columns ${r.positions.join(', ')})`;
  const clash = repeated.filter((r) => readKeys.has(r.name.toLowerCase()));
  if (clash.length) {
    throw new DataLoadError(
      `${fileName}: line 1 (the header) names ${clash.map(where).join(' and ')}; the app reads that column and cannot tell which one holds the data. Rename or delete the extra column, then load the file again. Nothing was loaded and the data already loaded is unchanged.`,
    );
  }
  return repeated.map((r) => `line 1 (the header) names ${where(r)}: the app does not read that column, so the file was loaded`);
}

/** Rows per source in `table` after a load. */
async function rowsBySource(db: SqlEngine, table: string): Promise<Record<string, number>> {
  const rows = await db.query<{ source_id: string; n: number }>(
    `SELECT source_id, count(*)::INTEGER AS n FROM ${sqlIdent(table)} GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.source_id, r.n]));
}

/**
 * A file the user dropped or picked: recognised by its header, read by DuckDB (which also checks
 * that it is UTF-8) and loaded whole, or refused with DataLoadError naming the file, every table as
 * it was. The summaries computed from the changed tables are the coordinator's to rebuild.
 * `confirm` is asked before a load that may lose data (LoadDeclined when the answer is no).
 */
export async function loadUserFile(
  db: SqlEngine,
  source: File | Uint8Array,
  fileName: string,
  options: { now?: Date; confirm?: Confirm } = {},
): Promise<Loaded> {
  const id = `upload-${++uploadCounter}`;
  const bytes = source instanceof Uint8Array ? source.byteLength : source.size;
  const context = { sourceId: id, now: options.now ?? new Date(), confirm: options.confirm };
  return withCsvFile(db, source, fileName, context, async (file, sniff, repeated) => {
    const { loader, layout } = recogniseFile(sniff, fileName);
    const headerNotes = repeatedColumns(repeated, loader.columnsRead(layout), fileName);
    const r = await loader.load(db, file, layout);
    return {
      changed: r.changed,
      remaining: await rowsBySource(db, r.table),
      dataset: {
        ...described(r),
        warnings: [...headerNotes, ...r.warnings],
        id,
        title: `${r.title} (your file)`,
        source: `Your file ${fileName} (${(bytes / 1e6).toFixed(1)} MB), read in this browser. ${r.source}`,
        license: 'US federal government data, public domain',
        sample: false,
        estimate: false,
        origin: 'upload',
        format: loader.id,
        file: { name: fileName, bytes },
      },
    };
  });
}

/** What a dataset takes from its load result, whoever describes it. */
const described = (r: LoadResult) => ({
  publisher: r.publisher,
  vintage: r.vintage,
  table: r.table,
  parts: r.parts,
  rows: r.rows,
  rowsRead: r.rowsRead,
  dropped: r.dropped,
  summary: r.summary,
  warnings: r.warnings,
});

/** Every loader id the manifest may name. */
export const LOADER_IDS: readonly string[] = [...FILE_LOADERS.map((l) => l.id), ...SOURCE_LOADERS.map((l) => l.id)];

/**
 * An embedded dataset's source (datasets/), by the loader its manifest entry names. Its provenance
 * is the manifest's; a federal file must still be recognised as the format it is said to be.
 */
export async function loadSource(db: SqlEngine, entry: DatasetEntry, bytes: Uint8Array): Promise<Loaded> {
  const provenance = {
    id: entry.id,
    title: entry.title,
    publisher: entry.publisher,
    vintage: entry.vintage,
    source: entry.source,
    license: entry.license,
    sample: entry.sample,
    estimate: entry.estimate,
    ...(entry.coverage ? { coverage: entry.coverage } : {}),
    origin: 'embedded' as const,
    format: entry.loader,
  };
  return withCsvFile(db, bytes, entry.file, { sourceId: entry.id, now: new Date() }, async (file, sniff, repeated) => {
    if (repeated.length) throw new DataLoadError(`${entry.file}: ${repeatedColumns(repeated, [], entry.file).join('; ')}`);
    const own = SOURCE_LOADERS.find((l) => l.id === entry.loader);
    if (own) {
      const r = await own.load(db, entry, file);
      return {
        changed: r.changed,
        remaining: {},
        dataset: {
          ...provenance,
          table: entry.table,
          parts: entry.parts ?? [],
          rows: r.rows,
          dropped: [],
          summary: r.summary,
          warnings: r.warnings,
        },
      };
    }
    const loader = FILE_LOADERS.find((l) => l.id === entry.loader);
    if (!loader)
      throw new DataLoadError(`datasets/manifest.json: ${entry.id} names no loader "${entry.loader}" (one of ${LOADER_IDS.join(', ')})`);
    const recognised = recogniseFile(sniff, entry.file);
    if (recognised.loader !== loader) throw new DataLoadError(`${entry.file} is not ${loader.expected}.`);
    const r = await loader.load(db, file, recognised.layout);
    return {
      changed: r.changed,
      remaining: await rowsBySource(db, r.table),
      dataset: { ...provenance, ...described(r), parts: entry.parts ?? r.parts },
    };
  });
}
