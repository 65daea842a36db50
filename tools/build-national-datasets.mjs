#!/usr/bin/env node
// Builds the national state-level tables in datasets/national/ from the published figures in
//   ../shared/datasets/real/national/   (read only, never copied: each output is our own compact table)
//   datasets/ref/cited_figures.json   (lab employment for 11 jurisdictions, lab licensure)
// Usage (from the repo root):  node tools/build-national-datasets.mjs
// Optional: SHARED_REAL=/path/to/shared/datasets/real node tools/build-national-datasets.mjs
//
// Nothing is computed but counts of what each table covers: every figure is a published one, kept
// with its as-of date, and two vintages are never merged into one row. See datasets/ref/SOURCES.md.
import { mkdirSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { publishedNumber, readCsv, readJson, writeCsv } from './lib/csv.mjs';

/** @typedef {import('./lib/csv.mjs').CsvRow} CsvRow */
/** @typedef {import('./lib/csv.mjs').CsvValue} CsvValue */
/**
 * @typedef {object} CitedFigures
 * @property {{ by_state: Record<string, number> }} lab_employment_29_2010_may2024
 * @property {{ states: string[] }} lab_licensure_states
 */

const ROOT = resolve(import.meta.dirname, '..');
const REAL = process.env.SHARED_REAL ? resolve(process.env.SHARED_REAL) : resolve(ROOT, '../shared/datasets/real');
const NATIONAL = join(REAL, 'national');
const OUT = join(ROOT, 'datasets/national');
const CITED = /** @type {CitedFigures} */ (readJson(join(ROOT, 'datasets/ref/cited_figures.json')));

/** @param {string} file */
function read(file) {
  const p = join(NATIONAL, file);
  if (!existsSync(p)) throw new Error(`missing input ${p} (set SHARED_REAL?)`);
  return readCsv(p);
}
/** @param {string} name @param {readonly string[]} columns @param {readonly Record<string, CsvValue>[]} rows */
const write = (name, columns, rows) => writeCsv(join(OUT, name), columns, rows);

// 50 states + DC, the set every "complete" claim is checked against.
const STATES_AND_DC = new Set(read('hpsa_primary_care_2021-12-31_hrsa_hgu.csv').map((r) => r.state_abbr));
STATES_AND_DC.delete('US');
if (STATES_AND_DC.size !== 51) throw new Error(`expected 51 states and DC, found ${STATES_AND_DC.size}`);

mkdirSync(OUT, { recursive: true });

// ---------------------------------------------------------------- HRSA HPSA state summaries
/**
 * One published table of the HRSA quarterly summary: its rows with figures (states, territories and
 * the published US row), in the shape of hpsa_state_summary.csv.
 * @param {{ file: string, discipline: string, asOf: string, source: string, prefix: 'pc' | 'mh', needMet?: boolean }} t
 * @returns {Record<string, CsvValue>[]}
 */
function summaryTable({ file, discipline, asOf, source, prefix, needMet = false }) {
  const rows = read(file).filter((r) => r[`${prefix}_hpsa_designations`] !== '');
  for (const r of rows) if (r.as_of !== asOf) throw new Error(`${file}: ${r.state_abbr} is as of ${r.as_of}, not ${asOf}`);
  const published = rows.filter((r) => STATES_AND_DC.has(r.state_abbr)).length;
  if (!rows.some((r) => r.state_abbr === 'US')) throw new Error(`${file}: no published US row`);
  return rows.map((r) => ({
    state: r.state_abbr,
    discipline,
    as_of: asOf,
    designations: publishedNumber(r[`${prefix}_hpsa_designations`]),
    population: publishedNumber(r[`${prefix}_hpsa_population`]),
    pct_need_met: needMet ? publishedNumber(r.pc_pct_need_met) : null,
    practitioners_needed: publishedNumber(r[`${prefix}_practitioners_needed`]),
    published_states: published,
    source,
  }));
}

const QUARTERLY = 'HRSA Designated HPSA Quarterly Summary';
const summaries = [
  ...summaryTable({
    file: 'hpsa_primary_care_2021-09-30_kff.csv',
    discipline: 'Primary Care',
    asOf: '2021-09-30',
    source: `${QUARTERLY}, via KFF State Health Facts`,
    prefix: 'pc',
    needMet: true,
  }),
  ...summaryTable({
    file: 'hpsa_primary_care_2021-12-31_hrsa_hgu.csv',
    discipline: 'Primary Care',
    asOf: '2021-12-31',
    source: `${QUARTERLY}, as republished by HealthGuideUSA`,
    prefix: 'pc',
  }),
  ...summaryTable({
    file: 'hpsa_primary_care_2025-03-31_hrsa_hgu.csv',
    discipline: 'Primary Care',
    asOf: '2025-03-31',
    source: `${QUARTERLY}, as republished by HealthGuideUSA`,
    prefix: 'pc',
  }),
  ...summaryTable({
    file: 'hpsa_mental_health_2025-03-31_hrsa_hgu.csv',
    discipline: 'Mental Health',
    asOf: '2025-03-31',
    source: `${QUARTERLY} (mental health), as republished by HealthGuideUSA`,
    prefix: 'mh',
  }),
];
// Dental: designation counts only, three vintages side by side in the source; one row per vintage here.
const dental = read('hpsa_dental_counts_becker.csv');
for (const [column, asOf, source] of [
  ['dental_hpsa_designations_2025-02', '2025-02-18', "HRSA shortage-area dashboard (updated 2025-02-18), as reported by Becker's Dental"],
  ['dental_hpsa_designations_2023', '2023', "HRSA figures for 2023 as reported by Becker's Dental (exact date not stated)"],
  ['dental_hpsa_designations_2022', '2022', "HRSA figures for 2022 as reported by Becker's Dental (exact date not stated)"],
]) {
  const rows = dental.filter((r) => r[column] !== '');
  const published = rows.filter((r) => STATES_AND_DC.has(r.state_abbr)).length;
  for (const r of rows)
    summaries.push({
      state: r.state_abbr,
      discipline: 'Dental Health',
      as_of: asOf,
      designations: publishedNumber(r[column]),
      population: null,
      pct_need_met: null,
      practitioners_needed: null,
      published_states: published,
      source,
    });
}
write(
  'hpsa_state_summary.csv',
  ['state', 'discipline', 'as_of', 'designations', 'population', 'pct_need_met', 'practitioners_needed', 'published_states', 'source'],
  summaries,
);

// ---------------------------------------------------------------- AAMC physicians by state (2018)
const aamc = read('aamc_physicians_by_state_2018.csv');
for (const r of aamc)
  if (!STATES_AND_DC.has(r.state_abbr) || r.as_of !== '2018-12-31') throw new Error(`AAMC row ${r.state_abbr} ${r.as_of}`);
write(
  'physicians_by_state.csv',
  [
    'state',
    'as_of',
    'active_per_100k',
    'patient_care_per_100k',
    'primary_care_per_100k',
    'patient_care_primary_care_per_100k',
    'general_surgery_per_100k',
    'patient_care_general_surgery_per_100k',
    'pct_female',
    'pct_img',
    'pct_age_60_plus',
    'active_physicians',
  ],
  aamc.map((r) => ({
    state: r.state_abbr,
    as_of: r.as_of,
    active_per_100k: publishedNumber(r.active_phys_per100k),
    patient_care_per_100k: publishedNumber(r.active_patient_care_phys_per100k),
    primary_care_per_100k: publishedNumber(r.active_pc_phys_per100k),
    patient_care_primary_care_per_100k: publishedNumber(r.active_patient_care_pc_phys_per100k),
    general_surgery_per_100k: publishedNumber(r.active_gen_surgeons_per100k),
    patient_care_general_surgery_per_100k: publishedNumber(r.active_patient_care_gen_surgeons_per100k),
    pct_female: publishedNumber(r.pct_active_phys_female),
    pct_img: publishedNumber(r.pct_active_phys_img),
    pct_age_60_plus: publishedNumber(r.pct_active_phys_age60plus),
    active_physicians: publishedNumber(r.active_phys_all_specialties_count),
  })),
);

// The AAMC state report's specialty counts, keyed by the app's specialty ids (src/model/specialties.ts).
const AAMC_SPECIALTIES = [
  ['family_med_gp_count', 'family medicine', 'Family Medicine/General Practice'],
  ['internal_med_count', 'internal medicine', 'Internal Medicine'],
  ['pediatrics_count', 'pediatrics', 'Pediatrics'],
  ['obgyn_count', 'ob/gyn', 'Obstetrics & Gynecology'],
  ['psychiatry_count', 'psychiatry', 'Psychiatry'],
  ['general_surgery_count', 'general surgery', 'General Surgery'],
  ['emergency_med_count', 'emergency medicine', 'Emergency Medicine'],
  ['pathology_count', 'pathology', 'Pathology'],
];
write(
  'physician_specialty_by_state.csv',
  ['state', 'specialty', 'aamc_field', 'active_physicians', 'as_of'],
  aamc.flatMap((r) =>
    AAMC_SPECIALTIES.map(([column, specialty, field]) => ({
      state: r.state_abbr,
      specialty,
      aamc_field: field,
      active_physicians: publishedNumber(r[column]),
      as_of: r.as_of,
    })),
  ),
);

// ---------------------------------------------------------------- BLS clinical lab technologists and technicians
const bls = read('bls_oews_clinical_lab_techs_2023-05.csv').filter((r) => r.annual_mean_wage !== '' || r.employment !== '');
const may2024 = CITED.lab_employment_29_2010_may2024.by_state;
const licensure = new Set(CITED.lab_licensure_states.states);
for (const r of bls)
  if (r.as_of !== 'May 2023' || r.soc_code !== '29-2010') throw new Error(`BLS row ${r.state_abbr}: ${r.as_of} ${r.soc_code}`);
for (const s of Object.keys(may2024)) if (!bls.some((r) => r.state_abbr === s)) throw new Error(`May 2024 employment for ${s} has no row`);
write(
  'lab_workforce_by_state.csv',
  [
    'state',
    'soc_code',
    'annual_mean_wage',
    'hourly_mean_wage',
    'wage_as_of',
    'employment_2023_05',
    'employment_2024_05',
    'licensure_required',
  ],
  bls.map((r) => ({
    state: r.state_abbr,
    soc_code: r.soc_code,
    annual_mean_wage: publishedNumber(r.annual_mean_wage),
    hourly_mean_wage: publishedNumber(r.hourly_mean_wage),
    wage_as_of: '2023-05',
    employment_2023_05: publishedNumber(r.employment),
    employment_2024_05: may2024[r.state_abbr] ?? null,
    licensure_required: licensure.has(r.state_abbr),
  })),
);
