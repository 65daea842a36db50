// Finds a layout's columns in a header by name, whatever their order and however a spreadsheet
// re-save spelt them (case, spaces or underscores, trailing blanks as in USCIS's "Fiscal Year   ").

/** A column's name reduced for comparison. */
export const headerKey = (name: string): string =>
  name
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

export interface ColumnSpec {
  /** Names the column goes by, in any spelling headerKey folds together. */
  names: readonly string[];
  required: boolean;
}

export type ColumnMatch<K extends string> = { found: Partial<Record<K, string>>; missing: K[] };

/** The header's own name for each wanted column (so SQL can quote it exactly), and the required ones absent. */
export function matchColumns<K extends string>(header: string[], spec: Record<K, ColumnSpec>): ColumnMatch<K> {
  const byKey = new Map<string, string>();
  for (const h of header) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
  const found: Partial<Record<K, string>> = {};
  const missing: K[] = [];
  for (const field of Object.keys(spec) as K[]) {
    const name = spec[field].names.map((n) => byKey.get(headerKey(n))).find((n) => n !== undefined);
    if (name !== undefined) found[field] = name;
    else if (spec[field].required) missing.push(field);
  }
  return { found, missing };
}
