#!/usr/bin/env node
// Writes small real excerpts of the national tables in ../shared/datasets/real/national into
// test/fixtures/national/, so the tests that check our figures against the published ones also run
// on a clean clone without ../shared (California's HRSA excerpt: test/fixtures/make-hrsa-excerpt.mjs).
// Each excerpt is the file's header line and whole lines picked from it, byte for byte.
//   node tools/make-test-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { readCsv } from './lib/csv.mjs';

const root = path.resolve(import.meta.dirname, '..');
const real = process.env.SHARED_REAL ? path.resolve(process.env.SHARED_REAL) : path.join(root, '../shared/datasets/real');
const out = path.join(root, 'test/fixtures');

/**
 * Copies the header and the lines whose record passes `keep`. The files here have no line breaks
 * inside quoted fields (checked: one line per record), so a line is a record.
 * @param {string} file path under datasets/real
 * @param {(row: import('./lib/csv.mjs').CsvRow) => boolean} keep
 */
function excerpt(file, keep) {
  const source = path.join(real, file);
  const text = fs.readFileSync(source, 'utf8');
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(newline);
  if (lines.at(-1) === '') lines.pop();
  const rows = readCsv(source);
  if (rows.length !== lines.length - 1) throw new Error(`${file}: ${rows.length} records on ${lines.length - 1} lines`);
  const picked = [lines[0], ...lines.slice(1).filter((_, i) => keep(rows[i]))];
  const target = path.join(out, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, picked.join(newline) + newline);
  console.log(`${path.relative(root, target)}: ${picked.length - 1} of ${rows.length} records`);
}

// The national tables: a few states, and the published US row where the table has one.
const STATES = new Set(['TX', 'CA', 'NY', 'US']);
for (const file of fs
  .readdirSync(path.join(real, 'national'))
  .filter((f) => f.endsWith('.csv'))
  .sort())
  excerpt(`national/${file}`, (r) => STATES.has(r.state_abbr));
