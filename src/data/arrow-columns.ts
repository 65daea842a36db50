// DuckDB's Arrow results as the columns of a LocalTable (local-table.ts). Only the engine's side
// imports this (with apache-arrow), so the first screen's JavaScript does without Arrow.
import { DataType, type Data, type Table, type Vector } from 'apache-arrow';
import type { Cell, LocalTable } from './local-table';

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
  let row = 0;
  for (const data of vector.data) {
    const type = data.type;
    const valid = validity(data);
    if (DataType.isUtf8(type)) decodeText(data, valid, out, row);
    else if ((DataType.isFloat(type) || (DataType.isInt(type) && type.bitWidth <= 32)) && ArrayBuffer.isView(data.values)) {
      const values = data.values as Float64Array | Int32Array;
      for (let i = 0; i < data.length; i++) if (valid(i)) out[row + i] = values[data.offset + i];
    } else {
      // BIGINT, DATE (epoch milliseconds), BOOLEAN: Arrow's own accessor.
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

/** UTF-8 values: one decode of the whole buffer when it is ASCII (byte offsets are then string offsets); repeated values share one string. */
function decodeText(data: Data, valid: (i: number) => boolean, out: Cell[], row: number): void {
  const bytes = data.values as Uint8Array;
  const offsets = data.valueOffsets as Int32Array;
  const start = offsets[data.offset];
  const end = offsets[data.offset + data.length];
  const all = decoder.decode(bytes.subarray(start, end));
  const ascii = all.length === end - start;
  const seen = new Map<string, string>();
  for (let i = 0; i < data.length; i++) {
    if (!valid(i)) continue;
    const a = offsets[data.offset + i];
    const b = offsets[data.offset + i + 1];
    const s = ascii ? all.slice(a - start, b - start) : decoder.decode(bytes.subarray(a, b));
    let shared = seen.get(s);
    if (shared === undefined) seen.set(s, (shared = s));
    out[row + i] = shared;
  }
}
