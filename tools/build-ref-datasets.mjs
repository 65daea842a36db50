#!/usr/bin/env node
// Regenerates the reference tables in public/datasets/ref/ from
//   ../shared/datasets/real/   (third-party copies of federal files; read only, never copied)
//   public/datasets/ref/cited_figures.json   (hand-researched figures, each with its source)
// Node built-ins only. Usage (from the repo root):  node tools/build-ref-datasets.mjs
// Optional: SHARED_REAL=/path/to/shared/datasets/real node tools/build-ref-datasets.mjs
//
// Outputs (UTF-8, comma CSV, header row, LF, FIPS as zero-padded text):
//   states.csv, counties.csv, specialty_supply_by_state.csv, lab_workforce_by_state.csv
// Every derivation and estimate formula is documented in public/datasets/ref/SOURCES.md.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REAL = process.env.SHARED_REAL ? resolve(process.env.SHARED_REAL) : resolve(ROOT, '../shared/datasets/real');
const OUT = join(ROOT, 'public/datasets/ref');
const CITED = JSON.parse(readFileSync(join(OUT, 'cited_figures.json'), 'utf8'));

// ---------------------------------------------------------------- CSV helpers
/** RFC-4180-ish parser: quotes, doubled quotes, CRLF/LF, optional BOM. */
function parseCsv(text, delimiter = ',') {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const header = rows.shift();
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

function csvCell(v) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(name, columns, rows) {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  writeFileSync(join(OUT, name), lines.join('\n') + '\n', 'utf8');
  console.log(`wrote ${name}: ${rows.length} rows`);
}

const read = (file, enc = 'utf8') => {
  const p = join(REAL, file);
  if (!existsSync(p)) throw new Error(`missing input ${p} (set SHARED_REAL?)`);
  return readFileSync(p, enc);
};
const pad = (v, n) => String(v).trim().padStart(n, '0');
const round1 = (x) => Math.round(x * 10) / 10;
/** BLS wage cell: strip thousands separators; '*' (not available) and '#' (top-coded) -> null. */
const blsNumber = (s) => {
  const t = (s ?? '').trim();
  if (t === '' || t === '*' || t === '#' || t === '**') return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
};

mkdirSync(OUT, { recursive: true });

// ---------------------------------------------------------------- inputs
// Census Vintage 2023 county file (UTF-8, CRLF, no zero padding; state rows SUMLEV 40, county rows 50).
const census = parseCsv(read('census_co-est2023-alldata.csv'));
// USDA ERS RUCC 2023, long format, Latin-1, FIPS without leading zero.
const ruccLong = parseCsv(read('usda_ers_rucc_2023_long.csv', 'latin1'));
// Census regions/divisions by state (names), 50 states + DC.
const regions = parseCsv(read('census_regions_divisions_by_state.csv'));
// HHS regions keyed by state/territory name.
const hhs = parseCsv(read('hhs_regions_by_state.csv'));
// BLS OEWS May 2023 state file subset (semicolon, BOM, wages only).
const oews = parseCsv(read('bls_oews_state_M2023_subset_semicolon.csv'), ';');

// ---------------------------------------------------------------- RUCC pivot
const rucc = new Map(); // fips5 -> {state, name, pop2020, rucc}
for (const r of ruccLong) {
  const fips = pad(r.FIPS, 5);
  const e = rucc.get(fips) ?? { state: r.State, name: r.County_Name, pop2020: null, rucc: null };
  if (r.Attribute === 'Population_2020') e.pop2020 = Number(r.Value);
  if (r.Attribute === 'RUCC_2023') e.rucc = Number(r.Value);
  rucc.set(fips, e);
}
const ruralOf = (code) => (code === null || code === undefined || code === '' ? '' : code >= 4 ? 'rural' : 'metro');

// ---------------------------------------------------------------- states.csv
const regionByName = new Map(regions.map((r) => [r.State, r]));
const hhsByName = new Map(hhs.map((r) => [r.state_or_territory, Number(r.region_number)]));
const stateRows = census.filter((r) => r.SUMLEV === '40' || r.SUMLEV === '040');
const pop2020ByState = new Map(); // 2-digit fips -> sum of RUCC Population_2020 (2020 Census counts)
for (const [fips, e] of rucc) {
  if (e.pop2020 === null) continue;
  const st = fips.slice(0, 2);
  pop2020ByState.set(st, (pop2020ByState.get(st) ?? 0) + e.pop2020);
}

const states = [];
for (const r of stateRows) {
  const reg = regionByName.get(r.STNAME);
  if (!reg) throw new Error(`no region row for ${r.STNAME}`);
  const hhsRegion = hhsByName.get(r.STNAME);
  if (!hhsRegion) throw new Error(`no HHS region for ${r.STNAME}`);
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
  const hhsRegion = hhsByName.get(t.hhs_name);
  if (!hhsRegion) throw new Error(`no HHS region for ${t.hhs_name}`);
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
writeCsv(
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
  states,
);

// ---------------------------------------------------------------- counties.csv
// us-atlas@3 county ids (what the map draws), if installed; used only for the in_us_atlas flag.
let atlasIds = null;
const atlasPath = join(ROOT, 'node_modules/us-atlas/counties-10m.json');
if (existsSync(atlasPath)) {
  const topo = JSON.parse(readFileSync(atlasPath, 'utf8'));
  atlasIds = new Set(topo.objects.counties.geometries.map((g) => String(g.id).padStart(5, '0')));
}
const inAtlas = (fips) => (atlasIds ? atlasIds.has(fips) : '');

const counties = [];
const countyPop2023 = new Map();
for (const r of census) {
  if (!(r.SUMLEV === '50' || r.SUMLEV === '050')) continue;
  const fips = pad(r.STATE, 2) + pad(r.COUNTY, 3);
  const st = stateByFips.get(fips.slice(0, 2));
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
  const st = stateByFips.get(st2);
  const isPR = st2 === '72';
  counties.push({
    county_fips: fips,
    state: st.state,
    county_name: e.name,
    population_2023: isPR ? Math.round(e.pop2020 * prScale) : '',
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
  const a = rucc.get('02063');
  const b = rucc.get('02066');
  const ruccLegacy = a.rucc === b.rucc ? a.rucc : '';
  counties.push({
    county_fips: '02261',
    state: 'AK',
    county_name: 'Valdez-Cordova Census Area (legacy; = 02063 + 02066)',
    population_2023: countyPop2023.get('02063') + countyPop2023.get('02066'),
    population_is_estimate: false,
    population_2020_census: a.pop2020 + b.pop2020,
    rucc_2023: ruccLegacy,
    rucc_fallback: '',
    rucc_source: 'derived: RUCC 2023 of both successors 02063 and 02066',
    rural: ruralOf(ruccLegacy),
    geo_type: 'legacy_map_unit',
    in_us_atlas: inAtlas('02261'),
    note: 'legacy unit for the map; population is the exact sum of 02063 and 02066 - do not add to state totals',
  });
}
// Connecticut old counties 09001-09015 (dissolved for statistics in 2022).
const ctState = stateByAbbr.get('CT');
const ctCensus2020 = CITED.ct_legacy_counties.rows.reduce((s, r) => s + r.population_2020_census, 0);
const ctScale = ctState.population_2023 / ctCensus2020;
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
counties.sort((a, b) => a.county_fips.localeCompare(b.county_fips));
writeCsv(
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

// ---------------------------------------------------------------- OEWS wages index
const oewsIndex = new Map(); // `${stateName}|${soc}` -> {a_mean, h_mean}
for (const r of oews) {
  oewsIndex.set(`${r.AREA_TITLE}|${r.OCC_CODE}`, { a: blsNumber(r.A_MEAN), h: blsNumber(r.H_MEAN) });
}
const oewsName = (s) => (s.state === 'VI' ? 'Virgin Islands' : s.state_name);

// ---------------------------------------------------------------- specialty_supply_by_state.csv
const fifty1 = states.filter((s) => s.is_state_or_dc);
const US_POP_2021 = census.filter((r) => r.SUMLEV === '40' || r.SUMLEV === '040').reduce((s, r) => s + Number(r.POPESTIMATE2021), 0);
const density = CITED.aamc_active_physicians_per_100k_2020.by_state;
for (const s of fifty1) if (density[s.state] === undefined) throw new Error(`no AAMC density for ${s.state}`);
// weight_s = AAMC active physicians per 100k (2020) x population_2023: the state's implied physician count.
const weight = new Map(fifty1.map((s) => [s.state, (density[s.state] * s.population_2023) / 1e5]));
const weightSum = [...weight.values()].reduce((a, b) => a + b, 0);
const socBySpecialty = new Map(CITED.specialty_bls_soc.rows.map((r) => [r.specialty, r.soc]));

const supplyRows = [];
for (const s of fifty1) {
  for (const sp of CITED.aamc_active_physicians_by_specialty_2021.rows) {
    const supply = round1((sp.count * weight.get(s.state)) / weightSum);
    const bench = (sp.count / US_POP_2021) * 1e5;
    const demand = round1((s.population_2023 * bench) / 1e5);
    const soc = socBySpecialty.get(sp.specialty);
    const wage = soc ? oewsIndex.get(`${oewsName(s)}|${soc}`) : null;
    supplyRows.push({
      state_fips: s.state_fips,
      state: s.state,
      specialty: sp.specialty,
      aamc_specialty: sp.aamc_specialty,
      population_2023: s.population_2023,
      supply: supply,
      supply_per_100k: round1((supply / s.population_2023) * 1e5),
      supply_is_estimate: true,
      supply_vintage: 'national count Dec 31 2021; state distribution 2020',
      supply_source:
        `ESTIMATE: AAMC 2022 Physician Specialty Data Report national count (${sp.count}, 2021) x state share of ` +
        `AAMC 2021 State Physician Workforce Data Report active physicians/100k (${density[s.state]}, 2020) x Census V2023 population; see SOURCES.md`,
      benchmark_per_100k: round1(bench),
      benchmark_type: 'national_average',
      benchmark_source: `US average: AAMC 2022 PSDR count ${sp.count} (2021) / Census V2023 POPESTIMATE2021, 50 states + DC (${US_POP_2021}) x 100k`,
      demand: demand,
      gap: round1(demand - supply),
      bls_oews_soc: soc ?? '',
      bls_oews_annual_mean_wage_2023: wage?.a ?? '',
      bls_oews_wage_source: soc
        ? 'BLS OEWS May 2023 state file (A_MEAN); empty = not published (*, #) or no row'
        : 'no detailed SOC (in 29-1229 Physicians, All Other)',
    });
  }
}
writeCsv(
  'specialty_supply_by_state.csv',
  [
    'state_fips',
    'state',
    'specialty',
    'aamc_specialty',
    'population_2023',
    'supply',
    'supply_per_100k',
    'supply_is_estimate',
    'supply_vintage',
    'supply_source',
    'benchmark_per_100k',
    'benchmark_type',
    'benchmark_source',
    'demand',
    'gap',
    'bls_oews_soc',
    'bls_oews_annual_mean_wage_2023',
    'bls_oews_wage_source',
  ],
  supplyRows,
);

// ---------------------------------------------------------------- lab_workforce_by_state.csv
const LAB = CITED.lab_employment_29_2010_may2024;
const sourcedSum = Object.values(LAB.by_state).reduce((a, b) => a + b, 0);
const residual = LAB.us_total - sourcedSum;
const unsourced = fifty1.filter((s) => LAB.by_state[s.state] === undefined);
const unsourcedPop = unsourced.reduce((a, s) => a + s.population_2023, 0);
const licensure = new Set(CITED.lab_licensure_states.states);
const labRows = [];
for (const s of [...fifty1, stateByAbbr.get('PR'), stateByAbbr.get('VI')]) {
  const isTerritory = !s.is_state_or_dc;
  const real = LAB.by_state[s.state];
  let employment = '';
  let estimate = '';
  let src = '';
  if (real !== undefined) {
    employment = real;
    estimate = false;
    src = 'BLS OEWS May 2024 TOT_EMP via HealthGuideUSA tabulation (cited_figures.json: bls_oews_m2024_lab_via_healthguideusa)';
  } else if (!isTerritory) {
    employment = Math.round((residual * s.population_2023) / unsourcedPop);
    estimate = true;
    src = `ESTIMATE = (BLS OEWS May 2024 US total ${LAB.us_total} - ${sourcedSum} sourced in ${Object.keys(LAB.by_state).length} jurisdictions) x state population_2023 / population_2023 of the ${unsourced.length} unsourced states`;
  } else {
    src = 'not available: OEWS national total excludes territories; no sourced figure found';
  }
  const w = oewsIndex.get(`${oewsName(s)}|29-2010`);
  labRows.push({
    state_fips: s.state_fips,
    state: s.state,
    state_name: s.state_name,
    soc_code: '29-2010',
    employment,
    employment_vintage: employment === '' ? '' : 'May 2024',
    employment_is_estimate: estimate,
    employment_source: src,
    population_2023: s.population_2023,
    per_100k: employment === '' ? '' : round1((employment / s.population_2023) * 1e5),
    per_100k_is_estimate: employment === '' ? '' : estimate,
    annual_mean_wage: w?.a ?? '',
    hourly_mean_wage: w?.h ?? '',
    wage_vintage: 'May 2023',
    wage_is_estimate: false,
    wage_source: 'BLS OEWS May 2023 state file, 29-2010 A_MEAN/H_MEAN (shared subset bls_oews_state_M2023_subset_semicolon.csv)',
    licensure_required: licensure.has(s.state),
    licensure_source: 'ASCLS state licensure list (domain.md S44)',
  });
}
writeCsv(
  'lab_workforce_by_state.csv',
  [
    'state_fips',
    'state',
    'state_name',
    'soc_code',
    'employment',
    'employment_vintage',
    'employment_is_estimate',
    'employment_source',
    'population_2023',
    'per_100k',
    'per_100k_is_estimate',
    'annual_mean_wage',
    'hourly_mean_wage',
    'wage_vintage',
    'wage_is_estimate',
    'wage_source',
    'licensure_required',
    'licensure_source',
  ],
  labRows,
);

// ---------------------------------------------------------------- checks printed for SOURCES.md
const us2023 = fifty1.reduce((a, s) => a + s.population_2023, 0);
console.log(
  `US (50+DC) population 2023: ${us2023}; 2021: ${US_POP_2021}; PR 2020 Census sum from RUCC: ${prPop2020Sum}; CT 2020 sum: ${ctCensus2020}`,
);
console.log(`lab residual ${residual} over ${unsourced.length} states`);
