// Loading datasets into the engine: the embedded ones listed in the manifest, and files a user drops
// in. Files are recognised by their header, not their name.
import type { SqlEngine } from './engine';
import type { DatasetEntry } from './manifest';
import { headerText, readHead, sniffHeader, wholeLines, type HeaderSniff } from './csv-header';
import { recogniseFile, type FileFormat } from './file-formats';
import { dateOrderOfFirstRows, loadHpsaDetail, type HpsaLoadResult } from './hpsa-loader';
import { DataLoadError, describeDuckDbError } from './csv-stage';
import { sqlIdent, sqlString } from './sql';
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
    const head = await readHead(bytes);
    const sniff = sniffHeader(headerText(head, entry.file));
    const format = recogniseFile(entry.file, sniff);
    if (format.kind !== 'hrsa-hpsa-detail')
      throw new DataLoadError(format.kind === 'unknown' ? format.reason : `${entry.file} is not an HRSA HPSA detail file.`);
    // A copy: registering `bytes` below hands their buffer to the engine's worker.
    const firstRows = wholeLines(head);
    await db.registerFile(registeredName, bytes);
    try {
      const csv = { fileName: entry.file, registeredName, header: sniff.fields, trailingDelimiter: sniff.trailingDelimiter };
      const r = await loadHpsaDetail(db, {
        ...csv,
        sourceId: entry.id,
        firstRowsOrder: await dateOrderOfFirstRows(db, { ...csv, firstRows }),
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
 * disclosure file or a USCIS H-1B Employer Data Hub export. DuckDB reads it (and checks that it is
 * UTF-8); the summaries computed from its table are not rebuilt here (the coordinator does that,
 * or refreshSummaries). Throws DataLoadError (naming the file) and leaves every table as it was.
 */
export async function loadUserFile(
  db: SqlEngine,
  source: File | Uint8Array,
  fileName: string,
  options: { now?: Date } = {},
): Promise<LoadedDataset> {
  const head = await readHead(source);
  const sniff = sniffHeader(headerText(head, fileName));
  const format = recogniseFile(fileName, sniff);
  if (format.kind === 'unknown') throw new DataLoadError(format.reason);
  const file = { id: `upload-${++uploadCounter}`, fileName, size: source instanceof Uint8Array ? source.byteLength : source.size };
  return loadRecognised(db, { ...file, source, head, format, sniff, now: options.now ?? new Date() });
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
    head: Uint8Array;
    format: Exclude<FileFormat, { kind: 'unknown' }>;
    sniff: HeaderSniff;
    now: Date;
  },
): Promise<LoadedDataset> {
  const { source, head, fileName, format, sniff, now, id } = opts;
  const registeredName = `${id}.csv`;
  // A copy of the head first: registering a byte array hands its buffer to the engine's worker.
  const firstRows = wholeLines(head);
  await db.registerFile(registeredName, source);
  try {
    const csv = { fileName, registeredName, header: sniff.fields, trailingDelimiter: sniff.trailingDelimiter };
    if (format.kind !== 'hrsa-hpsa-detail') {
      const loaded = await loadMarketUpload(db, format, { ...csv, delimiter: sniff.delimiter, sourceId: id, now });
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
    const r = await loadHpsaDetail(db, { ...csv, sourceId: id, firstRowsOrder: await dateOrderOfFirstRows(db, { ...csv, firstRows }) });
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
