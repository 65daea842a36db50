// Text from DOL's files as it reaches us: an en dash whose last byte was read as Windows-1252, so
// "“" stands where "–" was ("Registered Nurse “ Float", "Greenville “L V Stabler Hospital"), C1
// control characters such as U+009D, non-breaking spaces, and tabs inside quoted fields. SQL
// expressions that clean a column, and say whether it needed it. A “ with a closing ” in the same
// value is a real quotation mark and stays.

const INVISIBLE = `'[\\x00-\\x1F\\x7F-\\x9F\\xA0]'`;
const strayQuote = (expr: string) => `(contains(${expr}, '“') AND NOT contains(${expr}, '”'))`;

export const cleanText = (expr: string): string => {
  const dashes = `CASE WHEN ${strayQuote(expr)} THEN regexp_replace(${expr}, '\\s*“\\s*', ' – ', 'g') ELSE ${expr} END`;
  return `nullif(trim(regexp_replace(regexp_replace(${dashes}, ${INVISIBLE}, ' ', 'g'), '\\s+', ' ', 'g')), '')`;
};

export const textNeededCleaning = (expr: string): string => `coalesce(regexp_matches(${expr}, ${INVISIBLE}) OR ${strayQuote(expr)}, false)`;
