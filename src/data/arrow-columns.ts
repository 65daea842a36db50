// DuckDB's Arrow results as the columns of a LocalTable (local-table.ts). Only the engine's side
// imports this (with apache-arrow), so the first screen's JavaScript does without Arrow.
import { DataType, DateUnit, type Data, type Table, type Vector } from 'apache-arrow';
import { withCodes, type Cell, type LocalTable } from './local-table';

export function localFromArrow(table: Table): LocalTable {
  const columns: Record<string, Cell[]> = {};
  table.schema.fields.forEach((field, i) => {
    columns[field.name] = toCells(table.getChildAt<DataType>(i), table.numRows);
  });
  return { length: table.numRows, columns };
}

function toCells(vector: Vector<DataType> | null, length: number): Cell[] {
  const out = new Array<Cell>(length).fill(null);
  if (!vector) return out;
  if (vector.data.length && vector.data.every((data) => DataType.isUtf8(data.type))) return textCells(vector, out);
  let row = 0;
  for (const data of vector.data) {
    const type = data.type;
    const valid = validity(data);
    if ((DataType.isFloat(type) || (DataType.isInt(type) && type.bitWidth <= 32)) && ArrayBuffer.isView(data.values)) {
      const values = data.values as Float64Array | Int32Array;
      for (let i = 0; i < data.length; i++) if (valid(i)) out[row + i] = values[data.offset + i];
    } else if (DataType.isDate(type) && type.unit === DateUnit.DAY) {
      // DuckDB's DATE: days since 1970, given as epoch milliseconds like Arrow's accessor does.
      const days = data.values as Int32Array;
      for (let i = 0; i < data.length; i++) if (valid(i)) out[row + i] = days[data.offset + i] * 86_400_000;
    } else {
      // BIGINT, other dates, BOOLEAN: Arrow's own accessor.
      const v = new (vector.constructor as new (d: Data[]) => Vector)([data]);
      for (let i = 0; i < data.length; i++) {
        const x: unknown = v.get(i);
        out[row + i] = x == null ? null : typeof x === 'bigint' ? Number(x) : x instanceof Date ? x.getTime() : (x as Cell);
      }
    }
    row += data.length;
  }
  return out;
}

function validity(data: Data): (i: number) => boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || data.nullCount === 0) return () => true;
  return (i) => ((bitmap[(data.offset + i) >> 3] >> ((data.offset + i) & 7)) & 1) === 1;
}

const decoder = new TextDecoder();

/**
 * A text column: one decode of each buffer when it is ASCII (byte offsets are then string offsets),
 * repeated values share one string, and the column's codes (codesOf) are made on the way. A value
 * whose bytes are the row before's (rows come in runs: a designation's components, a state's
 * counties) takes its code without making a string.
 */
function textCells(vector: Vector<DataType>, out: Cell[]): Cell[] {
  const index = new Map<string, number>();
  const dict: Cell[] = [];
  const codes = new Int32Array(out.length);
  let nullCode = -1;
  let row = 0;
  for (const data of vector.data) {
    const valid = validity(data);
    const bytes = data.values as Uint8Array;
    const offsets = data.valueOffsets as Int32Array;
    const start = offsets[data.offset];
    const end = offsets[data.offset + data.length];
    const all = decoder.decode(bytes.subarray(start, end));
    const ascii = all.length === end - start;
    let prevA = 0;
    let prevB = -1; // the previous valid value's bytes in this buffer
    let prevK = 0;
    for (let i = 0; i < data.length; i++) {
      let k: number | undefined;
      if (!valid(i)) {
        if (nullCode < 0) nullCode = dict.push(null) - 1;
        k = nullCode;
      } else {
        const a = offsets[data.offset + i];
        const b = offsets[data.offset + i + 1];
        if (sameBytes(bytes, a, b, prevA, prevB)) k = prevK;
        else {
          const value = ascii ? all.slice(a - start, b - start) : decoder.decode(bytes.subarray(a, b));
          k = index.get(value);
          if (k === undefined) index.set(value, (k = dict.push(value) - 1));
        }
        [prevA, prevB, prevK] = [a, b, k];
      }
      codes[row + i] = k;
      out[row + i] = dict[k];
    }
    row += data.length;
  }
  return withCodes(out, { codes, dict });
}

function sameBytes(bytes: Uint8Array, a: number, b: number, c: number, d: number): boolean {
  if (b - a !== d - c) return false;
  for (let i = 0; i < b - a; i++) if (bytes[a + i] !== bytes[c + i]) return false;
  return true;
}
