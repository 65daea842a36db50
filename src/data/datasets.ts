// Loading datasets into the engine: the embedded ones listed in the manifest, and files a user drops
// in. Files are recognised by their header, not their name.
import type { SqlEngine } from './engine';
import type { DatasetEntry } from './manifest';
import { isUtf8, readHead, sniffHeader, type HeaderSniff } from './csv-header';
import { recogniseFile, type FileFormat } from './file-formats';
import { dateOrderOfFirstRows, loadHpsaDetail, type HpsaLoadResult } from './hpsa-loader';
import { MapSourceReader, mirrorsLoad } from './hpsa-map-source';
import type { LocalTable } from './local-table';
import { DataLoadError, describeDuckDbError } from './csv-stage';
import { sqlIdent, sqlString } from './sql';
import { HPSA_AREA_TABLE, refreshHpsaArea } from './derived';
import { HPSA_TABLE } from './hpsa-schema';
import { loadMarketSummary, loadMarketUpload } from './market/market-datasets';

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
  rows: number;
  /**
   * The parts of its table the dataset holds — HPSA disciplines, DOL filings, USCIS fiscal years: a
   * later upload holding all of them replaces it.
   */
  parts: string[];
  /** One line a person can read: what was loaded. */
  summary: string;
  warnings: string[];
  replacedBy?: string;
}

let uploadCounter = 0;
const fmt = (n: number) => n.toLocaleString('en-US');

/** "1,328 designations (designated 611, withdrawn 717) in 7,441 component rows": designations by status, then rows. */
const designationSummary = (r: HpsaLoadResult, rows: string) =>
  `${fmt(r.designations)} designation${r.designations === 1 ? '' : 's'} (${Object.entries(r.designationsByStatus)
    .map(([s, n]) => `${s.toLowerCase()} ${fmt(n)}`)
    .join(', ')}) in ${fmt(r.rows)} ${rows}`;

/** Embedded datasets load one after another; the derived tables are built once, after the last (see boot). */
export async function loadEmbedded(db: SqlEngine, entry: DatasetEntry, bytes: Uint8Array): Promise<LoadedDataset> {
  const registeredName = `embedded/${entry.file}`;
  const base = { ...entry, origin: 'embedded' as const, parts: entry.parts ?? [], warnings: [] as string[] };
  if (entry.loader === 'market-summary') {
    await db.registerFile(registeredName, bytes);
    try {
      const rows = await loadMarketSummary(db, { table: entry.table, registeredName, sourceId: entry.id });
      return { ...base, rows, summary: `${fmt(rows)} rows` };
    } finally {
      await db.dropFile(registeredName);
    }
  }
  if (entry.loader === 'hpsa-detail') {
    // A copy: registering `bytes` below hands their buffer to the engine's worker.
    const head = (await readHead(bytes)).slice();
    const sniff = sniffHeader(new TextDecoder().decode(head));
    const format = recogniseFile(entry.file, sniff);
    if (format.kind !== 'hrsa-hpsa-detail')
      throw new DataLoadError(format.kind === 'unknown' ? format.reason : `${entry.file} is not an HRSA HPSA detail file.`);
    await db.registerFile(registeredName, bytes);
    try {
      const r = await loadHpsaDetail(db, {
        fileName: entry.file,
        registeredName,
        sourceId: entry.id,
        header: sniff.fields,
        trailingDelimiter: sniff.trailingDelimiter,
        head,
      });
      return {
        ...base,
        rows: r.rows,
        parts: r.disciplines,
        warnings: r.warnings,
        summary: designationSummary(r, 'designation × county rows'),
      };
    } finally {
      await db.dropFile(registeredName);
    }
  }
  await db.registerFile(registeredName, bytes);
  try {
    const types = entry.types
      ? `, types = {${Object.entries(entry.types)
          .map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`)
          .join(', ')}}`
      : '';
    await db.query(
      `CREATE OR REPLACE TABLE ${sqlIdent(entry.table)} AS SELECT * FROM read_csv(${sqlString(registeredName)}, header = true${types})`,
    );
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sqlIdent(entry.table)}`);
    return { ...base, rows: n, summary: `${fmt(n)} rows` };
  } catch (e) {
    if (e instanceof DataLoadError) throw e;
    throw new DataLoadError(`${entry.file} could not be loaded.`, [describeDuckDbError(e)]);
  } finally {
    await db.dropFile(registeredName);
  }
}

/**
 * A file the user dropped or picked, recognised by its header: an HRSA HPSA detail file, a DOL LCA
 * disclosure file or a USCIS H-1B Employer Data Hub export. Throws DataLoadError (naming the file)
 * and leaves every table as it was.
 */
export async function loadUserFile(
  db: SqlEngine,
  source: File | Uint8Array,
  fileName: string,
  options: { now?: Date } = {},
): Promise<LoadedDataset> {
  const { dataset, derive } = await readUserFile(db, source, fileName, options);
  await derive();
  return dataset;
}

/** What readUserFile reads from the file in JavaScript besides the engine's read. */
export interface ReadOptions {
  now?: Date;
  /**
   * Called with local tables' source columns read from the file, as soon as they are (while the
   * engine still reads and checks it): for work that can start early. They are the file's only if
   * readUserFile returns them as `localSources`.
   */
  whileLoading?: (sources: Record<string, LocalTable>) => void;
}

/**
 * loadUserFile in two steps: the file's rows replace the old ones, then `derive()` rebuilds the
 * tables derived from them (hpsa_area). The app asks the engine for its map's copy in between, so
 * the map redraws while DuckDB rebuilds its own; queries sent after derive() run after it.
 * `localSources`: the source columns of local tables (local-tables.ts), already read from the file
 * in JavaScript, so the map need not ask the engine for them.
 */
export async function readUserFile(
  db: SqlEngine,
  source: File | Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<{ dataset: LoadedDataset; derive: () => Promise<void>; localSources?: Record<string, LocalTable> }> {
  const head = await readHead(source);
  const sniff = sniffHeader(new TextDecoder().decode(head));
  const format = recogniseFile(fileName, sniff);
  if (format.kind === 'unknown') throw new DataLoadError(format.reason);
  // The file is read on this thread while DuckDB reads it in its worker: the encoding check, and
  // for an HPSA file the map's columns; the loaded rows replace nothing until the check has passed.
  const { fields: header, trailingDelimiter } = sniff;
  const order = format.kind === 'hrsa-hpsa-detail' && dateOrderOfFirstRows({ head, header, trailingDelimiter });
  const mirror = order ? new MapSourceReader({ header, trailingDelimiter, dateOrder: order.order }) : null;
  let mapSource: LocalTable | null = null;
  const utf8 = isUtf8(source, mirror ? (chunk) => mirror.push(chunk) : undefined).then((ok) => {
    mapSource = (ok && mirror?.end()) || null;
    if (mapSource) options.whileLoading?.({ [HPSA_AREA_TABLE]: mapSource });
    return ok;
  });
  const checkEncoding = async () => {
    if (!(await utf8))
      throw new DataLoadError(`${fileName} is not UTF-8 text; nothing was loaded and the data already loaded is unchanged.`, [
        'Re-save it as "CSV UTF-8" (the federal agencies publish UTF-8); a file saved in a Windows or Latin-1 encoding turns accented letters and dashes into unreadable bytes.',
      ]);
  };
  try {
    const { dataset, counts } = await loadRecognised(db, {
      source,
      head,
      fileName,
      format,
      sniff,
      checkEncoding,
      now: options.now ?? new Date(),
    });
    const derive = () => (dataset.table === HPSA_TABLE ? refreshHpsaArea(db) : Promise.resolve());
    // Only the typed read is mirrored (the careful one may read some values differently).
    const mirrored = counts?.read === 'typed' && mapSource !== null && mirrorsLoad(mapSource, counts);
    return { dataset, derive, ...(mirrored ? { localSources: { [HPSA_AREA_TABLE]: mapSource! } } : {}) };
  } catch (e) {
    // DuckDB refuses the lines with bytes that are not UTF-8 before the check above has its say.
    await checkEncoding();
    throw e;
  }
}

async function loadRecognised(
  db: SqlEngine,
  opts: {
    source: File | Uint8Array;
    head: Uint8Array;
    fileName: string;
    format: Exclude<FileFormat, { kind: 'unknown' }>;
    sniff: HeaderSniff;
    checkEncoding: () => Promise<void>;
    now: Date;
  },
): Promise<{ dataset: LoadedDataset; counts?: HpsaLoadResult }> {
  const { source, head, fileName, format, sniff, checkEncoding, now } = opts;
  const id = `upload-${++uploadCounter}`;
  const registeredName = `${id}.csv`;
  const size = source instanceof Uint8Array ? source.byteLength : source.size;
  await db.registerFile(registeredName, source);
  try {
    if (format.kind !== 'hrsa-hpsa-detail') {
      const csv = {
        fileName,
        registeredName,
        header: sniff.fields,
        trailingDelimiter: sniff.trailingDelimiter,
        delimiter: sniff.delimiter,
      };
      const loaded = await loadMarketUpload(db, format, { ...csv, sourceId: id, now, beforeReplace: checkEncoding });
      const dataset: LoadedDataset = {
        id,
        ...loaded,
        source: `Your file ${fileName} (${(size / 1e6).toFixed(1)} MB), read in this browser. ${loaded.source}`,
        license: 'US federal government data, public domain',
        sample: false,
        estimate: false,
        origin: 'upload',
      };
      return { dataset };
    }
    return await loadHpsaUpload(db, {
      fileName,
      registeredName,
      id,
      size,
      header: sniff.fields,
      trailingDelimiter: sniff.trailingDelimiter,
      head,
      checkEncoding,
    });
  } finally {
    await db.dropFile(registeredName);
  }
}

async function loadHpsaUpload(
  db: SqlEngine,
  opts: {
    fileName: string;
    registeredName: string;
    id: string;
    size: number;
    header: string[];
    trailingDelimiter: boolean;
    head: Uint8Array;
    checkEncoding: () => Promise<void>;
  },
): Promise<{ dataset: LoadedDataset; counts: HpsaLoadResult }> {
  const { fileName, registeredName, id, size, checkEncoding } = opts;
  const r = await loadHpsaDetail(db, {
    fileName,
    registeredName,
    sourceId: id,
    header: opts.header,
    trailingDelimiter: opts.trailingDelimiter,
    head: opts.head,
    beforeReplace: checkEncoding,
  });
  const dataset: LoadedDataset = {
    id,
    title: `Health Professional Shortage Areas — ${r.disciplines.join(', ').toLowerCase()} (your file)`,
    publisher: 'HRSA (Health Resources and Services Administration)',
    vintage: r.snapshot ? `HRSA data warehouse snapshot of ${r.snapshot}` : 'snapshot date not in the file',
    source: `Your file ${fileName} (${(size / 1e6).toFixed(1)} MB), read in this browser; dates ${r.dateOrderWhy}`,
    license: 'US federal government data, public domain',
    sample: false,
    estimate: false,
    table: 'hpsa',
    origin: 'upload',
    rows: r.rows,
    parts: r.disciplines,
    warnings: r.warnings,
    summary: designationSummary(r, 'component rows'),
  };
  return { dataset, counts: r };
}

/** The dataset list after an upload: datasets whose parts the new one covers are marked replaced by it. */
export function withUpload(datasets: readonly LoadedDataset[], added: LoadedDataset): LoadedDataset[] {
  const covered = new Set(added.parts);
  const replaced = datasets.map((d) =>
    !d.replacedBy && d.table === added.table && d.parts.length && d.parts.every((x) => covered.has(x))
      ? { ...d, replacedBy: added.source }
      : d,
  );
  return [...replaced, added];
}
