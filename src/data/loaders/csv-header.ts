// Reads the header of a delimited text file from its first bytes, so a file is recognised by what
// it holds, not by its name, before any SQL runs on it. Only the header line is split here (by
// PapaParse): the rows are DuckDB's to read.
import Papa from 'papaparse';
import { DataLoadError, notUtf8 } from './csv-stage';

export interface HeaderSniff {
  fields: string[];
  delimiter: ',' | ';' | '\t';
  hasBom: boolean;
  /** The header line ends with a delimiter: HRSA's national downloads end every line with a comma. */
  trailingDelimiter: boolean;
  /** The header line as read, for messages about files we do not recognise. */
  firstLine: string;
}

/** The fields of one line, split by PapaParse (quotes and doubled quotes as RFC 4180 has them). */
const fieldsOf = (line: string, delimiter: string): string[] => Papa.parse<string[]>(line, { delimiter }).data[0] ?? [''];

export function sniffHeader(sample: string): HeaderSniff {
  const hasBom = sample.charCodeAt(0) === 0xfeff;
  const text = hasBom ? sample.slice(1) : sample;
  const end = text.search(/\r?\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  const counts = ([',', ';', '\t'] as const).map((d) => [d, fieldsOf(firstLine, d).length] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const raw = fieldsOf(firstLine, delimiter).map((f) => f.trim());
  const trailingDelimiter = raw.length > 1 && raw[raw.length - 1] === '';
  return { fields: trailingDelimiter ? raw.slice(0, -1) : raw, delimiter, hasBom, trailingDelimiter, firstLine };
}

/** The first `bytes` of a File or byte array (enough to hold any header row and the first rows). */
export async function readHead(source: File | Uint8Array, bytes = 64 * 1024): Promise<Uint8Array> {
  return source instanceof Uint8Array ? source.subarray(0, bytes) : new Uint8Array(await source.slice(0, bytes).arrayBuffer());
}

/** A copy of the head up to its last line end: whole lines only, for reading the first rows on their own. */
export function wholeLines(head: Uint8Array): Uint8Array {
  return head.slice(0, head.lastIndexOf(10) + 1);
}

/**
 * The header line of a head (readHead), as text. Its bytes must be UTF-8 (the rows' are checked by
 * DuckDB as it reads them: see csv-stage's refuseRejectedLines).
 */
export function headerText(head: Uint8Array, fileName: string): string {
  const kind = binaryKind(head);
  if (kind)
    throw new DataLoadError(`${fileName} is ${kind}, not a CSV file; nothing was loaded and the data already loaded is unchanged.`, [
      'Open it and save it as “CSV UTF-8 (comma delimited)”, or download the CSV file the agency publishes.',
    ]);
  const end = head.indexOf(10);
  try {
    // No line end in the head: a longer header, perhaps cut inside a character (`stream` allows that).
    return new TextDecoder('utf-8', { fatal: true }).decode(end < 0 ? head : head.subarray(0, end), { stream: end < 0 });
  } catch {
    throw notUtf8(fileName, 1);
  }
}

/** Files people rename to .csv, by their first bytes: named, instead of being called the wrong encoding. */
const SIGNATURES: readonly [bytes: readonly number[], kind: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook (.xlsx) or another ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an older Excel workbook (.xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
];

function binaryKind(head: Uint8Array): string | null {
  return SIGNATURES.find(([bytes]) => bytes.every((b, i) => head[i] === b))?.[1] ?? null;
}

/** A column name the header gives more than once (DuckDB compares names without case). */
export interface RepeatedColumn {
  name: string;
  /** 1-based positions in the header. */
  positions: number[];
}

/**
 * The header with every repeat of a name made unique ("X (column 9)"), so DuckDB can read the file
 * (it refuses a header with a name twice), and the names repeated. The first of each keeps its name.
 */
export function distinctColumns(fields: readonly string[]): { fields: string[]; repeated: RepeatedColumn[] } {
  const seen = new Map<string, RepeatedColumn>();
  const taken = new Set(fields.map((f) => f.toLowerCase()));
  const out = fields.map((name, i) => {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { name, positions: [i + 1] });
      return name;
    }
    first.positions.push(i + 1);
    let renamed = `${name} (column ${i + 1})`;
    while (taken.has(renamed.toLowerCase())) renamed += "'";
    taken.add(renamed.toLowerCase());
    return renamed;
  });
  return { fields: out, repeated: [...seen.values()].filter((r) => r.positions.length > 1) };
}
