// CSV export for spreadsheets: RFC 4180 quoting, a BOM so Excel reads UTF-8, and
// formula-injection neutralisation so exported data is never run as a formula.

export type CsvCell = string | number | boolean | null | undefined;
/** A row is either cells in column order or a record keyed by column name. */
export type CsvRow = readonly CsvCell[] | Readonly<Record<string, CsvCell>>;

export interface ToCsvOptions {
  /** Prefix a UTF-8 byte-order mark; Excel needs it to read non-ASCII text correctly. Default true. */
  bom?: boolean;
}

const BOM = '\uFEFF';
const LINE_END = '\r\n';
// Characters a spreadsheet treats as the start of a formula (OWASP CSV injection list).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text of one cell as a spreadsheet should see it: inert, never a formula. */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // A real number (e.g. -12.5) is data the app computed; keep it numeric so sums still work.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellsOf(columns: readonly string[], row: CsvRow): readonly CsvCell[] {
  if (Array.isArray(row)) return row as readonly CsvCell[];
  const record = row as Readonly<Record<string, CsvCell>>;
  return columns.map((column) => (Object.hasOwn(record, column) ? record[column] : undefined));
}

/** A CSV document: header row of `columns`, then `rows`, CRLF line ends. */
export function toCsv(columns: readonly string[], rows: readonly CsvRow[], options: ToCsvOptions = {}): string {
  const lines = [columns, ...rows.map((row) => cellsOf(columns, row))].map((cells) =>
    cells.map((cell) => quote(neutraliseCell(cell))).join(','),
  );
  return (options.bom === false ? '' : BOM) + lines.join(LINE_END) + LINE_END;
}

/**
 * A table's rows as its CSV holds them: each number rounded to the decimals its column shows
 * (`digits`), still a number a spreadsheet can sum; other cells as they are. The CSV is the table
 * as shown, not the arithmetic's 3.7735849056603774.
 */
export function rowsAsShown<Cell>(columns: readonly { digits?: number }[], rows: readonly (readonly Cell[])[]): Cell[][] {
  return rows.map((row) =>
    row.map((value, i) => {
      const digits = columns[i]?.digits;
      if (typeof value !== 'number' || digits === undefined || !Number.isFinite(value)) return value;
      const scale = 10 ** digits;
      return (Math.round(value * scale) / scale) as Cell;
    }),
  );
}
