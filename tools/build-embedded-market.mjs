#!/usr/bin/env node
// Builds the embedded market summaries from the federal files in ../shared/datasets/real (read there,
// never copied), through the app's own loaders running on DuckDB-wasm under Node, so the embedded
// tables hold exactly what loading the same files in the app would:
//   datasets/market/lca_physicians_lab_fy2025_q2.csv — DOL LCA filings, physicians and lab
//     technologists: one row per filing with its derived fields only (SOC, specialty, employer,
//     state, county FIPS, wage level, annualised wage); no case numbers, titles or addresses.
//   datasets/market/h1b_sponsors_health_fy2022_fy2023.csv — USCIS H-1B Employer Data Hub,
//     health-care employers only, summed per employer × state × fiscal year.
// Usage (from the repo root): node tools/build-embedded-market.mjs, then npm run build:data.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { runnerImport } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const real = path.join(root, '../shared/datasets/real');
const out = path.join(root, 'datasets/market');
/** @param {string} file a module of the app, read through Vite (TypeScript) */
const load = async (file) => /** @type {Record<string, any>} */ ((await runnerImport(path.join(root, file))).module);

const { createNodeEngine } = await load('src/data/engine/node.ts');
const { loadSource, recogniseFile } = await load('src/data/loaders/registry.ts');
const { parseManifest } = await load('src/data/loaders/manifest.ts');
const { headerText, readHead, sniffHeader } = await load('src/data/loaders/csv-header.ts');
const { loadLcaFile } = await load('src/data/loaders/market/lca-read.ts');
const { loadH1bFile } = await load('src/data/loaders/market/h1b-read.ts');
const { LCA_SCHEMA, SPONSORS_SCHEMA } = await load('src/data/tables/market.ts');
const { SUMMARY_DERIVED } = await load('src/data/loaders/market-summary.ts');

const db = await createNodeEngine();
// County names → FIPS need the embedded Census county table.
const manifest = parseManifest(JSON.parse(fs.readFileSync(path.join(root, 'datasets/manifest.json'), 'utf8')));
for (const entry of manifest.datasets.filter((/** @type {{ table: string }} */ d) => d.table === 'ref_counties')) {
  await loadSource(db, entry, new Uint8Array(fs.readFileSync(path.join(root, 'datasets', entry.file))));
}

/**
 * @param {string} name
 * @param {Record<string, unknown>} [extra]
 */
async function loadFile(name, extra = {}) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(real, name)));
  const sniff = sniffHeader(headerText(await readHead(bytes), name));
  const { loader, layout } = recogniseFile(sniff, name);
  const csv = {
    fileName: name,
    registeredName: name,
    header: sniff.fields,
    trailingDelimiter: sniff.trailingDelimiter,
    delimiter: sniff.delimiter,
  };
  await db.registerFile(name, bytes);
  try {
    if (loader.id === 'dol-lca') return await loadLcaFile(db, { ...csv, columns: layout, sourceId: 'build' });
    if (loader.id === 'uscis-h1b') return await loadH1bFile(db, { ...csv, ...layout, sourceId: 'build', ...extra });
    throw new Error(`${name}: read by ${loader.id}, not a market file`);
  } finally {
    await db.dropFile(name);
  }
}

/**
 * All-industry initial approvals in a Data Hub file: the evidence that FY2023's file is a partial year.
 * @param {string} name
 */
function initialApprovals(name) {
  const text = fs.readFileSync(path.join(real, name), 'utf8');
  const data = /** @type {Record<string, string>[]} */ (Papa.parse(text, { header: true, skipEmptyLines: true }).data);
  return data.reduce((sum, r) => sum + Number(r['Initial Approval'] || 0), 0);
}

/**
 * @param {string} file
 * @param {string} table
 * @param {readonly (readonly [string, string])[]} schema
 * @param {string} order
 */
async function write(file, table, schema, order) {
  const columns = schema.map(([c]) => c).filter((c) => !SUMMARY_DERIVED.includes(c));
  /** @type {Record<string, unknown>[]} */
  const rows = await db.query(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`);
  fs.mkdirSync(out, { recursive: true });
  const text = Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c])) }, { newline: '\n' });
  fs.writeFileSync(path.join(out, file), `${text}\n`);
  console.log(`wrote datasets/market/${file}: ${rows.length} rows, ${(text.length / 1024).toFixed(0)} KB`);
}

const lca = await loadFile('dol_lca_healthcare_soc29_fy2025_q2.csv');
console.log(`DOL LCA ${lca.period.label}: ${lca.rows} filings; warnings:\n  ${lca.warnings.join('\n  ')}`);
await write('lca_physicians_lab_fy2025_q2.csv', 'lca_filings', LCA_SCHEMA, 'state NULLS LAST, soc, employer, annual_wage');

const [fy22, fy23] = [initialApprovals('uscis_h1b_datahubexport-2022.csv'), initialApprovals('uscis_h1b_datahubexport-2023.csv')];
const now = new Date('2023-09-08T00:00:00Z'); // the date the FY2023 file was committed (PROVENANCE.md)
await loadFile('uscis_h1b_datahubexport-2022.csv', { now });
await loadFile('uscis_h1b_datahubexport-2023.csv', {
  now,
  yearNotes: {
    2023: `partial year: this copy was saved on 2023-09-08, before FY2023 ended (${fy23.toLocaleString('en-US')} initial approvals in all industries against ${fy22.toLocaleString('en-US')} in FY2022)`,
  },
});
await write('h1b_sponsors_health_fy2022_fy2023.csv', 'h1b_sponsors', SPONSORS_SCHEMA, 'fiscal_year, state NULLS LAST, employer_key, naics');
