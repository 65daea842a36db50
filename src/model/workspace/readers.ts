// Readers for one JSON value each: return the typed value, or record why not and return undefined.

import { isIsoDate } from '../calendar';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './fields';
import { Issues, childPath } from './issues';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

export function readRecord(value: unknown, path: string, issues: Issues): JsonRecord | undefined {
  if (isRecord(value)) return value;
  issues.expected(path, 'an object', value);
  return undefined;
}

export interface StringRules {
  maxLength?: number;
  allowEmpty?: boolean;
}

export function readString(value: unknown, path: string, issues: Issues, rules: StringRules = {}): string | undefined {
  const { maxLength = MAX_TEXT_LENGTH, allowEmpty = true } = rules;
  if (typeof value !== 'string') {
    issues.expected(path, allowEmpty ? 'text' : 'non-empty text', value);
    return undefined;
  }
  if (value.length > maxLength) {
    issues.add(path, `text too long: ${value.length} characters, at most ${maxLength} allowed`);
    return undefined;
  }
  if (!allowEmpty && value.trim() === '') {
    issues.add(path, 'must not be empty');
    return undefined;
  }
  return value;
}

export function readId(value: unknown, path: string, issues: Issues): string | undefined {
  return readString(value, path, issues, { maxLength: MAX_ID_LENGTH, allowEmpty: false });
}

export function readEnum<T extends string>(value: unknown, allowed: readonly T[], path: string, issues: Issues): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  issues.expected(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
  return undefined;
}

export function readInteger(value: unknown, path: string, issues: Issues, min: number, max: number): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  issues.expected(path, `an integer from ${min} to ${max}`, value);
  return undefined;
}

export function readNumber(value: unknown, path: string, issues: Issues, min: number, max: number): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
  issues.expected(path, `a number from ${min} to ${max}`, value);
  return undefined;
}

export function readBooleanOrNull(value: unknown, path: string, issues: Issues): boolean | null | undefined {
  if (typeof value === 'boolean' || value === null) return value;
  issues.expected(path, 'true, false or null', value);
  return undefined;
}

export function readIsoDate(value: unknown, path: string, issues: Issues, options: { allowEmpty: boolean }): string | undefined {
  if (typeof value === 'string' && ((options.allowEmpty && value === '') || isIsoDate(value))) return value;
  issues.expected(path, `a calendar date as YYYY-MM-DD${options.allowEmpty ? ' or ""' : ''}`, value);
  return undefined;
}

export function readArray(value: unknown, path: string, issues: Issues, maxLength: number): unknown[] | undefined {
  if (!Array.isArray(value)) {
    issues.expected(path, 'an array', value);
    return undefined;
  }
  if (value.length > maxLength) {
    issues.add(path, `too many items: ${value.length}, at most ${maxLength} allowed`);
    return undefined;
  }
  const items: unknown[] = value;
  return items;
}

/** Reads each item with `readItem`; the list is returned only when every item was valid. */
export function readList<T>(
  value: unknown,
  path: string,
  issues: Issues,
  maxLength: number,
  readItem: (item: unknown, itemPath: string) => T | undefined,
): T[] | undefined {
  const items = readArray(value, path, issues, maxLength);
  if (!items) return undefined;
  const before = issues.count;
  const result = items.map((item, index) => readItem(item, childPath(path, index)));
  return issues.count === before ? (result as T[]) : undefined;
}
