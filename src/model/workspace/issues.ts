// Collects validation problems as "path: message" lines, keeping the first few and counting the rest.

import { OverflowNumber } from './overflow-numbers';

const MAX_SHOWN_STRING = 40;

/** How a found value reads in an error message: short, never the whole value. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof OverflowNumber) return value.literal;
  switch (typeof value) {
    case 'string':
      return value.length > MAX_SHOWN_STRING
        ? `${JSON.stringify(value.slice(0, MAX_SHOWN_STRING))}… (${value.length} characters)`
        : JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'a number too large to store';
    case 'boolean':
      return String(value);
    case 'object':
      return Array.isArray(value) ? `an array of ${value.length} items` : 'an object';
    default:
      return typeof value;
  }
}

export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export class Issues {
  private readonly shown: string[] = [];
  private total = 0;
  /** JSON.parse turns literals such as 1e309 into Infinity; the caller re-reads to quote them. */
  sawNonFinite = false;

  /** Paths of fields no reader knows (a newer version's, a typo): left out of what is read. */
  private readonly unknownFields: string[] = [];

  constructor(private readonly maxShown: number) {}

  leaveOut(path: string): void {
    this.unknownFields.push(path);
  }

  get leftOut(): string[] {
    return [...this.unknownFields];
  }

  get count(): number {
    return this.total;
  }

  add(path: string, message: string): void {
    this.total += 1;
    if (this.shown.length < this.maxShown) this.shown.push(path === '' ? message : `${path}: ${message}`);
  }

  /** "path: expected X, found Y", or "path: missing; expected X" when the field is absent. */
  expected(path: string, expectation: string, found: unknown): void {
    if (typeof found === 'number' && !Number.isFinite(found)) this.sawNonFinite = true;
    this.add(path, found === undefined ? `missing; expected ${expectation}` : `expected ${expectation}, found ${describeValue(found)}`);
  }

  messages(): string[] {
    const hidden = this.total - this.shown.length;
    return hidden > 0 ? [...this.shown, `and ${hidden} more`] : [...this.shown];
  }
}
