// Loading datasets into the engine: the embedded ones listed in the manifest, and files a user drops
// in. Files are recognised by their header, not their name.
import type { SqlEngine } from './engine';
import type { DatasetEntry } from './manifest';
import { isUtf8, readHead, sniffHeader, type HeaderSniff } from './csv-header';
import { recogniseFile, type FileFormat } from './file-formats';
import {
  dateOrderOfFirstRows,
  loadedDisciplines,
  loadHpsaDetail,
  typedLoadResult,
  type DateOrderDecision,
  type HpsaLoadResult,
  type LoadSummary,
} from './hpsa-loader';
import { MapSourceReader, mirroredCounts, mirrorsLoad } from './hpsa-map-source';
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
  /** The id of the upload that replaced it. */
  replacedBy?: string;
}

let uploadCounter = 0;
const fmt = (n: number) => n.toLocaleString('en-US');

/** "1,328 designations (designated 611, withdrawn 717) in 7,441 component rows": designations by status, then rows. */
const designationSummary = (r: Pick<HpsaLoadResult, 'rows' | 'designations' | 'designationsByStatus'>, rows: string) =>
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
        firstRowsOrder: dateOrderOfFirstRows({ head, header: sniff.fields, trailingDelimiter: sniff.trailingDelimiter }),
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
  const { dataset, derive, engineLoad } = await readUserFile(db, source, fileName, options);
  const refused = await engineLoad;
  if (refused) throw refused;
  await derive();
  return dataset;
}

/** What readUserFile gives back. */
export interface UserFileRead {
  dataset: LoadedDataset;
  /** Rebuilds the tables derived from the file's (hpsa_area); queries sent after it run after it. */
  derive: () => Promise<void>;
  /**
   * The source columns of local tables (local-tables.ts), read from the file in JavaScript, so the
   * map need not ask the engine for them.
   */
  localSources?: Record<string, LocalTable>;
  /**
   * Set when the file was counted ahead of the engine (from the columns read in JavaScript, see
   * hpsa-map-source), while the engine still reads it: resolves null once the engine holds exactly
   * the rows counted, or with the reason it did not take them (its tables then unchanged).
   */
  engineLoad?: Promise<Error | null>;
}

/**
 * loadUserFile in two steps: the file's rows replace the old ones, then `derive()` rebuilds the
 * tables derived from them (hpsa_area). The app redraws its views in between, from the local sources
 * when it has them. An HRSA file read in JavaScript as the engine would read it is returned before the
 * engine has finished (see `engineLoad`).
 */
export async function readUserFile(
  db: SqlEngine,
  source: File | Uint8Array,
  fileName: string,
  options: { now?: Date } = {},
): Promise<UserFileRead> {
  const head = await readHead(source);
  const sniff = sniffHeader(new TextDecoder().decode(head));
  const format = recogniseFile(fileName, sniff);
  if (format.kind === 'unknown') throw new DataLoadError(format.reason);
  const file = { id: `upload-${++uploadCounter}`, fileName, size: source instanceof Uint8Array ? source.byteLength : source.size };
  // The file is read on this thread while DuckDB reads it in its worker: the encoding check, and
  // for an HPSA file the map's columns; the loaded rows replace nothing until the check has passed.
  const { fields: header, trailingDelimiter } = sniff;
  const order = format.kind === 'hrsa-hpsa-detail' ? dateOrderOfFirstRows({ head, header, trailingDelimiter }) : null;
  const mirror = order ? new MapSourceReader({ header, trailingDelimiter, dateOrder: order.order }) : null;
  // Asked before the engine's read: a file can be counted ahead only if it covers every discipline loaded.
  const disciplines = mirror ? loadedDisciplines(db).catch(() => null) : null;
  let mapSource: LocalTable | null = null;
  const utf8 = isUtf8(source, mirror ? (chunk) => mirror.push(chunk) : undefined).then((ok) => {
    mapSource = (ok && mirror?.end()) || null;
    return ok;
  });
  // The load's counts from the mirrored columns, when they are all the engine's load would report.
  const ahead = utf8.then(async (ok) => {
    const counts = ok && mapSource ? mirroredCounts(mapSource) : null;
    const loaded = counts && (await disciplines);
    return loaded && loaded.every((d) => counts.disciplines.includes(d)) ? counts : null;
  });
  const checkEncoding = async () => {
    if (!(await utf8))
      throw new DataLoadError(`${fileName} is not UTF-8 text; nothing was loaded and the data already loaded is unchanged.`, [
        'Re-save it as "CSV UTF-8" (the federal agencies publish UTF-8); a file saved in a Windows or Latin-1 encoding turns accented letters and dashes into unreadable bytes.',
      ]);
  };
  // Before the engine's rows replace anything: the file is UTF-8 and, if it was counted ahead, the
  // engine read it as mirrored (the typed read) and counted the same.
  const beforeReplace = async (counts?: LoadSummary & { read: HpsaLoadResult['read'] }) => {
    await checkEncoding();
    const expected = await ahead;
    if (expected && counts && (counts.read !== 'typed' || !mirrorsLoad(expected, counts)))
      throw new DataLoadError(
        `${fileName}: the query engine did not read the file as the quick read in this page did; nothing was loaded and the data already loaded is unchanged.`,
        [`query engine: ${designationSummary(counts, 'rows')}`, `quick read: ${designationSummary(expected, 'rows')}`],
      );
  };
  // On two cores the engine's read and this thread's read of the same file compete for them, and the
  // views wait for this one only: the engine then starts once this one is done (with more, at once).
  const engineMayStart = mirror && (globalThis.navigator?.hardwareConcurrency ?? 1) <= 2 ? utf8 : null;
  const loading = Promise.resolve(engineMayStart).then(() =>
    loadRecognised(db, { ...file, source, firstRowsOrder: order, format, sniff, beforeReplace, now: options.now ?? new Date() }),
  );
  try {
    // The engine cannot finish first: it waits for the JavaScript read before replacing anything.
    const counted = await Promise.race([ahead, loading.then(() => null)]);
    if (counted) {
      const engineLoad = loading.then(
        () => null,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      );
      return {
        dataset: hpsaDataset(typedLoadResult({ ...counted, keptRows: 0 }, order!), file),
        derive: () => engineLoad.then((refused) => (refused ? undefined : refreshHpsaArea(db))),
        localSources: { [HPSA_AREA_TABLE]: mapSource! },
        engineLoad,
      };
    }
    const dataset = await loading;
    return { dataset, derive: () => (dataset.table === HPSA_TABLE ? refreshHpsaArea(db) : Promise.resolve()) };
  } catch (e) {
    // DuckDB refuses the lines with bytes that are not UTF-8 before the check above has its say.
    await checkEncoding();
    throw e;
  }
}

/** The uploaded file: its dataset id, name and size. */
interface UploadedFile {
  id: string;
  fileName: string;
  size: number;
}

const fileSource = (f: UploadedFile) => `Your file ${f.fileName} (${(f.size / 1e6).toFixed(1)} MB), read in this browser`;

async function loadRecognised(
  db: SqlEngine,
  opts: UploadedFile & {
    source: File | Uint8Array;
    firstRowsOrder: DateOrderDecision | null;
    format: Exclude<FileFormat, { kind: 'unknown' }>;
    sniff: HeaderSniff;
    beforeReplace: (counts?: LoadSummary & { read: HpsaLoadResult['read'] }) => Promise<void>;
    now: Date;
  },
): Promise<LoadedDataset> {
  const { source, firstRowsOrder, fileName, format, sniff, beforeReplace, now, id } = opts;
  const registeredName = `${id}.csv`;
  await db.registerFile(registeredName, source);
  try {
    const csv = { fileName, registeredName, header: sniff.fields, trailingDelimiter: sniff.trailingDelimiter };
    if (format.kind !== 'hrsa-hpsa-detail') {
      const loaded = await loadMarketUpload(db, format, { ...csv, delimiter: sniff.delimiter, sourceId: id, now, beforeReplace });
      return {
        id,
        ...loaded,
        source: `${fileSource(opts)}. ${loaded.source}`,
        license: 'US federal government data, public domain',
        sample: false,
        estimate: false,
        origin: 'upload',
      };
    }
    const r = await loadHpsaDetail(db, { ...csv, sourceId: id, firstRowsOrder, beforeReplace });
    return hpsaDataset(r, opts);
  } finally {
    await db.dropFile(registeredName);
  }
}

/** An uploaded HRSA file's dataset, from its load result. */
function hpsaDataset(r: HpsaLoadResult, file: UploadedFile): LoadedDataset {
  return {
    id: file.id,
    title: `Health Professional Shortage Areas — ${r.disciplines.join(', ').toLowerCase()} (your file)`,
    publisher: 'HRSA (Health Resources and Services Administration)',
    vintage: r.snapshot ? `HRSA data warehouse snapshot of ${r.snapshot}` : 'snapshot date not in the file',
    source: `${fileSource(file)}; dates ${r.dateOrderWhy}`,
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
}
