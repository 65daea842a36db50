#!/usr/bin/env node
// Builds the embedded California primary-care HPSA dataset from HRSA's detail file in
// ../shared/datasets/real (read there, never copied). The output is our own derived table of public
// HRSA figures: one row per designation × county (components within a county are summarised), in
// HRSA's own column names, so the app reads it with the same loader as a user's HRSA download.
//   node tools/build-embedded-hpsa.mjs
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { readCsv } from './lib/csv.mjs';

/** @typedef {import('./lib/csv.mjs').CsvRow} CsvRow */

const root = path.resolve(import.meta.dirname, '..');
const real = process.env.SHARED_REAL ? path.resolve(process.env.SHARED_REAL) : path.join(root, '../shared/datasets/real');
const input = path.join(real, 'hrsa_hpsa_primary_care_CA_2024-03-27.csv');
const output = path.join(root, 'datasets/hpsa/hpsa_pc_ca_2024-03-27_by_county.csv');

/** Figures HRSA gives per designation, repeated on each of its component rows: taken once, never added up. */
const DESIGNATION_COLUMNS = [
  'HPSA Name',
  'HPSA ID',
  'Designation Type',
  'HPSA Discipline Class',
  'HPSA Score',
  'PC MCTA Score',
  'Primary State Abbreviation',
  'HPSA Status',
  'HPSA Designation Date',
  'HPSA Designation Last Update Date',
  'Metropolitan Indicator',
  'Withdrawn Date',
  'HPSA FTE',
  'HPSA Designation Population',
  '% of Population Below 100% Poverty',
  'HPSA Formal Ratio',
  'HPSA Provider Ratio Goal',
  'HPSA Population Type',
  'Longitude',
  'Latitude',
  'HPSA Shortage',
  'HPSA Estimated Served Population',
  'HPSA Estimated Underserved Population',
  'Data Warehouse Record Create Date',
  'Data Warehouse Record Create Date Text',
];
/** Figures of the county (the component's place). */
const COUNTY_COLUMNS = ['Common County Name', 'Common Region Name', 'Common State County FIPS Code'];
const DATE_COLUMNS = ['HPSA Designation Date', 'HPSA Designation Last Update Date', 'Withdrawn Date', 'Data Warehouse Record Create Date'];

const data = readCsv(input);

// PROVENANCE.md: this copy's date columns are DD/MM/YYYY (a non-US spreadsheet re-save). Check, don't assume.
const parts = data.flatMap((r) =>
  DATE_COLUMNS.map((c) => r[c])
    .filter(Boolean)
    .map((v) => v.split('/').map(Number)),
);
const dayFirst = parts.some(([a]) => a > 12);
if (dayFirst && parts.some(([, b]) => b > 12)) throw new Error('mixed date orders');
/** @param {string} v */
const iso = (v) => {
  if (!v) return '';
  const [a, b, y] = v.split('/');
  const [d, m] = dayFirst ? [a, b] : [b, a];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
};

/** @type {Map<string, CsvRow>} the first component row of each designation */
const designations = new Map();
for (const r of data) {
  const first = designations.get(r['HPSA ID']);
  if (!first) designations.set(r['HPSA ID'], r);
  else
    for (const c of DESIGNATION_COLUMNS)
      if (first[c] !== r[c]) throw new Error(`HPSA ${r['HPSA ID']}: "${c}" differs between its components (${first[c]} / ${r[c]})`);
}

/** @type {Map<string, { row: CsvRow, components: number, types: Set<string>, rural: Set<string> }>} */
const groups = new Map();
for (const r of data) {
  const key = `${r['HPSA ID']}|${r['Common State County FIPS Code']}`;
  const g = groups.get(key) ?? { row: r, components: 0, types: new Set(), rural: new Set() };
  g.components += 1;
  g.types.add(r['HPSA Component Type Description']);
  g.rural.add(r['Rural Status']);
  groups.set(key, g);
}

const header = [
  ...DESIGNATION_COLUMNS,
  ...COUNTY_COLUMNS,
  'Rural Status',
  'HPSA Component Name',
  'HPSA Component Type Description',
  'HPSA Geography Identification Number',
];
const rows = [...groups.values()].map(({ row, components, types, rural }) => [
  ...DESIGNATION_COLUMNS.map((c) => (DATE_COLUMNS.includes(c) ? iso(row[c]) : row[c])),
  ...COUNTY_COLUMNS.map((c) => row[c]),
  // Rural status is the component's (a census tract's): HRSA's own word for a mix is "Partially Rural".
  rural.size === 1 ? [...rural][0] : 'Partially Rural',
  `${components} component(s) in this county`,
  [...types].sort().join(' + '),
  '',
]);
const idAt = header.indexOf('HPSA ID');
const countyAt = header.indexOf('Common State County FIPS Code');
rows.sort((a, b) => (a[idAt] + a[countyAt]).localeCompare(b[idAt] + b[countyAt]));
fs.writeFileSync(output, Papa.unparse({ fields: header, data: rows }, { newline: '\n' }) + '\n');
console.log(
  `${data.length} component rows of ${designations.size} designations → ${rows.length} designation × county rows in ${path.relative(root, output)}`,
);
