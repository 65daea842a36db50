// The date evidence (date-order.ts) of a file's first rows, read in JavaScript from the head that is
// already in memory: deciding the order before the read then costs no round trips to the engine.
// Anything this reader is unsure of (a line that is not plain CSV, bytes that are not UTF-8) gives
// null, and the load takes the careful read, which decides from every date and names bad lines.
import type { DateEvidence } from './date-order';
import { wholeLines } from './csv-header';

export interface HeadDateColumns {
  /** The file's columns (trimmed, as sniffed) and whether lines end with an extra comma. */
  header: string[];
  trailingDelimiter: boolean;
  /** The date columns, the warehouse date among them, and its MM/DD/YYYY text companion. */
  dates: string[];
  recordDate: string;
  recordDateText: string;
}

// The loader's placeholders for "no value" (hpsa-loader's `code`), after trimming spaces.
const PLACEHOLDERS = new Set(['', 'XXXXX', 'XXX', 'NA', 'N/A', 'POINT']);
const SLASH_DATE = /^[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}$/;
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** Spaces trimmed from both ends as DuckDB's trim() does: Unicode space separators (NBSP too), not tabs or line breaks. */
const trimSpaces = (s: string) => s.replace(/^\p{Zs}+|\p{Zs}+$/gu, '');
const code = (s: string) => {
  const t = trimSpaces(s);
  return PLACEHOLDERS.has(t) ? null : t;
};

export function headDateEvidence(head: Uint8Array, cols: HeadDateColumns): DateEvidence | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(wholeLines(head));
  } catch {
    return null;
  }
  const records = csvRecords(text);
  const width = cols.header.length + (cols.trailingDelimiter ? 1 : 0);
  const at = (name: string) => cols.header.indexOf(name);
  const dateAt = cols.dates.map(at);
  const [recordAt, textAt] = [at(cols.recordDate), at(cols.recordDateText)];
  if (!records || dateAt.includes(-1) || recordAt < 0 || textAt < 0) return null;
  const e: DateEvidence = { firstOver12: 0, secondOver12: 0, iso: 0, total: 0, sameAsMdyText: 0, swappedFromMdyText: 0 };
  for (const fields of records.slice(1)) {
    if (fields.length !== width) return null;
    for (const i of dateAt) {
      const raw = code(fields[i]);
      if (raw === null) continue;
      e.total++;
      if (ISO_DATE.test(raw)) e.iso++;
      if (SLASH_DATE.test(raw)) {
        const [first, second] = raw.split('/').map(Number);
        if (first > 12) e.firstOver12++;
        if (second > 12) e.secondOver12++;
      }
    }
    const recorded = code(fields[recordAt]);
    const written = trimSpaces(fields[textAt]) || null;
    if (recorded === null || written === null) continue;
    if (recorded === written) e.sameAsMdyText++;
    else if (recorded.replace(/^([0-9]{1,2})\/([0-9]{1,2})\//, '$2/$1/') === written) e.swappedFromMdyText++;
  }
  return e;
}

/**
 * Comma-separated records with double-quoted fields ("" for a quote inside one), each ending in LF or
 * CRLF. Null for anything else: a quote inside an unquoted field, text after a closing quote, a lone
 * CR, an unclosed quote.
 */
function csvRecords(text: string): string[][] | null {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      for (let from = i + 1; ;) {
        const q = text.indexOf('"', from);
        if (q < 0) return null;
        value += text.slice(from, q);
        if (text[q + 1] !== '"') {
          i = q + 1;
          break;
        }
        value += '"';
        from = q + 2;
      }
    } else {
      const start = i;
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        if (text[i] === '"') return null;
        i++;
      }
      value = text.slice(start, i);
    }
    fields.push(value);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\n') i++;
    else if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else return null;
    records.push(fields);
    fields = [];
  }
  return records;
}
