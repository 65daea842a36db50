// CSV in and out for the build tools: PapaParse to read (BOM, quotes, CRLF, any delimiter), and a
// small writer for the embedded tables (comma, LF, quotes only where a value needs them).
import fs from 'node:fs';
import Papa from 'papaparse';

/** @typedef {Record<string, string>} CsvRow */
/** @typedef {string | number | boolean | null | undefined} CsvValue */

/**
 * PapaParse with a header row: one object of text values per record, keyed by the header.
 * @type {(text: string, config: Papa.ParseConfig<CsvRow> & { header: true }) => Papa.ParseResult<CsvRow>}
 */
const parseRows = Papa.parse;

/**
 * Every record of a CSV file as an object keyed by its header; every value is text.
 * @param {string} file
 * @param {{ encoding?: BufferEncoding, delimiter?: string }} [options]
 * @returns {CsvRow[]}
 */
export function readCsv(file, { encoding = 'utf8', delimiter } = {}) {
  const text = fs.readFileSync(file, encoding).replace(/^\ufeff/, '');
  const { data, errors } = parseRows(text, { header: true, skipEmptyLines: true, delimiter });
  if (errors.length) throw new Error(`${file}: ${errors.length} parse error(s), first at row ${errors[0].row}: ${errors[0].message}`);
  return data;
}

/**
 * A JSON file as `unknown`: the caller states its type with a JSDoc cast.
 * @param {string} file
 * @returns {unknown}
 */
export const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** @param {CsvValue} v */
function cell(v) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes rows under a header of `columns` (missing values empty) and says so on the console.
 * @param {string} file
 * @param {readonly string[]} columns
 * @param {readonly Record<string, CsvValue>[]} rows
 */
export function writeCsv(file, columns, rows) {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  fs.writeFileSync(file, lines.join('\n') + '\n', 'utf8');
  console.log(`wrote ${file.replace(/^.*public\//, 'public/')}: ${rows.length} rows`);
}

/**
 * A number from a published table: thousands separators dropped; empty and BLS's placeholders
 * ('*' not available, '#' top-coded) give null.
 * @param {string | undefined} v
 * @returns {number | null}
 */
export function publishedNumber(v) {
  const t = (v ?? '').trim();
  if (t === '' || t === '*' || t === '**' || t === '#') return null;
  const n = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(v)}`);
  return n;
}
