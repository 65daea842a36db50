#!/usr/bin/env node
// Regenerates the geography tables in datasets/ref/ from
//   ../shared/datasets/real/   (third-party copies of federal files; read only, never copied)
//   datasets/ref/cited_figures.json   (hand-researched figures, each with its source)
// Usage (from the repo root):  node tools/build-ref-datasets.mjs
// Optional: SHARED_REAL=/path/to/shared/datasets/real node tools/build-ref-datasets.mjs
//
// Outputs (UTF-8, comma CSV, header row, LF, FIPS as zero-padded text): states.csv, counties.csv.
// Every derivation is documented in datasets/ref/SOURCES.md.
import { mkdirSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { readCsv, readJson, writeCsv } from './lib/csv.mjs';

/** @typedef {import('./lib/csv.mjs').CsvValue} CsvValue */
/**
 * @typedef {object} CitedFigures
 * @property {{ rows: { state_fips: string, state: string, state_name: string, hhs_name: string }[] }} territories
 * @property {{ value: number }} pr_population_2023
 * @property {{ rows: { county_fips: string, county_name: string, population_2020_census: number, rucc_2013: number }[] }} ct_legacy_counties
 */
/**
 * @typedef {object} StateRow
 * @property {string} state_fips
 * @property {string} state
 * @property {string} state_name
 * @property {string} census_region
 * @property {string} census_division
 * @property {number} hhs_region
 * @property {number | ''} population_2023
 * @property {string} population_2023_source
 * @property {number | ''} population_2020_census
 * @property {boolean} is_state_or_dc
 */

const ROOT = resolve(import.meta.dirname, '..');
const REAL = process.env.SHARED_REAL ? resolve(process.env.SHARED_REAL) : resolve(ROOT, '../shared/datasets/real');
const OUT = join(ROOT, 'datasets/ref');
const CITED = /** @type {CitedFigures} */ (readJson(join(OUT, 'cited_figures.json')));

/**
 * @param {string} file
 * @param {{ encoding?: BufferEncoding, delimiter?: string }} [options]
 */
const read = (file, options) => {
  const p = join(REAL, file);
  if (!existsSync(p)) throw new Error(`missing input ${p} (set SHARED_REAL?)`);
  return readCsv(p, options);
};
/** @param {string | number} v @param {number} n */
const pad = (v, n) => String(v).trim().padStart(n, '0');
/**
 * @template T
 * @param {T | undefined} v
 * @param {string} what
 * @returns {T}
 */
const must = (v, what) => {
  if (v === undefined) throw new Error(`missing: ${what}`);
  return v;
};
/** @param {string} name @param {readonly string[]} columns @param {readonly Record<string, CsvValue>[]} rows */
const write = (name, columns, rows) => writeCsv(join(OUT, name), columns, rows);

mkdirSync(OUT, { recursive: true });

// ---------------------------------------------------------------- inputs
// Census Vintage 2023 county file (UTF-8, CRLF, no zero padding; state rows SUMLEV 40, county rows 50).
const census = read('census_co-est2023-alldata.csv');
// USDA ERS RUCC 2023, long format, Latin-1, FIPS without leading zero.
const ruccLong = read('usda_ers_rucc_2023_long.csv', { encoding: 'latin1' });
// Census regions/divisions by state (names), 50 states + DC.
const regions = read('census_regions_divisions_by_state.csv');
// HHS regions keyed by state/territory name.
const hhs = read('hhs_regions_by_state.csv');

// ---------------------------------------------------------------- RUCC pivot
/** @type {Map<string, { state: string, name: string, pop2020: number | null, rucc: number | null }>} */
const rucc = new Map();
for (const r of ruccLong) {
  const fips = pad(r.FIPS, 5);
  const e = rucc.get(fips) ?? { state: r.State, name: r.County_Name, pop2020: null, rucc: null };
  if (r.Attribute === 'Population_2020') e.pop2020 = Number(r.Value);
  if (r.Attribute === 'RUCC_2023') e.rucc = Number(r.Value);
  rucc.set(fips, e);
}
/** @param {number | null | undefined} code */
const ruralOf = (code) => (code === null || code === undefined ? '' : code >= 4 ? 'rural' : 'metro');

// ---------------------------------------------------------------- states.csv
const regionByName = new Map(regions.map((r) => [r.State, r]));
const hhsByName = new Map(hhs.map((r) => [r.state_or_territory, Number(r.region_number)]));
const stateRows = census.filter((r) => r.SUMLEV === '40' || r.SUMLEV === '040');
/** @type {Map<string, number>} 2-digit fips -> sum of RUCC Population_2020 (2020 Census counts) */
const pop2020ByState = new Map();
for (const [fips, e] of rucc) {
  if (e.pop2020 === null) continue;
  const st = fips.slice(0, 2);
  pop2020ByState.set(st, (pop2020ByState.get(st) ?? 0) + e.pop2020);
}

/** @type {StateRow[]} */
const states = [];
for (const r of stateRows) {
  const reg = must(regionByName.get(r.STNAME), `region row for ${r.STNAME}`);
  const hhsRegion = must(hhsByName.get(r.STNAME), `HHS region for ${r.STNAME}`);
  const st = pad(r.STATE, 2);
  states.push({
    state_fips: st,
    state: reg['State Code'],
    state_name: r.STNAME,
    census_region: reg.Region,
    census_division: reg.Division,
    hhs_region: hhsRegion,
    population_2023: Number(r.POPESTIMATE2023),
    population_2023_source: 'Census V2023 co-est2023-alldata state row (POPESTIMATE2023)',
    population_2020_census: pop2020ByState.get(st) ?? '',
    is_state_or_dc: true,
  });
}
for (const t of CITED.territories.rows) {
  const hhsRegion = must(hhsByName.get(t.hhs_name), `HHS region for ${t.hhs_name}`);
  const isPR = t.state === 'PR';
  states.push({
    state_fips: t.state_fips,
    state: t.state,
    state_name: t.state_name,
    census_region: '',
    census_division: '',
    hhs_region: hhsRegion,
    population_2023: isPR ? CITED.pr_population_2023.value : '',
    population_2023_source: isPR
      ? 'Census V2023 Puerto Rico estimate (cited_figures.json: census_pr_v2023)'
      : 'none: Census publishes no annual estimates for this island area',
    population_2020_census: pop2020ByState.get(t.state_fips) ?? '',
    is_state_or_dc: false,
  });
}
states.sort((a, b) => a.state_fips.localeCompare(b.state_fips));
const stateByFips = new Map(states.map((s) => [s.state_fips, s]));
const stateByAbbr = new Map(states.map((s) => [s.state, s]));
write(
  'states.csv',
  [
    'state_fips',
    'state',
    'state_name',
    'census_region',
    'census_division',
    'hhs_region',
    'population_2023',
    'population_2023_source',
    'population_2020_census',
    'is_state_or_dc',
  ],
  states.map((s) => ({ ...s })),
);

// ---------------------------------------------------------------- counties.csv
// us-atlas@3 county ids (what the map draws), if installed; used only for the in_us_atlas flag.
/** @type {Set<string> | null} */
let atlasIds = null;
const atlasPath = join(ROOT, 'node_modules/us-atlas/counties-10m.json');
if (existsSync(atlasPath)) {
  const topo = /** @type {{ objects: { counties: { geometries: { id: string | number }[] } } }} */ (readJson(atlasPath));
  atlasIds = new Set(topo.objects.counties.geometries.map((g) => String(g.id).padStart(5, '0')));
}
/** @param {string} fips */
const inAtlas = (fips) => (atlasIds ? atlasIds.has(fips) : '');

/** @type {Record<string, CsvValue>[]} */
const counties = [];
/** @type {Map<string, number>} */
const countyPop2023 = new Map();
for (const r of census) {
  if (!(r.SUMLEV === '50' || r.SUMLEV === '050')) continue;
  const fips = pad(r.STATE, 2) + pad(r.COUNTY, 3);
  const st = must(stateByFips.get(fips.slice(0, 2)), `state of county ${fips}`);
  const e = rucc.get(fips);
  countyPop2023.set(fips, Number(r.POPESTIMATE2023));
  const isCtRegion = fips.startsWith('09');
  counties.push({
    county_fips: fips,
    state: st.state,
    county_name: r.CTYNAME,
    population_2023: Number(r.POPESTIMATE2023),
    population_is_estimate: false,
    population_2020_census: e?.pop2020 ?? '',
    rucc_2023: e?.rucc ?? '',
    rucc_fallback: '',
    rucc_source: e?.rucc != null ? 'ERS RUCC 2023' : '',
    rural: ruralOf(e?.rucc),
    geo_type: isCtRegion ? 'ct_planning_region' : 'county',
    in_us_atlas: inAtlas(fips),
    note: isCtRegion ? 'CT planning region (county-equivalent since 2022); us-atlas@3 draws the old counties 09001-09015 instead' : '',
  });
}

// Island areas and Puerto Rico: rows from the RUCC file (Census V2023 county file has none).
const prEntries = [...rucc].filter(([f]) => f.startsWith('72'));
const prPop2020Sum = prEntries.reduce((s, [, e]) => s + (e.pop2020 ?? 0), 0);
const prScale = CITED.pr_population_2023.value / prPop2020Sum;
for (const [fips, e] of rucc) {
  const st2 = fips.slice(0, 2);
  if (!['60', '66', '69', '72', '78'].includes(st2)) continue;
  const st = must(stateByFips.get(st2), `territory ${st2}`);
  const isPR = st2 === '72';
  counties.push({
    county_fips: fips,
    state: st.state,
    county_name: e.name,
    population_2023: isPR ? Math.round((e.pop2020 ?? 0) * prScale) : '',
    population_is_estimate: isPR,
    population_2020_census: e.pop2020 ?? '',
    rucc_2023: e.rucc ?? '',
    rucc_fallback: '',
    rucc_source: e.rucc != null ? 'ERS RUCC 2023' : '',
    rural: ruralOf(e.rucc),
    geo_type: 'county',
    in_us_atlas: inAtlas(fips),
    note: isPR
      ? 'population_2023 estimated: 2020 Census count x (PR V2023 total / PR 2020 Census total)'
      : e.rucc == null
        ? 'no RUCC 2023 code published by ERS; no annual Census estimates for island areas'
        : 'no annual Census estimates for island areas',
  });
}

// Legacy map units drawn by us-atlas@3 but absent from the V2023 geography.
// Alaska 02261 Valdez-Cordova Census Area: split (2019) into 02063 Chugach + 02066 Copper River.
{
  const a = must(rucc.get('02063'), 'RUCC 02063');
  const b = must(rucc.get('02066'), 'RUCC 02066');
  const ruccLegacy = a.rucc === b.rucc ? a.rucc : null;
  counties.push({
    county_fips: '02261',
    state: 'AK',
    county_name: 'Valdez-Cordova Census Area (legacy; = 02063 + 02066)',
    population_2023: must(countyPop2023.get('02063'), '02063') + must(countyPop2023.get('02066'), '02066'),
    population_is_estimate: false,
    population_2020_census: (a.pop2020 ?? 0) + (b.pop2020 ?? 0),
    rucc_2023: ruccLegacy ?? '',
    rucc_fallback: '',
    rucc_source: 'derived: RUCC 2023 of both successors 02063 and 02066',
    rural: ruralOf(ruccLegacy),
    geo_type: 'legacy_map_unit',
    in_us_atlas: inAtlas('02261'),
    note: 'legacy unit for the map; population is the exact sum of 02063 and 02066 - do not add to state totals',
  });
}
// Connecticut old counties 09001-09015 (dissolved for statistics in 2022).
const ctState = must(stateByAbbr.get('CT'), 'CT');
const ctCensus2020 = CITED.ct_legacy_counties.rows.reduce((s, r) => s + r.population_2020_census, 0);
const ctScale = Number(ctState.population_2023) / ctCensus2020;
for (const r of CITED.ct_legacy_counties.rows) {
  counties.push({
    county_fips: r.county_fips,
    state: 'CT',
    county_name: `${r.county_name} (legacy)`,
    population_2023: Math.round(r.population_2020_census * ctScale),
    population_is_estimate: true,
    population_2020_census: r.population_2020_census,
    rucc_2023: '',
    rucc_fallback: r.rucc_2013,
    rucc_source: 'ERS RUCC 2013 (no RUCC 2023 exists for pre-2022 CT counties)',
    rural: ruralOf(r.rucc_2013),
    geo_type: 'legacy_map_unit',
    in_us_atlas: inAtlas(r.county_fips),
    note: 'legacy unit for the map; population_2023 estimated = 2020 Census count x (CT V2023 total / CT 2020 Census total) - do not add to state totals',
  });
}
counties.sort((a, b) => String(a.county_fips).localeCompare(String(b.county_fips)));
write(
  'counties.csv',
  [
    'county_fips',
    'state',
    'county_name',
    'population_2023',
    'population_is_estimate',
    'population_2020_census',
    'rucc_2023',
    'rucc_fallback',
    'rucc_source',
    'rural',
    'geo_type',
    'in_us_atlas',
    'note',
  ],
  counties,
);
if (atlasIds) {
  const have = new Set(counties.map((c) => c.county_fips));
  const missing = [...atlasIds].filter((id) => !have.has(id));
  console.log(`us-atlas county shapes: ${atlasIds.size}; without a row: ${missing.length}${missing.length ? ' ' + missing.join(' ') : ''}`);
}
const us2023 = states.filter((s) => s.is_state_or_dc).reduce((a, s) => a + Number(s.population_2023), 0);
console.log(`US (50+DC) population 2023: ${us2023}; PR 2020 Census sum from RUCC: ${prPop2020Sum}; CT 2020 sum: ${ctCensus2020}`);
