#!/usr/bin/env node
// Regenerates the county tables in datasets/county/ from ../shared/datasets/real/county/ (read, never
// copied; its PROVENANCE.md lists the sources and their quirks):
//   supply_chr2025.csv   providers per county, state and nation: AHRF 2022 primary-care physicians,
//                        AHRF 2023 dentists, CMS NPPES 2024 mental-health and other primary-care providers
//   supply_chr2022.csv   the same measures from the older release: AHRF 2019, AHRF 2020, NPPES 2021
//   pop_per_pcp_2014_2021.csv   population per primary-care physician by county and year (Urban Institute, from AHRF)
//   zcta_county_2020.csv        Census 2020 ZCTA → county, with the part's share of the ZCTA's land
// Usage (from the repo root): node tools/build-county-datasets.mjs   (SHARED_REAL=… to read elsewhere)
//
// One row per area (`fips`: 00000 the nation, SS000 a state, else a county) with, per measure, the
// number of providers, the population it is counted over and the figures' year, in the same
// columns for both releases, so a query reads either the same way. Counts and populations are
// kept as published; the app computes rates from them (checked here against the published rates,
// which are not shipped). Three figures a release gives only through a rate are recovered and
// checked whole:
//   - CHR&R 2022's primary-care rate is over the 2019 population, which it does not give:
//     count ÷ rate × 100,000 (the ratio's population, "836:0", where the count is 0);
//   - CHR&R 2022 gives other primary-care providers as a rate only: rate × population ÷ 100,000;
//   - CHR&R 2025 gives Connecticut's planning regions' and state's NPPES figures as a ratio without
//     the population: Census Vintage 2023's (datasets/ref), checked against the ratio.
// Every check below throws: a table that does not add up is never written.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCsv, writeCsv } from './lib/csv.mjs';

/** @typedef {import('./lib/csv.mjs').CsvValue} CsvValue */
/** @typedef {import('./lib/csv.mjs').CsvRow} CsvRow */
/** @typedef {'pcp' | 'dentists' | 'mhp' | 'other_pcp'} Measure */
/**
 * One measure's figures for one area (written one row per area, the measures side by side).
 * @typedef {object} SupplyRow
 * @property {string} fips
 * @property {'nation' | 'state' | 'county'} level
 * @property {Measure} measure
 * @property {number} year
 * @property {number} providers
 * @property {number} population
 */

const ROOT = resolve(import.meta.dirname, '..');
const REAL = process.env.SHARED_REAL ? resolve(process.env.SHARED_REAL) : resolve(ROOT, '../shared/datasets/real');
const IN = join(REAL, 'county');
const OUT = join(ROOT, 'datasets/county');

/** @param {string} file */
const read = (file) => {
  const p = join(IN, file);
  if (!existsSync(p)) throw new Error(`missing input ${p} (set SHARED_REAL?)`);
  return readCsv(p);
};
/** @param {string | undefined} v @returns {number | null} */
const num = (v) => {
  const t = (v ?? '').trim();
  if (t === '' || t === 'NA') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(v)}`);
  return n;
};
/** @param {boolean} ok @param {string} what */
const check = (ok, what) => {
  if (!ok) throw new Error(`check failed: ${what}`);
};
/** A count or population published as "253985.0": a whole number. @param {string | undefined} v @param {string} what */
const whole = (v, what) => {
  const n = num(v);
  check(n === null || Number.isInteger(n), `${what} is not a whole number: ${v}`);
  return n;
};
/** A whole number recovered from a rounded rate: it must come out within `tolerance` of an integer. @param {number} x @param {string} what */
const recovered = (x, what, tolerance = 0.05) => {
  check(Math.abs(x - Math.round(x)) <= tolerance, `${what}: ${x} is not within ${tolerance} of a whole number`);
  return Math.round(x);
};

mkdirSync(OUT, { recursive: true });
/** @type {Measure[]} */
const MEASURES = ['pcp', 'dentists', 'mhp', 'other_pcp'];
const SUPPLY_COLUMNS = ['fips', ...MEASURES.flatMap((m) => [m, `${m}_population`, `${m}_year`])];

/** One row per area, each measure's count, population and year side by side (empty where the release has no figure). @param {SupplyRow[]} rows */
function wide(rows) {
  /** @type {Map<string, Record<string, CsvValue>>} */
  const byFips = new Map();
  for (const r of rows) {
    const row = byFips.get(r.fips) ?? { fips: r.fips };
    Object.assign(row, { [r.measure]: r.providers, [`${r.measure}_population`]: r.population, [`${r.measure}_year`]: r.year });
    byFips.set(r.fips, row);
  }
  return [...byFips.values()].sort((a, b) => String(a.fips).localeCompare(String(b.fips)));
}

// Census Vintage 2023 populations (datasets/ref), for the Connecticut rows of the 2025 release that
// give a ratio but no population (its planning regions' and the state's NPPES figures).
const refCounties = readCsv(join(ROOT, 'datasets/ref/counties.csv'));
const refStates = readCsv(join(ROOT, 'datasets/ref/states.csv'));
const census2023 = new Map([
  ...refCounties.map((r) => /** @type {const} */ ([r.county_fips, Number(r.population_2023)])),
  ...refStates.map((r) => /** @type {const} */ ([`${r.state_fips}000`, Number(r.population_2023)])),
]);

// ---------------------------------------------------------------- CHR&R 2025 release
const chr2025 = read('county_provider_supply_ahrf2022_npi2024_chr2025.csv');
/** @type {SupplyRow[]} */
const supply2025 = [];
for (const r of chr2025) {
  const level = /** @type {SupplyRow['level']} */ (r.geo_level);
  check(['nation', 'state', 'county'].includes(level), `geo_level ${r.geo_level}`);
  const base = { fips: r.fips, level };
  const pcp = whole(r.pcp_n_2022, `${r.fips} pcp_n_2022`);
  const pop2022 = whole(r.pop_2022, `${r.fips} pop_2022`);
  if (pcp !== null && pop2022 !== null) {
    const rate = num(r.pcp_per_100k_2022);
    check(rate !== null && Math.abs((pcp / pop2022) * 1e5 - rate) <= 0.0051, `${r.fips}: PCP rate ${rate} ≠ ${pcp} ÷ ${pop2022}`);
    supply2025.push({
      ...base,
      measure: 'pcp',
      year: 2022,
      providers: pcp,
      population: pop2022,
    });
  }
  const pop2023 = whole(r.pop_2023, `${r.fips} pop_2023`);
  /** @param {Measure} measure @param {number} year @param {string} countColumn @param {string} ratioColumn */
  const byRatio = (measure, year, countColumn, ratioColumn) => {
    const n = whole(r[countColumn], `${r.fips} ${countColumn}`);
    const ratio = num(r[ratioColumn]);
    if (n === null) return;
    // Connecticut's planning regions and state row give the ratio without the population: Census V2023's.
    const population = pop2023 ?? census2023.get(r.fips) ?? null;
    check(population !== null, `${r.fips} ${measure}: no population`);
    const pop = /** @type {number} */ (population);
    check(ratio === null ? n === 0 : Math.abs(pop / n - ratio) <= 0.051, `${r.fips} ${measure}: ${pop} ÷ ${n} ≠ ${ratio}`);
    supply2025.push({
      ...base,
      measure,
      year,
      providers: n,
      population: pop,
    });
  };
  byRatio('dentists', 2023, 'dentists_n_2023', 'pop_per_dentist_2023');
  byRatio('mhp', 2024, 'mhp_n_npi', 'pop_per_mhp');
  byRatio('other_pcp', 2024, 'other_pcp_n_npi', 'pop_per_other_pcp');
}

// ---------------------------------------------------------------- CHR&R 2022 release
const chr2022 = read('county_provider_supply_ahrf2019_chr2022.csv');
/** "1519:1" → population 1519, 1 provider; "836:0": 836 people, no provider. @param {string} v */
const ratioParts = (v) => {
  const m = /^(\d+):(\d+)$/.exec(v.trim());
  return m ? { population: Number(m[1]), providers: Number(m[2]) } : null;
};
/** @type {SupplyRow[]} */
const supply2022 = [];
for (const r of chr2022) {
  const level = r.county === '' ? 'state' : 'county';
  const base = { fips: r.fips, level: /** @type {SupplyRow['level']} */ (level) };
  const pop2020 = whole(r.population_2020, `${r.fips} population_2020`);
  check(pop2020 !== null, `${r.fips}: no population_2020`);
  const population = /** @type {number} */ (pop2020);
  // Primary-care physicians (AHRF 2019): the rate is over the 2019 population, which the release
  // does not give: recovered as count ÷ rate × 100,000 (from the ratio "836:0" where the count is 0).
  const pcp = whole(r.pcp_n, `${r.fips} pcp_n`);
  if (pcp !== null) {
    const rate = /** @type {number} */ (num(r.pcp_per_100k));
    const ratio = ratioParts(r.pcp_ratio);
    const pop2019 = pcp > 0 ? recovered((pcp / rate) * 1e5, `${r.fips} PCP population`, 0.5) : ratio?.population;
    check(pop2019 !== undefined, `${r.fips}: no PCP population`);
    // The published ratio "1519:1" is the recovered population ÷ count, rounded.
    check(
      !ratio || pcp === 0 || Math.abs(/** @type {number} */ (pop2019) / pcp - ratio.population) <= 0.5,
      `${r.fips}: PCP ratio ${r.pcp_ratio}`,
    );
    supply2022.push({
      ...base,
      measure: 'pcp',
      year: 2019,
      providers: pcp,
      population: /** @type {number} */ (pop2019),
    });
  }
  /**
   * Dentists (2020) and mental-health providers (2021): over population_2020, as the rates show.
   * @param {Measure} measure @param {number} year @param {string} count @param {string} rateColumn
   */
  const counted = (measure, year, count, rateColumn) => {
    const n = whole(r[count], `${r.fips} ${count}`);
    if (n === null) return;
    const rate = /** @type {number} */ (num(r[rateColumn]));
    check(Math.abs((n / population) * 1e5 - rate) <= 1e-4 * Math.max(1, rate), `${r.fips} ${measure}: ${n} ÷ ${population} ≠ ${rate}`);
    supply2022.push({
      ...base,
      measure,
      year,
      providers: n,
      population,
    });
  };
  counted('dentists', 2020, 'dentists_n', 'dentists_per_100k');
  counted('mhp', 2021, 'mhp_n', 'mhp_per_100k');
  // Other primary-care providers (NPPES 2021): a rate only; the count is rate × population ÷ 100,000, checked whole.
  const otherRate = num(r.other_pcp_per_100k);
  if (otherRate !== null) {
    supply2022.push({
      ...base,
      measure: 'other_pcp',
      year: 2021,
      providers: recovered((otherRate * population) / 1e5, `${r.fips} other PCP count`, 0.02),
      population,
    });
  }
}

// A state's figure is the sum of its counties' where every county has one (checked, not assumed).
/** @param {SupplyRow[]} rows @param {string} label @param {Measure[]} exact */
function checkStateSums(rows, label, exact) {
  for (const measure of exact) {
    const states = rows.filter((r) => r.level === 'state' && r.measure === measure);
    for (const s of states) {
      const counties = rows.filter((r) => r.level === 'county' && r.measure === measure && r.fips.startsWith(s.fips.slice(0, 2)));
      const sum = counties.reduce((t, r) => t + r.providers, 0);
      check(sum === s.providers, `${label} ${measure} ${s.fips}: counties sum to ${sum}, state row ${s.providers}`);
    }
  }
}
checkStateSums(supply2025, 'CHR&R 2025', ['pcp', 'dentists']);
const nation = supply2025.find((r) => r.level === 'nation' && r.measure === 'pcp');
check(nation?.providers === 253985 && nation.population === 333287557, 'CHR&R 2025 nation row: 253,985 PCPs, 333,287,557 people');

writeCsv(join(OUT, 'supply_chr2025.csv'), SUPPLY_COLUMNS, wide(supply2025));
writeCsv(join(OUT, 'supply_chr2022.csv'), SUPPLY_COLUMNS, wide(supply2022));

// ---------------------------------------------------------------- population per PCP, 2014–2021
const trend = read('county_pop_per_pcp_ahrf_2014-2021.csv').map((r) => ({
  fips: `${r.state.padStart(2, '0')}${r.county.padStart(3, '0')}`,
  year: Number(r.year),
  // 0: no primary-care physician (population ≤ 2,000); NA: no ratio (no physician and population > 2,000, or no figure).
  pop_per_pcp: num(r.ratio_population_pc_physician),
  quality: num(r.ratio_population_pc_physician_quality),
}));
// By county, then year: one county's trend is read together (and the file compresses well).
trend.sort((a, b) => a.fips.localeCompare(b.fips) || a.year - b.year);
writeCsv(join(OUT, 'pop_per_pcp_2014_2021.csv'), ['fips', 'year', 'pop_per_pcp', 'quality'], trend);

// ---------------------------------------------------------------- ZCTA → county
const zcta = read('census_zcta2020_county2020.csv').map((r) => ({
  zcta: r.zcta,
  county_fips: r.county_fips,
  // The file's shares have six decimals: kept exactly as parts per million.
  land_share_ppm: recovered(Number(r.land_share) * 1e6, `${r.zcta} ${r.county_fips} land_share`, 1e-6),
  is_primary: r.is_primary === '1',
}));
const primaries = new Map();
for (const z of zcta) if (z.is_primary) primaries.set(z.zcta, (primaries.get(z.zcta) ?? 0) + 1);
check(
  [...new Set(zcta.map((z) => z.zcta))].every((z) => primaries.get(z) === 1),
  'every ZCTA has exactly one county holding most of its land',
);
writeCsv(join(OUT, 'zcta_county_2020.csv'), ['zcta', 'county_fips', 'land_share_ppm', 'is_primary'], zcta);
