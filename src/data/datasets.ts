// Loading datasets into the engine: the embedded ones listed in the manifest, and files a user drops
// in. Files are recognised by their header, not their name.
import type { SqlEngine } from './engine';
import type { DatasetEntry } from './manifest';
import { isUtf8, readSample, sniffHeader } from './csv-header';
import { recogniseFormat } from './hpsa-format';
import { DataLoadError, describeDuckDbError, loadHpsaDetail } from './hpsa-loader';
import { sqlIdent, sqlString } from './sql';
import { refreshHpsaArea } from './derived';

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
  /** HPSA disciplines the dataset holds (a later upload of the same discipline replaces it). */
  disciplines: string[];
  /** One line a person can read: what was loaded. */
  summary: string;
  warnings: string[];
  replacedBy?: string;
}

let uploadCounter = 0;
const fmt = (n: number) => n.toLocaleString('en-US');

/** Embedded datasets load one after another; the derived tables are built once, after the last (see boot). */
export async function loadEmbedded(db: SqlEngine, entry: DatasetEntry, bytes: Uint8Array): Promise<LoadedDataset> {
  const registeredName = `embedded/${entry.file}`;
  const base = { ...entry, origin: 'embedded' as const, disciplines: [] as string[], warnings: [] as string[] };
  if (entry.loader === 'hpsa-detail') {
    const sniff = sniffHeader(await readSample(bytes));
    const format = recogniseFormat(entry.file, sniff);
    if (format.kind !== 'hrsa-hpsa-detail') throw new DataLoadError(format.reason);
    await db.registerFile(registeredName, bytes);
    try {
      const r = await loadHpsaDetail(db, {
        fileName: entry.file,
        registeredName,
        hasMcta: format.hasMcta,
        sourceId: entry.id,
        header: sniff.fields,
        trailingDelimiter: sniff.trailingDelimiter,
      });
      return {
        ...base,
        rows: r.rows,
        disciplines: r.disciplines,
        warnings: r.warnings,
        summary: `${fmt(r.designations)} designations, ${fmt(r.rows)} rows`,
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

/** A file the user dropped or picked. Throws DataLoadError (naming the file) and leaves every table as it was. */
export async function loadUserFile(db: SqlEngine, source: File | Uint8Array, fileName: string): Promise<LoadedDataset> {
  const sniff = sniffHeader(await readSample(source));
  const format = recogniseFormat(fileName, sniff);
  if (format.kind !== 'hrsa-hpsa-detail') throw new DataLoadError(format.reason);
  // The encoding check reads the file on this thread while DuckDB reads it in its worker; the
  // loaded rows replace nothing until it has passed.
  const utf8 = isUtf8(source);
  const checkEncoding = async () => {
    if (!(await utf8))
      throw new DataLoadError(`${fileName} is not UTF-8 text; nothing was loaded.`, ['Re-save it as "CSV UTF-8" (HRSA publishes UTF-8).']);
  };
  const id = `upload-${++uploadCounter}`;
  const registeredName = `${id}.csv`;
  await db.registerFile(registeredName, source);
  try {
    const r = await loadHpsaDetail(db, {
      fileName,
      registeredName,
      hasMcta: format.hasMcta,
      sourceId: id,
      header: sniff.fields,
      trailingDelimiter: sniff.trailingDelimiter,
      beforeReplace: checkEncoding,
    });
    await refreshHpsaArea(db);
    const [{ snapshot }] = await db.query<{ snapshot: Date | null }>(`SELECT max(record_date) AS snapshot FROM hpsa WHERE source_id = ?`, [
      id,
    ]);
    const size = source instanceof Uint8Array ? source.byteLength : source.size;
    return {
      id,
      title: `Health Professional Shortage Areas — ${r.disciplines.join(', ').toLowerCase()} (your file)`,
      publisher: 'HRSA (Health Resources and Services Administration)',
      vintage: snapshot ? `HRSA data warehouse snapshot of ${snapshot.toISOString().slice(0, 10)}` : 'snapshot date not in the file',
      source: `Your file ${fileName} (${(size / 1e6).toFixed(1)} MB), read in this browser; dates ${r.dateOrderWhy}`,
      license: 'US federal government data, public domain',
      sample: false,
      estimate: false,
      table: 'hpsa',
      origin: 'upload',
      rows: r.rows,
      disciplines: r.disciplines,
      warnings: r.warnings,
      summary: `${fmt(r.designations)} designations, ${fmt(r.rows)} rows (${Object.entries(r.statusCounts)
        .map(([s, n]) => `${s} ${fmt(n)}`)
        .join(', ')})`,
    };
  } finally {
    await db.dropFile(registeredName);
  }
}

/** The dataset list after an upload: datasets whose disciplines the new one covers are marked replaced by it. */
export function withUpload(datasets: readonly LoadedDataset[], added: LoadedDataset): LoadedDataset[] {
  const covered = new Set(added.disciplines);
  const replaced = datasets.map((d) =>
    !d.replacedBy && d.table === added.table && d.disciplines.length && d.disciplines.every((x) => covered.has(x))
      ? { ...d, replacedBy: added.source }
      : d,
  );
  return [...replaced, added];
}
