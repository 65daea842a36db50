// Fuzz (issue 22, 9): each federal loader — HRSA's HPSA detail, DOL's LCA disclosure, USCIS's H-1B
// Employer Data Hub — given mutated real rows or random bytes never crashes, and when it refuses a
// file, what was loaded before is exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataFile } from '../../src/app/data/load-file';
import { Coordinator } from '../../src/data/cache/coordinator';
import type { SqlEngine } from '../../src/data/engine/engine';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';
import { DOL_EXCERPT, FIXTURES, H1B_2023_EXCERPT } from '../helpers/market-fixture';
import { CA_PC_EXCERPT } from '../helpers/shared';

/** The header and the first rows of a committed real excerpt: mutations stay close to real files. */
function head(file: string, rows = 30): Uint8Array {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return new TextEncoder().encode(`${lines.slice(0, rows + 1).join('\n')}\n`);
}

const FILES = {
  'HRSA HPSA detail': head(CA_PC_EXCERPT),
  'DOL LCA disclosure': head(path.join(FIXTURES, DOL_EXCERPT)),
  'USCIS H-1B Employer Data Hub': head(path.join(FIXTURES, H1B_2023_EXCERPT)),
};

/** Every table a federal file can replace, with a fingerprint of its rows. */
const TABLES = ['hpsa', 'lca_filings', 'h1b_sponsors'];
async function loaded(db: SqlEngine): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [r] = await db.query<{ n: number; h: string }>(
      `SELECT count(*)::INTEGER AS n, coalesce(bit_xor(hash(t)), 0)::VARCHAR AS h FROM ${t} t`,
    );
    out[t] = `${r.n} rows, ${r.h}`;
  }
  return out;
}

/** Ways a real file goes wrong: cut short, bytes garbled, lines lost or repeated, a header renamed. */
const mutation = (bytes: Uint8Array) =>
  fc.oneof(
    fc.nat({ max: bytes.length - 1 }).map((at) => bytes.slice(0, at)),
    fc
      .tuple(fc.nat({ max: bytes.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 40 }))
      .map(([at, junk]) => new Uint8Array([...bytes.slice(0, at), ...junk, ...bytes.slice(at + junk.length)])),
    fc.tuple(fc.nat({ max: 30 }), fc.boolean()).map(([n, repeat]) => {
      const lines = new TextDecoder().decode(bytes).split('\n');
      const i = 1 + (n % (lines.length - 1));
      lines.splice(i, repeat ? 0 : 1, ...(repeat ? [lines[i], lines[i]] : []));
      return new TextEncoder().encode(lines.join('\n'));
    }),
    fc.tuple(fc.nat({ max: 60 }), fc.string({ maxLength: 12 })).map(([n, name]) => {
      const text = new TextDecoder().decode(bytes);
      const end = text.indexOf('\n');
      const cells = text.slice(0, end).split(',');
      cells[n % cells.length] = name;
      return new TextEncoder().encode(cells.join(',') + text.slice(end));
    }),
    fc.uint8Array({ maxLength: 2_000 }),
  );

let db: SqlEngine;
let coordinator: Coordinator;
beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  coordinator = new Coordinator(db);
}, 60_000);

describe('federal loaders under mutated and random input', () => {
  it.each(Object.entries(FILES))(
    '%s: never a crash; a refused file changes nothing loaded',
    async (_, bytes) => {
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(mutation(bytes), async (input) => {
          const before = await loaded(db);
          const { outcome } = await loadDataFile(coordinator, input, 'fuzzed.csv', { confirm: () => Promise.resolve(true) });
          expect(typeof outcome.text).toBe('string');
          if (!outcome.ok) {
            refused++;
            expect(outcome.text).toContain('fuzzed.csv');
            expect(await loaded(db)).toEqual(before);
          }
        }),
        { numRuns: 40, seed: 20261207 },
      );
      // The generator reached refusals, the case the property is about.
      expect(refused).toBeGreaterThan(0);
    },
    120_000,
  );
});
