#!/usr/bin/env node
// Writes public/datasets/sample/pipeline-sample.csv: a GENERATED candidate pipeline (no real people)
// for trying the pipeline screen. Deterministic. Marked "sample" wherever the app shows it.
//   node tools/make-sample-pipeline.mjs
import fs from 'node:fs';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '../public/datasets/sample/pipeline-sample.csv');
let seed = 20261123;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const SITES = [
  ['CA', '06019'],
  ['CA', '06107'],
  ['CA', '06029'],
  ['CA', '06037'],
  ['CA', '06065'],
  ['CA', '06025'],
  ['CA', '06047'],
];
const COUNTRIES = [
  ['India', 'English;Hindi'],
  ['Philippines', 'English;Tagalog'],
  ['Nigeria', 'English;Yoruba'],
  ['Pakistan', 'English;Urdu'],
  ['Mexico', 'Spanish;English'],
  ['Egypt', 'Arabic;English'],
  ['Dominica', 'English'],
  ['Colombia', 'Spanish;English'],
];
const STAGES = ['sourced', 'screening', 'interview', 'offer', 'accepted', 'licensure', 'credentialing', 'visa', 'arrived', 'withdrawn'];
const STAGE_WEIGHTS = [14, 10, 9, 6, 5, 5, 3, 4, 3, 4];
const PHYSICIAN_ROUTES = [
  'h1b-cap-exempt',
  'h1b-cap-exempt',
  'j1-conrad30',
  'j1-conrad30',
  'h1b-cap-subject',
  'us-authorized',
  'ead',
  'h1b-transfer',
  'j1-federal-waiver',
  'o1',
];
const MLS_ROUTES = ['h1b-cap-subject', 'h1b-cap-exempt', 'tn', 'us-authorized'];
const SPECIALTIES = [
  'primary care',
  'primary care',
  'primary care',
  'internal medicine',
  'internal medicine',
  'psychiatry',
  'pediatrics',
  'ob/gyn',
  'neurology',
];

function weighted() {
  let r = rand() * STAGE_WEIGHTS.reduce((a, b) => a + b, 0);
  for (let i = 0; i < STAGES.length; i++) if ((r -= STAGE_WEIGHTS[i]) < 0) return STAGES[i];
  return STAGES[0];
}
const day = (offset) => new Date(Date.UTC(2026, 10, 23) + offset * 864e5).toISOString().slice(0, 10);

const header =
  'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,site_county_fips,expected_start,country_of_training,languages,gender,ecfmg_certified,licence_status,ascpi';
const rows = [];
for (let i = 1; i <= 80; i++) {
  const mls = i % 5 === 0;
  const [state, fips] = pick(SITES);
  const [country, languages] = mls && rand() < 0.3 ? ['Mexico', 'Spanish;English'] : pick(COUNTRIES);
  const stage = weighted();
  rows.push(
    [
      `${mls ? 'SAMPLE-L' : 'SAMPLE-P'}${String(i).padStart(3, '0')}`,
      mls ? 'mls' : 'physician',
      mls ? 'medical laboratory' : pick(SPECIALTIES),
      stage,
      day(-Math.floor(rand() * 120)),
      mls ? (country === 'Mexico' ? 'tn' : pick(MLS_ROUTES)) : pick(PHYSICIAN_ROUTES),
      state,
      fips,
      day(120 + Math.floor(rand() * 500)),
      country,
      languages,
      rand() < 0.45 ? 'female' : 'male',
      mls ? '' : rand() < 0.9 ? 'yes' : 'no',
      pick(['none', 'applied', 'licensed']),
      mls ? (rand() < 0.7 ? 'yes' : 'no') : '',
    ].join(','),
  );
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, [header, ...rows].join('\n') + '\n');
console.log(`${rows.length} generated candidates → ${path.relative(process.cwd(), out)}`);
