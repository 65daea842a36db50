// The map's source columns (derived.ts HPSA_AREA_SOURCE_SQL) read straight from an HRSA detail
// file's bytes, chunk by chunk, on the main thread while DuckDB reads the same file in its worker,
// and the counts the engine's checks make (mirroredCounts): the upload is then shown before the
// engine has finished, without asking it for 91,000 rows back. It mirrors the typed read
// (hpsa-loader) only where that is exact — ASCII values, plain numbers, whole dates in the decided
// order, well-formed records — and gives up (null) on anything else; the engine's copy is then
// used. The engine compares its own counts with these before it swaps the file in (mirrorsLoad).
import type { DateOrder } from './date-order';
import { HPSA_FILE_COLUMN } from './hpsa-format';
import { codesOf, withCodes, type Cell, type LocalTable } from './local-table';
import { HPSA_DISCIPLINES, HPSA_STATUSES } from './hpsa-schema';
import { formatEpochDate } from '../model/calendar';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

type Kind = 'text' | 'upper' | 'fips' | 'number' | 'integer' | 'date';

/** The source columns: which file column each reads, and how (as hpsa-loader's SQL does). */
const SOURCE: Record<string, Kind> = {
  discipline: 'text',
  status: 'text',
  designation_type: 'text',
  hpsa_id: 'text',
  state: 'upper',
  county_fips: 'fips',
  score: 'integer',
  fte_needed: 'number',
  designation_population: 'number',
  record_date: 'date',
};
/**
 * Columns the typed read also types (the other dates): read only to check they read as it reads
 * them, so a mirrored file is one the typed read takes whole.
 */
const CHECKED: Record<string, Kind> = { designation_date: 'date', update_date: 'date' };

/** Gave up: the file has something the reader does not mirror exactly. */
class Unmirrored extends Error {}

/** A text column's value from the file's trimmed text (null: no value). */
type Transform = (text: string) => string | null;
const FIPS = /^[0-9]{4,5}$/;
const same: Transform = (t) => t;
const TRANSFORMS: Partial<Record<Kind, Transform>> = {
  text: same,
  upper: (t) => t.toUpperCase(),
  // Four or five digits, padded to five (spreadsheets drop the leading zero); anything else has no county.
  fips: (t) => (FIPS.test(t) ? t.padStart(5, '0') : null),
};

/**
 * One text column, dictionary-coded as it is read: each distinct text is found by a hash of its
 * bytes and made into a string once (making one per row cost most of the reading time).
 */
class TextColumn {
  private codes = new Int32Array(1024);
  private length = 0;
  private readonly dict: Cell[] = [];
  private readonly codeOfValue = new Map<Cell, number>();
  /** Distinct texts: their bytes (in `pool`), and the code of the value each stands for. */
  private pool = new Uint8Array(4096);
  private poolEnd = 0;
  private readonly textStart: number[] = [];
  private readonly textCode: number[] = [];
  /** Open addressing by hash: each slot holds a distinct text's number, or -1. */
  private slots = new Int32Array(256).fill(-1);

  constructor(private readonly transform: Transform) {}

  push(b: Uint8Array, start: number, end: number): void {
    let h = 0x811c9dc5;
    for (let j = start; j < end; j++) h = Math.imul(h ^ b[j], 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    let t: number;
    while ((t = this.slots[slot]) >= 0 && !this.holds(t, b, start, end)) slot = (slot + 1) & mask;
    if (t < 0) {
      t = this.addText(b, start, end);
      this.slots[slot] = t;
      if (this.textStart.length * 2 > this.slots.length) this.rehash();
    }
    if (this.length === this.codes.length) this.codes = grown(this.codes);
    this.codes[this.length++] = this.textCode[t];
  }

  private holds(t: number, b: Uint8Array, start: number, end: number): boolean {
    const from = this.textStart[t];
    const to = t + 1 < this.textStart.length ? this.textStart[t + 1] : this.poolEnd;
    if (to - from !== end - start) return false;
    for (let j = 0; j < end - start; j++) if (this.pool[from + j] !== b[start + j]) return false;
    return true;
  }

  private addText(b: Uint8Array, start: number, end: number): number {
    while (this.poolEnd + end - start > this.pool.length) this.pool = grown(this.pool);
    this.pool.set(b.subarray(start, end), this.poolEnd);
    this.textStart.push(this.poolEnd);
    this.poolEnd += end - start;
    const text = latin1(b, start, end);
    const value = text === '' ? null : this.transform(text);
    // Distinct texts are distinct values, unless a transform maps two to one.
    let code = this.transform === same ? undefined : this.codeOfValue.get(value);
    if (code === undefined) {
      code = this.dict.push(value) - 1;
      if (this.transform !== same) this.codeOfValue.set(value, code);
    }
    return this.textCode.push(code) - 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 4).fill(-1);
    const mask = this.slots.length - 1;
    for (let t = 0; t < this.textStart.length; t++) {
      const from = this.textStart[t];
      const to = t + 1 < this.textStart.length ? this.textStart[t + 1] : this.poolEnd;
      let h = 0x811c9dc5;
      for (let j = from; j < to; j++) h = Math.imul(h ^ this.pool[j], 0x01000193);
      let slot = h & mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = t;
    }
  }

  column(): Cell[] {
    const codes = this.codes.slice(0, this.length);
    const values = new Array<Cell>(codes.length);
    for (let i = 0; i < codes.length; i++) values[i] = this.dict[codes[i]];
    return withCodes(values, { codes, dict: this.dict });
  }
}

function grown<T extends Int32Array | Uint8Array>(a: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length * 2);
  out.set(a);
  return out;
}

const latin1 = (b: Uint8Array, start: number, end: number) =>
  String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const isDigit = (x: number) => x >= 0x30 && x <= 0x39;

/** A plain decimal number (-12, 0.15, 28301): what the typed read reads as DOUBLE the same way. */
function plainNumber(b: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = b[i] === 0x2d;
  if (negative) i++;
  let digits = 0;
  let fraction = -1; // digits after the point, once there is one
  let n = 0;
  for (; i < end; i++) {
    const x = b[i];
    if (isDigit(x)) {
      n = n * 10 + x - 0x30;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (x === 0x2e && fraction < 0 && digits > 0) fraction = 0;
    else throw new Unmirrored();
  }
  if (digits === 0 || fraction === 0) throw new Unmirrored();
  // Up to 15 digits the integer and the power of ten are exact doubles and one division rounds
  // correctly, as DuckDB's reader does; longer numbers go through Number().
  const x = digits <= 15 ? (fraction > 0 ? n / POW10[fraction] : n) : Number(latin1(b, negative ? start + 1 : start, end));
  return negative ? -x : x;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date in the decided order, as epoch milliseconds (how DATE columns arrive from the engine). */
function dateValue(b: Uint8Array, start: number, end: number, order: DateOrder): number {
  const sep = order === 'ISO' ? 0x2d : 0x2f;
  // Three runs of digits split by the separator: their values and widths.
  let a = 0;
  let aw = 0;
  let m = 0;
  let mw = 0;
  let c = 0;
  let cw = 0;
  let part = 0;
  for (let i = start; i < end; i++) {
    const x = b[i];
    if (x === sep) {
      if (++part > 2) throw new Unmirrored();
    } else if (!isDigit(x)) throw new Unmirrored();
    else if (part === 0) {
      a = a * 10 + x - 0x30;
      aw++;
    } else if (part === 1) {
      m = m * 10 + x - 0x30;
      mw++;
    } else {
      c = c * 10 + x - 0x30;
      cw++;
    }
  }
  if (part !== 2) throw new Unmirrored();
  // ISO: year-month-day; MDY: month/day/year; DMY: day/month/year (no arrays: this runs for every date).
  const iso = order === 'ISO';
  const mdy = order === 'MDY';
  const y = iso ? a : c;
  const yw = iso ? aw : cw;
  const month = mdy ? a : m;
  const monthWidth = mdy ? aw : mw;
  const day = iso ? c : mdy ? m : a;
  const dayWidth = iso ? cw : mdy ? mw : aw;
  if (yw !== 4 || y < 1000 || monthWidth < 1 || monthWidth > 2 || dayWidth < 1 || dayWidth > 2) throw new Unmirrored();
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1])) throw new Unmirrored();
  return Date.UTC(y, month - 1, day);
}

export interface MapSourceOptions {
  header: string[];
  trailingDelimiter: boolean;
  /** The order the typed read reads the dates in (decided from the file's first rows). */
  dateOrder: DateOrder;
}

/** Reads the source columns from the file's chunks; `end()` gives them, or null when it gave up. */
export class MapSourceReader {
  private readonly width: number;
  /** The source column each field of a record feeds, or -1. */
  private readonly target: Int32Array;
  private readonly names: string[];
  private readonly kinds: Kind[];
  private readonly text: (TextColumn | null)[];
  /** Numbers and dates: plain arrays. */
  private readonly plain: (Cell[] | null)[];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private carry: Uint8Array | null = null;
  private headerRead = false;
  private rows = 0;
  private failed = false;

  constructor(private readonly opts: MapSourceOptions) {
    this.width = opts.header.length + (opts.trailingDelimiter ? 1 : 0);
    const read = { ...SOURCE, ...CHECKED };
    this.names = Object.keys(read);
    this.kinds = this.names.map((n) => read[n]);
    this.target = new Int32Array(this.width).fill(-1);
    this.names.forEach((n, k) => {
      const at = opts.header.indexOf(HPSA_FILE_COLUMN[n as keyof typeof HPSA_FILE_COLUMN]);
      if (at < 0) this.failed = true;
      else this.target[at] = k;
    });
    this.text = this.kinds.map((k) => {
      const transform = TRANSFORMS[k];
      return transform ? new TextColumn(transform) : null;
    });
    this.plain = this.kinds.map((k) => (TRANSFORMS[k] ? null : []));
    this.starts = new Int32Array(this.names.length);
    this.ends = new Int32Array(this.names.length);
  }

  push(chunk: Uint8Array): void {
    if (this.failed) return;
    try {
      const rest = this.carry ? chunk.subarray(this.finishCarried(chunk)) : chunk;
      if (this.carry) return; // the whole chunk was inside one record
      const done = this.records(rest, false);
      if (done < rest.length) this.carry = rest.slice(done);
    } catch (e) {
      if (!(e instanceof Unmirrored)) throw e;
      this.failed = true;
    }
  }

  /**
   * The record cut at the last chunk's end, completed with this chunk's first lines (copying those,
   * not the chunk); returns where the rest of the chunk starts.
   */
  private finishCarried(chunk: Uint8Array): number {
    const carried = this.carry!;
    for (let lf = chunk.indexOf(LF); lf >= 0; lf = chunk.indexOf(LF, lf + 1)) {
      const joined = concat(carried, chunk.subarray(0, lf + 1));
      if (this.records(joined, false) === joined.length) {
        this.carry = null;
        return lf + 1;
      }
    }
    this.carry = concat(carried, chunk);
    return chunk.length;
  }

  /** After the last chunk: the columns, or null. */
  end(): LocalTable | null {
    if (this.failed) return null;
    try {
      if (this.carry) this.records(this.carry, true);
    } catch (e) {
      if (!(e instanceof Unmirrored)) throw e;
      return null;
    }
    const columns: Record<string, Cell[]> = {};
    this.names.forEach((n, k) => n in SOURCE && (columns[n] = this.text[k]?.column() ?? this.plain[k]!));
    return { length: this.rows, columns };
  }

  /** Reads whole records from `pos`; returns where the first incomplete one starts (or the end). */
  private records(b: Uint8Array, eof: boolean): number {
    let pos = 0;
    if (!this.headerRead) {
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) pos = 3;
      const lf = b.indexOf(LF, pos);
      if (lf < 0) {
        if (eof) throw new Unmirrored();
        return 0;
      }
      pos = lf + 1;
      this.headerRead = true;
    }
    while (pos < b.length) {
      const next = this.record(b, pos, eof);
      if (next < 0) return pos;
      pos = next;
    }
    return pos;
  }

  /** One record from `pos`: its fields stored, the index after its line end; -1 if it is not all here. */
  private record(b: Uint8Array, pos: number, eof: boolean): number {
    const n = b.length;
    const { width, target } = this;
    let i = pos;
    let field = 0;
    for (;;) {
      let start = i;
      let end: number;
      const k = field < width ? target[field] : -1;
      if (i < n && b[i] === QUOTE) {
        start = ++i;
        let escaped = false;
        for (;;) {
          i = b.indexOf(QUOTE, i);
          if (i < 0) i = n;
          // The closing quote must be seen with the byte after it (a doubled quote is an escaped one).
          if (i + 1 >= n && !eof) return -1;
          if (i >= n) throw new Unmirrored(); // a quote never closed
          if (b[i + 1] !== QUOTE) break;
          escaped = true;
          i += 2;
        }
        end = i++;
        // Quoted values the map reads: only plain text without escaped quotes is mirrored.
        if (k >= 0 && (escaped || (end > start && this.kinds[k] !== 'text'))) throw new Unmirrored();
      } else {
        // To the byte that ends an unquoted field or should not be in one (all of them are <= COMMA).
        for (; i < n; i++) {
          const c = b[i];
          if (c <= COMMA && (c === COMMA || c === QUOTE || c === LF || c === CR)) break;
        }
        if (i < n && b[i] === QUOTE) throw new Unmirrored();
        if (i >= n && !eof) return -1;
        end = i;
      }
      if (k >= 0) {
        this.starts[k] = start;
        this.ends[k] = end;
      }
      field++;
      if (i >= n) break;
      const c = b[i];
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !eof) return -1;
        if (b[i + 1] !== LF) throw new Unmirrored();
        i += 2;
      } else if (c === LF) i++;
      else throw new Unmirrored();
      break;
    }
    if (field !== width) throw new Unmirrored();
    this.store(b);
    return i;
  }

  private store(b: Uint8Array): void {
    for (let k = 0; k < this.kinds.length; k++) {
      let s = this.starts[k];
      let e = this.ends[k];
      for (let j = s; j < e; j++) if (b[j] >= 0x80) throw new Unmirrored(); // trim and upper differ beyond ASCII
      while (s < e && b[s] === SPACE) s++;
      while (e > s && b[e - 1] === SPACE) e--;
      const kind = this.kinds[k];
      const text = this.text[k];
      if (text) {
        text.push(b, s, e);
        continue;
      }
      const out = this.plain[k]!;
      if (s === e) out.push(null);
      else if (s !== this.starts[k] || e !== this.ends[k])
        throw new Unmirrored(); // padded numbers and dates: the reader's own rules
      else if (kind === 'date') out.push(dateValue(b, s, e, this.opts.dateOrder));
      else {
        const x = plainNumber(b, s, e);
        // An INTEGER column: whole values in its range read as they are (rounding is the reader's own).
        if (kind === 'integer' && !(Number.isInteger(x) && Math.abs(x) <= 2 ** 31 - 1)) throw new Unmirrored();
        out.push(x);
      }
    }
    this.rows++;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** What a load reports about the file's rows (hpsa-loader's check of the new rows). */
export interface MirroredCounts {
  rows: number;
  designations: number;
  disciplines: string[];
  /** Designations (distinct IDs) by status, in HPSA_STATUSES order. */
  designationsByStatus: Record<string, number>;
  /** The latest data-warehouse date (YYYY-MM-DD), if any. */
  snapshot: string | null;
}

/**
 * The load's counts from the mirrored columns, counted as the engine's check of the new rows counts
 * them; null where that check refuses the file (no rows, a row without an ID, a discipline or status
 * it does not know): the engine's read then says why.
 */
export function mirroredCounts(t: LocalTable): MirroredCounts | null {
  const status = codesOf(t.columns.status);
  const id = codesOf(t.columns.hpsa_id);
  const discipline = codesOf(t.columns.discipline);
  const known = (values: readonly string[], dict: Cell[]) => dict.every((v) => values.includes(v as string));
  if (t.length === 0 || id.dict.includes(null) || !known(HPSA_STATUSES, status.dict) || !known(HPSA_DISCIPLINES, discipline.dict))
    return null;
  // Designations (distinct IDs) per status, counted over the codes.
  const seen = new Uint8Array(status.dict.length * id.dict.length);
  const designations = new Array<number>(status.dict.length).fill(0);
  for (let i = 0; i < t.length; i++) {
    const pair = status.codes[i] * id.dict.length + id.codes[i];
    if (!seen[pair]) {
      seen[pair] = 1;
      designations[status.codes[i]]++;
    }
  }
  let latest = -Infinity;
  for (const d of t.columns.record_date) if (d !== null && (d as number) > latest) latest = d as number;
  return {
    rows: t.length,
    designations: id.dict.length,
    disciplines: (discipline.dict as string[]).slice().sort(),
    designationsByStatus: Object.fromEntries(
      HPSA_STATUSES.filter((s) => status.dict.includes(s)).map((s) => [s, designations[status.dict.indexOf(s)]]),
    ),
    snapshot: latest > -Infinity ? formatEpochDate(latest) : null,
  };
}

/**
 * The mirrored columns stand for the engine's table: the engine counted the same (`counts`, from its
 * check of the new rows) and keeps no rows of another discipline beside them.
 */
export function mirrorsLoad(mirrored: MirroredCounts, counts: MirroredCounts & { keptRows: number }): boolean {
  const key = (c: MirroredCounts) =>
    JSON.stringify([c.rows, c.designations, c.disciplines, Object.entries(c.designationsByStatus), c.snapshot]);
  return counts.keptRows === 0 && key(mirrored) === key(counts);
}
