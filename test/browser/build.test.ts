// What `npm run build` ships: the app without the benchmark's hooks. The bench build has them,
// which shows the search below would find them if they leaked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Files under `dir` whose text contains `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile() && /\.(js|mjs|html)$/.test(f) && fs.readFileSync(f, 'utf8').includes(needle));
}

describe('the production build', () => {
  it('does not contain the benchmark hooks (window.__atlasBench); the bench build does', () => {
    expect(fs.existsSync(path.join(DIST, 'index.html'))).toBe(true);
    expect(filesContaining(DIST, '__atlasBench')).toEqual([]);
    const benchOut = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-build-'));
    try {
      execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/vite/bin/vite.js'),
          'build',
          '--mode',
          'bench',
          '--outDir',
          benchOut,
          '--emptyOutDir',
          '--logLevel',
          'error',
        ],
        {
          cwd: ROOT,
          stdio: 'pipe',
        },
      );
      expect(filesContaining(benchOut, '__atlasBench').length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(benchOut, { recursive: true, force: true });
    }
  });
});
