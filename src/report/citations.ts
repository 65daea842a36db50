// The report cites its sources by number, [1], [2]…, in the order they first appear, and lists them
// at the end with each one's publisher, title and public address. The project's own keys for them
// (S13, R4) and its notes file never reach the reader: text from the model that names them is
// rewritten here, and a key the list does not know is still numbered, listed as not recorded.
import { rewriteSourceKeys, type PublicSource } from '../model/timing/sources';

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
    return rewriteSourceKeys(text, (keys) => this.refs(keys)).replace(/\(\s*(\[[\d, ]+\])\s*\)/g, '$1');
  }

  /** Every source cited so far, by number. */
  list(): Citation[] {
    return [...this.numbers].map(([key, n]) => ({ n, key, source: Object.hasOwn(this.sources, key) ? this.sources[key] : null }));
  }
}
