// JSON.parse reads an out-of-range literal such as 1e309 as Infinity, losing what the file said.
// To quote the literal in an error message, the text is re-read with such literals wrapped.

/** A number literal from the file that does not fit in a double. */
export class OverflowNumber {
  constructor(readonly literal: string) {}
}

// A JSON string (skipped whole, so digits inside strings are never touched) or a number literal.
const STRING_OR_NUMBER = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
// A NUL-prefixed key cannot collide with the workspace schema; it only affects error wording.
const MARK = '\u0000overflow-literal';

function isMarked(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === MARK && typeof (value as Record<string, unknown>)[MARK] === 'string';
}

/** Parses JSON text that is known to be valid, turning overflowing literals into OverflowNumber. */
export function parseKeepingOverflowLiterals(text: string): unknown {
  const wrapped = text.replace(STRING_OR_NUMBER, (token) =>
    token.startsWith('"') || Number.isFinite(Number(token)) ? token : `{${JSON.stringify(MARK)}:"${token}"}`,
  );
  return JSON.parse(wrapped, (_key, value: unknown) => (isMarked(value) ? new OverflowNumber(value[MARK]) : value));
}
