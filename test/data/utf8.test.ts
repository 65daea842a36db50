// The UTF-8 check against the browser's own decoder in fatal mode, the rule it must follow.
import { describe, it, expect } from 'vitest';
import { Utf8Check } from '../../src/data/utf8';

const decoderSays = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The check fed the bytes in chunks cut at `cuts`. */
function checkSays(bytes: Uint8Array, cuts: number[] = []): boolean {
  const check = new Utf8Check();
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    if (!check.push(bytes.subarray(from, to))) return false;
    from = to;
  }
  return check.end();
}

// Every byte value that starts, continues or breaks a sequence differently.
const EDGES = [
  0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4,
  0xf5, 0xff,
];

describe('Utf8Check', () => {
  it('agrees with TextDecoder on every one- and two-byte sequence', () => {
    let disagreements = 0;
    let valid = 0;
    for (let a = 0; a < 256; a++)
      for (let b = 0; b < 256; b++) {
        const bytes = Uint8Array.of(a, b);
        const expected = decoderSays(bytes);
        valid += Number(expected);
        if (checkSays(bytes) !== expected || checkSays(bytes, [1]) !== expected) disagreements++;
      }
    expect(valid).toBeGreaterThan(128 * 128); // the comparison covers valid and invalid input alike
    expect(disagreements).toBe(0);
  });

  it('agrees with TextDecoder on every four-byte sequence of edge values, however the chunks are cut', () => {
    const wrong: string[] = [];
    let valid = 0;
    for (const a of EDGES)
      for (const b of EDGES)
        for (const c of EDGES)
          for (const d of EDGES) {
            const bytes = Uint8Array.of(a, b, c, d);
            const expected = decoderSays(bytes);
            valid += Number(expected);
            for (const cuts of [[], [1], [2], [3], [1, 2, 3]])
              if (checkSays(bytes, cuts) !== expected)
                wrong.push(`${[...bytes].map((x) => x.toString(16)).join(' ')} cut ${cuts.join(',')}`);
          }
    expect(valid).toBeGreaterThan(1000);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('finds one bad byte anywhere in a long ASCII text, and a character cut off at the end', () => {
    const text = new TextEncoder().encode('HPSA Name,HPSA ID,Doña Ana County,Región 6\r\n'.repeat(40));
    expect(checkSays(text)).toBe(true);
    for (let at = 0; at < 64; at++) {
      const bad = text.slice();
      bad[at] = 0xe9; // "é" in Latin-1
      expect(checkSays(bad, [17]), `byte ${at}`).toBe(decoderSays(bad));
    }
    expect(checkSays(text.subarray(0, text.indexOf(0xc3) + 1))).toBe(false);
  });
});
