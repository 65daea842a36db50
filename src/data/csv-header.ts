// Reads the header of a delimited text file from its first bytes, so a file is recognised by what
// it holds, not by its name, before any SQL runs on it.
import { Utf8Check } from './utf8';

export interface HeaderSniff {
  fields: string[];
  delimiter: ',' | ';' | '\t';
  hasBom: boolean;
  /** The header line ends with a delimiter: HRSA's national downloads end every line with a comma. */
  trailingDelimiter: boolean;
  /** The header line as read, for messages about files we do not recognise. */
  firstLine: string;
}

export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

export function sniffHeader(sample: string): HeaderSniff {
  const hasBom = sample.charCodeAt(0) === 0xfeff;
  const text = hasBom ? sample.slice(1) : sample;
  const end = text.search(/\r?\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  const counts = ([',', ';', '\t'] as const).map((d) => [d, splitCsvLine(firstLine, d).length] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const raw = splitCsvLine(firstLine, delimiter).map((f) => f.trim());
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
 * Whether the whole file is valid UTF-8. DuckDB's reader is told the file's layout (no sniffing, see
 * hpsa-loader), so the encoding is checked here, streaming, without holding the file in memory.
 * `alsoRead` gets each chunk too (one pass over the file for everything read from it in JS).
 */
export async function isUtf8(source: File | Uint8Array, alsoRead?: (chunk: Uint8Array) => void): Promise<boolean> {
  const check = new Utf8Check();
  for await (const chunk of chunksOf(source)) {
    if (!check.push(chunk)) return false;
    alsoRead?.(chunk);
  }
  return check.end();
}

/**
 * The bytes in pieces as they arrive: a File through its stream, which the browser reads ahead
 * while a piece is checked (asking for one slice at a time waited on each read).
 */
async function* chunksOf(source: File | Uint8Array): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += PIECE) yield source.subarray(at, at + PIECE);
    return;
  }
  const reader = source.stream().getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if ((done = next.done)) return;
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel();
  }
}

const PIECE = 4 << 20;
