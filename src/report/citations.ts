// The report cites its sources by number, [1], [2]…, in the order they first appear, and lists them
// at the end with each one's publisher, title and public address. The project's own keys for them
// (S13, R4) and its notes file never reach the reader: text from the model that names them is
// rewritten here, and a key the list does not know is still numbered, listed as not recorded.
import type { PublicSource } from '../model/timing/sources';

/** A key ("S13", "R4"), alone or in a list ("S7, S9"), with the notes file named before it ("domain.md §5, S42"). */
const NOTES_FILE = /(?:shared\/)?domain\.md(?:\s*§\s*\d+)?\s*[,;]?\s*/g;
const KEY = /\b[SR]\d{1,3}\b/;
const KEY_LIST = new RegExp(`${KEY.source}(?:\\s*[,;]\\s*${KEY.source})*`, 'g');

export interface Citation {
  n: number;
  key: string;
  source: PublicSource | null;
}

export class Citations {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly sources: Readonly<Record<string, PublicSource>>) {}

  private number(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) this.numbers.set(key, (n = this.numbers.size + 1));
    return n;
  }

  /** "[3]", "[3, 7]" for these keys; '' for none. */
  refs(keys: readonly string[]): string {
    const ns = [...new Set(keys.map((k) => this.number(k)))].sort((a, b) => a - b);
    return ns.length ? `[${ns.join(', ')}]` : '';
  }

  /** The text with every key it names replaced by its number ("… appeals pending (S13)" → "… appeals pending ([4])" → "… [4]"). */
  text(text: string): string {
    return text
      .replace(/not in (?:shared\/)?domain\.md/g, 'not in the sources collected')
      .replace(NOTES_FILE, '')
      .replace(KEY_LIST, (list) => this.refs(list.split(/\s*[,;]\s*/)))
      .replace(/\(\s*(\[[\d, ]+\])\s*\)/g, '$1')
      .replace(/\(\s*\)/g, '')
      .replace(/\s+([.,;])/g, '$1');
  }

  /** Every source cited so far, by number. */
  list(): Citation[] {
    return [...this.numbers].map(([key, n]) => ({ n, key, source: Object.hasOwn(this.sources, key) ? this.sources[key] : null }));
  }
}
