#!/usr/bin/env node
// Writes public/datasets/sample/pipeline-sample.csv: a GENERATED candidate pipeline (no real people)
// for trying the pipeline screen. Deterministic. Marked "sample" wherever the app shows it.
// Each candidate follows a profile that the immigration rules allow, as of 2026-12-07: J-1
// residents heading for Conrad 30 or federal waivers and free from June 30; H-1B registrants,
// selected and approved petitions on the FY2027 calendar; cap-exempt hires; lab scientists on
// H-1B (bachelor's degree, VisaScreen), TN (Canadians, Mexicans) and PERM; IMGs still needing the
// Match. Sites are California counties of each designation kind (whole county, census tracts only,
// facilities only) and a few sites elsewhere.
//   node tools/make-sample-pipeline.mjs
import fs from 'node:fs';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '../public/datasets/sample/pipeline-sample.csv');
let seed = 20261123;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
/** @template T @param {readonly T[]} xs @returns {T} */
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
/** A day from `from` to `to` (YYYY-MM-DD, both included). @param {string} from @param {string} to */
const between = (from, to) => {
  const [a, b] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  return new Date(a + Math.floor(rand() * ((b - a) / 864e5 + 1)) * 864e5).toISOString().slice(0, 10);
};

// California counties by what HRSA designates in them (primary care, 2024-03-27 file):
const WHOLE_COUNTY = [
  ['CA', '06011'],
  ['CA', '06049'],
]; // Colusa, Modoc: geographic HPSAs over the whole county
const TRACTS = [
  ['CA', '06019'],
  ['CA', '06107'],
  ['CA', '06029'],
  ['CA', '06047'],
  ['CA', '06025'],
]; // Fresno, Tulare, Kern, Merced, Imperial
const FACILITIES = [
  ['CA', '06075'],
  ['CA', '06001'],
]; // San Francisco, Alameda: facility designations only
const CA_SITES = [...WHOLE_COUNTY, ...TRACTS, ...FACILITIES, ['CA', '06037']];
const COUNTRIES = [
  ['India', 'English;Hindi'],
  ['Philippines', 'English;Tagalog'],
  ['Nigeria', 'English;Yoruba'],
  ['Pakistan', 'English;Urdu'],
  ['Egypt', 'Arabic;English'],
  ['Colombia', 'Spanish;English'],
  ['Mexico', 'Spanish;English'],
];
const PRIMARY_CARE = ['family medicine', 'internal medicine', 'pediatrics', 'ob/gyn'];

const blank = {
  expected_start: '',
  licence_status: '',
  ascpi: '',
  visa_status: 'not-started',
  visa_status_date: '',
  available_from: '',
  current_status: '',
  training_status: '',
  bachelors_degree: '',
  visascreen: '',
  h1b_years_used: '',
};

/** Profiles: each returns the cells that make one kind of candidate true to the rules. */
const PHYSICIANS = [
  // A J-1 resident (ECFMG-sponsored, subject to §212(e)) for a Conrad 30 waiver, free when training ends.
  () => ({
    specialty: pick([...PRIMARY_CARE, 'psychiatry', 'hospitalist']),
    stage: pick(['interview', 'offer', 'accepted']),
    stage_date: between('2026-09-01', '2026-11-20'),
    visa_route: 'j1-conrad30',
    site: pick([...WHOLE_COUNTY, ...TRACTS, ...FACILITIES]),
    current_status: 'j1',
    training_status: 'in-training',
    available_from: '2027-06-30',
    expected_start: '2027-08-01',
  }),
  // The same, with the waiver filed when the state's FY2027 window opened.
  () => {
    const filed = between('2026-10-01', '2026-10-31');
    return {
      specialty: pick([...PRIMARY_CARE, 'psychiatry']),
      stage: 'visa',
      stage_date: filed,
      visa_route: 'j1-conrad30',
      site: pick([...WHOLE_COUNTY, ...TRACTS]),
      current_status: 'j1',
      training_status: 'in-training',
      available_from: '2027-06-30',
      visa_status: 'waiver-filed',
      visa_status_date: filed,
      licence_status: 'applied',
      expected_start: '2027-08-01',
    };
  },
  // A Conrad 30 physician who started this summer: 3 years at the site follow.
  () => ({
    specialty: pick(PRIMARY_CARE),
    stage: 'arrived',
    stage_date: between('2026-07-01', '2026-08-15'),
    visa_route: 'j1-conrad30',
    site: pick(WHOLE_COUNTY),
    current_status: 'j1',
    visa_status: 'approved',
    visa_status_date: '2026-06-20',
    licence_status: 'licensed',
  }),
  // HHS clinical waiver: primary care or general psychiatry, HPSA scored 07 or more.
  () => ({
    specialty: pick(['family medicine', 'pediatrics', 'psychiatry']),
    stage: 'accepted',
    stage_date: between('2026-10-01', '2026-11-15'),
    visa_route: 'j1-hhs-clinical',
    site: pick([...WHOLE_COUNTY, ...TRACTS]),
    current_status: 'j1',
    training_status: 'in-training',
    available_from: '2027-06-30',
  }),
  // A resident on an H-1B at a university hospital (cap-exempt), hired by a cap-exempt employer.
  () => {
    const filed = between('2026-09-15', '2026-11-10');
    return {
      specialty: pick(['hospitalist', 'internal medicine', 'neurology', 'pulmonary/critical care']),
      stage: pick(['licensure', 'credentialing']),
      stage_date: between('2026-08-15', '2026-10-15'),
      visa_route: 'h1b-cap-exempt',
      site: pick(CA_SITES),
      current_status: 'h1b-cap-exempt',
      training_status: 'in-training',
      available_from: '2027-06-30',
      visa_status: 'petition-filed',
      visa_status_date: filed,
      licence_status: 'applied',
      h1b_years_used: '3', // residency on an H-1B counts toward the six years
    };
  },
  // The same resident moving to a community hospital that is cap-subject: the lottery, registered in March.
  () => ({
    specialty: pick(['internal medicine', 'hospitalist', 'gastroenterology']),
    stage: 'accepted',
    stage_date: between('2026-01-10', '2026-02-20'),
    visa_route: 'h1b-cap-subject',
    site: pick(CA_SITES),
    current_status: 'h1b-cap-exempt',
    training_status: 'in-training',
    available_from: '2027-06-30',
    visa_status: 'registered',
    visa_status_date: between('2026-03-05', '2026-03-18'),
    h1b_years_used: '3',
  }),
  // Selected in the FY2027 lottery, petition approved; abroad, so a visa appointment remains before the start.
  () => {
    const approved = between('2026-05-01', '2026-06-30');
    return {
      specialty: pick(['hospitalist', 'cardiology', 'radiology', 'anesthesiology']),
      stage: 'visa',
      stage_date: approved,
      visa_route: 'h1b-cap-subject',
      site: pick(CA_SITES),
      current_status: 'abroad',
      training_status: 'completed',
      visa_status: 'approved',
      visa_status_date: approved,
      licence_status: 'licensed',
    };
  },
  // Selected in the FY2027 lottery, petition filed in June under standard processing.
  () => ({
    specialty: pick(['hospitalist', 'internal medicine', 'oncology']),
    stage: 'credentialing',
    stage_date: between('2026-09-01', '2026-10-15'),
    visa_route: 'h1b-cap-subject',
    site: pick(CA_SITES),
    current_status: 'h1b-cap-exempt',
    training_status: 'completed',
    visa_status: 'petition-filed',
    visa_status_date: between('2026-06-01', '2026-06-28'),
    licence_status: 'licensed',
  }),
  // An H-1B physician already counted against the cap: a transfer (portability).
  () => ({
    specialty: pick(['hospitalist', 'nephrology', 'emergency medicine', 'general surgery']),
    stage: pick(['offer', 'accepted', 'licensure']),
    stage_date: between('2026-09-15', '2026-11-15'),
    visa_route: 'h1b-transfer',
    site: pick(CA_SITES),
    current_status: 'h1b',
    training_status: 'completed',
    h1b_years_used: '4',
  }),
  // US citizens and permanent residents, trained in the US or abroad.
  () => ({
    specialty: pick([...PRIMARY_CARE, 'psychiatry', 'hospitalist', 'emergency medicine', 'pathology']),
    stage: pick(['sourced', 'screening', 'interview', 'offer', 'licensure', 'credentialing', 'arrived', 'withdrawn']),
    stage_date: between('2026-07-15', '2026-11-20'),
    visa_route: 'us-authorized',
    site: pick(CA_SITES),
    training_status: 'completed',
  }),
  // A VA waiver (no shortage designation needed) and an ARC waiver in Kentucky (no data loaded there).
  () => ({
    specialty: pick(['internal medicine', 'psychiatry']),
    stage: 'offer',
    stage_date: between('2026-10-15', '2026-11-15'),
    visa_route: pick(['j1-va', 'j1-arc']),
    site: null,
    current_status: 'j1',
    training_status: 'in-training',
    available_from: '2027-06-30',
  }),
  // An IMG abroad without a US residency: the Match, then residency.
  () => ({
    specialty: pick(['internal medicine', 'family medicine', 'pediatrics']),
    stage: 'sourced',
    stage_date: between('2026-10-01', '2026-11-20'),
    visa_route: 'ead',
    site: pick(CA_SITES),
    current_status: 'other-us',
    training_status: 'needs-residency',
    ecfmg: pick(['yes', 'no']),
  }),
  // A physician national interest waiver: the I-140 filed, waiting for an immigrant visa abroad.
  () => ({
    specialty: pick(['internal medicine', 'psychiatry']),
    stage: 'visa',
    stage_date: '2026-06-15',
    visa_route: 'eb2-niw',
    site: pick([...WHOLE_COUNTY, ...TRACTS]),
    current_status: 'abroad',
    training_status: 'completed',
    visa_status: 'immigrant-petition-filed',
    visa_status_date: '2026-06-15',
    licence_status: 'licensed',
  }),
];

const LAB = [
  // A lab scientist abroad: bachelor's degree, VisaScreen still to get, the H-1B lottery next March.
  () => ({
    specialty: 'medical laboratory scientist',
    stage: pick(['offer', 'accepted']),
    stage_date: between('2026-10-01', '2026-11-20'),
    visa_route: 'h1b-cap-subject',
    site: pick([
      ['CA', '06037'],
      ['CA', '06019'],
      ['NY', '36061'],
      ['FL', '12086'],
    ]),
    current_status: 'abroad',
    bachelors_degree: 'yes',
    visascreen: 'no',
    ascpi: pick(['yes', 'no']),
  }),
  // A lab scientist for a cap-exempt (university) laboratory, petition filed, abroad.
  () => ({
    specialty: pick(['medical laboratory scientist', 'cytotechnologist', 'histotechnologist']),
    stage: 'licensure',
    stage_date: between('2026-09-15', '2026-10-30'),
    visa_route: 'h1b-cap-exempt',
    site: pick([
      ['CA', '06037'],
      ['CA', '06075'],
    ]),
    current_status: 'abroad',
    bachelors_degree: 'yes',
    visascreen: 'yes',
    ascpi: 'yes',
    visa_status: 'petition-filed',
    visa_status_date: between('2026-11-01', '2026-11-20'),
  }),
  // TN Medical Technologist: a Mexican or Canadian lab scientist; in the visa stage, the application is made.
  () => {
    const stage = pick(['offer', 'accepted', 'visa']);
    const since = between('2026-10-15', '2026-11-20');
    return {
      specialty: 'medical laboratory scientist',
      stage,
      stage_date: since,
      visa_route: 'tn',
      site: pick([
        ['TX', '48201'],
        ['TX', '48141'],
        ['CA', '06073'],
      ]),
      current_status: 'abroad',
      bachelors_degree: 'yes',
      // Before the visa stage the VisaScreen and, in California, the lab licence are still to get: admission comes after them.
      visascreen: stage === 'visa' ? 'yes' : 'no',
      licence_status: stage === 'visa' ? 'licensed' : 'not-applied',
      country: pick([
        ['Mexico', 'Spanish;English'],
        ['Canada', 'English;French'],
      ]),
      ...(stage === 'visa' ? { visa_status: 'petition-filed', visa_status_date: since } : {}),
    };
  },
  // A green card through PERM (lab scientists are not on Schedule A).
  () => ({
    specialty: 'medical laboratory scientist',
    stage: 'visa',
    stage_date: '2026-02-01',
    visa_route: 'eb3-perm',
    site: pick([
      ['NY', '36061'],
      ['FL', '12086'],
    ]),
    current_status: 'abroad',
    bachelors_degree: 'yes',
    visascreen: 'yes',
    visa_status: 'perm-filed',
    visa_status_date: '2026-02-01',
  }),
  // Lab technicians and technologists who are US-authorized.
  () => ({
    specialty: pick(['medical laboratory technician', 'medical laboratory scientist', 'histotechnologist']),
    stage: pick(['screening', 'interview', 'licensure', 'arrived']),
    stage_date: between('2026-08-01', '2026-11-20'),
    visa_route: 'us-authorized',
    site: pick([
      ['CA', '06037'],
      ['TX', '48201'],
      ['CA', '06019'],
    ]),
    bachelors_degree: 'yes',
  }),
];

/** @type {Record<string, string[]>} */
const SITES_ELSEWHERE = { 'j1-va': ['TX', '48201'], 'j1-arc': ['KY', '21095'] };
const header = [
  'candidate_id',
  'profession',
  'specialty',
  'stage',
  'stage_date',
  'visa_route',
  'site_state',
  'site_county_fips',
  'expected_start',
  'country_of_training',
  'languages',
  'gender',
  'ecfmg_certified',
  'licence_status',
  'ascpi',
  'visa_status',
  'visa_status_date',
  'available_from',
  'current_status',
  'training_status',
  'bachelors_degree',
  'visascreen',
  'h1b_years_used',
];
const rows = [];
for (let i = 1; i <= 80; i++) {
  const mls = i % 5 === 0;
  /** @type {{ [column: string]: string | string[] | null | undefined, visa_route: string, country?: string[], site?: string[] | null, ecfmg?: string }} */
  const profile = mls ? LAB[Math.floor(i / 5) % LAB.length]() : PHYSICIANS[(i - 1 - Math.floor(i / 5)) % PHYSICIANS.length]();
  const [country, languages] = profile.country ?? pick(COUNTRIES);
  const [state, fips] = profile.site ?? SITES_ELSEWHERE[profile.visa_route];
  /** @type {Record<string, string | string[] | null | undefined>} */
  const cells = {
    ...blank,
    ...profile,
    candidate_id: `${mls ? 'SAMPLE-L' : 'SAMPLE-P'}${String(i).padStart(3, '0')}`,
    profession: mls ? 'mls' : 'physician',
    site_state: state,
    site_county_fips: fips,
    country_of_training: country,
    languages,
    gender: rand() < 0.45 ? 'female' : 'male',
    ecfmg_certified: mls ? '' : (profile.ecfmg ?? 'yes'),
  };
  rows.push(header.map((column) => cells[column] ?? '').join(','));
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, [header.join(','), ...rows].join('\n') + '\n');
console.log(`${rows.length} generated candidates → ${path.relative(process.cwd(), out)}`);
