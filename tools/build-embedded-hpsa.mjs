#!/usr/bin/env node
// Builds the embedded California primary-care HPSA dataset from HRSA's detail file in
// ../shared/datasets/real (read there, never copied). The output is our own derived table of public
// HRSA figures: one row per designation × county (components within a county are summarised), in
// HRSA's own column names, so the app reads it with the same loader as a user's HRSA download.
//   node tools/build-embedded-hpsa.mjs
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

const root = path.resolve(import.meta.dirname, '..');
const input = path.join(root, '../shared/datasets/real/hrsa_hpsa_primary_care_CA_2024-03-27.csv');
const output = path.join(root, 'public/datasets/hpsa/hpsa_pc_ca_2024-03-27_by_county.csv');

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
  'HPSA Population Type',
  'Rural Status',
  'Longitude',
  'Latitude',
  'Common County Name',
  'Common Region Name',
  'Common State County FIPS Code',
  'HPSA Shortage',
  'Data Warehouse Record Create Date',
  'Data Warehouse Record Create Date Text',
];
const DATE_COLUMNS = ['HPSA Designation Date', 'HPSA Designation Last Update Date', 'Withdrawn Date', 'Data Warehouse Record Create Date'];

const text = fs.readFileSync(input, 'utf8').replace(/^\ufeff/, '');
const { data, errors } = Papa.parse(text, { header: true, skipEmptyLines: true });
if (errors.length) throw new Error(`parse errors: ${JSON.stringify(errors.slice(0, 3))}`);

// PROVENANCE.md: this copy's date columns are DD/MM/YYYY (a non-US spreadsheet re-save). Check, don't assume.
const parts = data.flatMap((r) =>
  DATE_COLUMNS.map((c) => r[c])
    .filter(Boolean)
    .map((v) => v.split('/').map(Number)),
);
const dayFirst = parts.some(([a]) => a > 12);
if (dayFirst && parts.some(([, b]) => b > 12)) throw new Error('mixed date orders');
const iso = (v) => {
  if (!v) return '';
  const [a, b, y] = v.split('/');
  const [d, m] = dayFirst ? [a, b] : [b, a];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
};

const groups = new Map();
for (const r of data) {
  const key = `${r['HPSA ID']}|${r['Common State County FIPS Code']}`;
  const g = groups.get(key);
  if (g) {
    g.components += 1;
    g.served += Number(r['HPSA Estimated Served Population']) || 0;
    g.underserved += Number(r['HPSA Estimated Underserved Population']) || 0;
    g.types.add(r['HPSA Component Type Description']);
  } else {
    groups.set(key, {
      row: r,
      components: 1,
      served: Number(r['HPSA Estimated Served Population']) || 0,
      underserved: Number(r['HPSA Estimated Underserved Population']) || 0,
      types: new Set([r['HPSA Component Type Description']]),
    });
  }
}

const header = [
  ...DESIGNATION_COLUMNS,
  'HPSA Component Name',
  'HPSA Component Type Description',
  'HPSA Geography Identification Number',
  'HPSA Estimated Served Population',
  'HPSA Estimated Underserved Population',
];
const rows = [...groups.values()].map(({ row, components, served, underserved, types }) => {
  const out = DESIGNATION_COLUMNS.map((c) => (DATE_COLUMNS.includes(c) ? iso(row[c]) : row[c]));
  return [...out, `${components} component(s) in this county`, [...types].sort().join(' + '), '', String(served), String(underserved)];
});
rows.sort((a, b) => (a[1] + a[22]).localeCompare(b[1] + b[22]));
fs.writeFileSync(output, Papa.unparse({ fields: header, data: rows }, { newline: '\n' }) + '\n');
console.log(`${data.length} component rows → ${rows.length} designation × county rows in ${path.relative(root, output)}`);
