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

// County supply (County Health Rankings & Roadmaps' relays of AHRF and NPPES figures), the 2014–2021
// trend and the Census ZCTA → county file: the nation's and every state's rows, and every county of
// six whole states (Alabama, Alaska with its split Valdez-Cordova, Connecticut's old counties and
// planning regions, Delaware, Rhode Island, Vermont), so sums over a state can be checked; every
// part of each ZCTA that touches Connecticut, Delaware or Rhode Island (some span state lines), or
// California's Colusa, Modoc and Kern counties (sites checked against the embedded California HPSAs),
// and 87102, the pipeline template's example ZIP (its data dictionary's example is imported).
const COUNTY_STATES = new Set(['01', '02', '09', '10', '44', '50']);
excerpt(
  'county/county_provider_supply_ahrf2022_npi2024_chr2025.csv',
  (r) => r.geo_level !== 'county' || COUNTY_STATES.has(r.fips.slice(0, 2)),
);
excerpt('county/county_provider_supply_ahrf2019_chr2022.csv', (r) => r.county === '' || COUNTY_STATES.has(r.fips.slice(0, 2)));
excerpt('county/county_pop_per_pcp_ahrf_2014-2021.csv', (r) => COUNTY_STATES.has(r.state));
const zctaRows = readCsv(path.join(real, 'county/census_zcta2020_county2020.csv'));
const ZCTA_STATES = new Set(['09', '10', '44']);
const ZCTA_COUNTIES = new Set(['06011', '06049', '06029']);
const zctas = new Set(zctaRows.filter((r) => ZCTA_STATES.has(r.state_fips) || ZCTA_COUNTIES.has(r.county_fips)).map((r) => r.zcta));
zctas.add('87102');
excerpt('county/census_zcta2020_county2020.csv', (r) => zctas.has(r.zcta));
