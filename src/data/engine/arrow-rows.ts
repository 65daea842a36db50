import { DataType, type Field, type Table, type Vector } from 'apache-arrow';

// DuckDB returns Arrow tables; views and the model want plain rows. BIGINT (count(*), sums of
// integers) arrives as bigint and DATE as epoch milliseconds, so both are normalised here, once.
type Convert = (v: unknown) => unknown;

function converterFor(type: DataType): Convert | null {
  if (DataType.isInt(type) && type.bitWidth === 64) return (v) => (v == null ? null : Number(v));
  if (DataType.isDecimal(type)) {
    const scale = 10 ** type.scale;
    return (v) => (v == null ? null : Number(v) / scale);
  }
  if (DataType.isDate(type) || DataType.isTimestamp(type)) {
    return (v) => (v == null ? null : new Date(typeof v === 'bigint' ? Number(v) : (v as number)));
  }
  return null;
}

export function arrowToRows<Row>(table: Table): Row[] {
  const fields: Field[] = table.schema.fields;
  const columns = fields.map((f, i) => {
    const vector: Vector | null = table.getChildAt(i);
    return { name: f.name, convert: converterFor(f.type as DataType), get: (r: number): unknown => vector?.get(r) };
  });
  const rows = new Array<Row>(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      const v = c.get(r);
      row[c.name] = c.convert ? c.convert(v) : v;
    }
    rows[r] = row as Row;
  }
  return rows;
}
