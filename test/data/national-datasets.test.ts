// The embedded national tables (datasets/national/, built by tools/build-national-datasets.mjs)
// against the published figures: each table's totals against its published US row, and every state
// row the fixtures hold against the source file's own line.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { SPECIALTY_LIST } from '../../src/model/specialties';
import { datasetRows, fixtureRows, FIXTURES, type CsvRow } from '../helpers/fixtures';
import { SHARED_REAL, sharedAvailable } from '../helpers/shared';

const summary = datasetRows('national/hpsa_state_summary.csv');
const states = datasetRows('ref/states.csv');
const fiftyOne = new Set(states.filter((s) => s.is_state_or_dc === 'true').map((s) => s.state));
const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
const table = (discipline: string, asOf: string) => summary.filter((r) => r.discipline === discipline && r.as_of === asOf);
const usRow = (rows: CsvRow[]) => rows.find((r) => r.state === 'US')!;
const total = (rows: CsvRow[], column: string) => rows.reduce((t, r) => t + (num(r[column]) ?? 0), 0);
const withoutUs = (rows: CsvRow[]) => rows.filter((r) => r.state !== 'US');

describe('HRSA state summaries: totals equal the published US rows', () => {
  it('primary care 2021-09-30: states and territories sum exactly to 7,447 designations, 83,711,000 people, 14,858 practitioners', () => {
    const rows = table('Primary Care', '2021-09-30');
    const us = usRow(rows);
    expect([num(us.designations), num(us.population), num(us.practitioners_needed)]).toEqual([7447, 83_711_000, 14_858]);
    const parts = withoutUs(rows);
    expect(parts.length).toBe(59); // 50 states, DC and 8 territories and freely associated states
    expect(total(parts, 'designations')).toBe(7447);
    expect(total(parts, 'population')).toBe(83_711_000);
    expect(total(parts, 'practitioners_needed')).toBe(14_858);
    expect(parts.filter((r) => fiftyOne.has(r.state)).length).toBe(51);
    expect(rows.every((r) => num(r.pct_need_met) !== null)).toBe(true);
  });

  it('primary care 2021-12-31: the 51 states plus the territories equal the US row 7,613 / 86,473,101 / 15,184', () => {
    const rows = table('Primary Care', '2021-12-31');
    const us = usRow(rows);
    expect([num(us.designations), num(us.population), num(us.practitioners_needed)]).toEqual([7613, 86_473_101, 15_184]);
    const parts = withoutUs(rows);
    expect(new Set(parts.map((r) => r.state))).toEqual(fiftyOne);
    // This table lists no territories; the US row's remainder is exactly the territories' published
    // figures of the previous quarter (64 designations, 2,148,050 people, 667 practitioners).
    const territories = withoutUs(table('Primary Care', '2021-09-30')).filter((r) => !fiftyOne.has(r.state));
    expect(total(parts, 'designations') + total(territories, 'designations')).toBe(7613);
    expect(total(parts, 'population') + total(territories, 'population')).toBe(86_473_101);
    expect(total(parts, 'practitioners_needed') + total(territories, 'practitioners_needed')).toBe(15_184);
    expect(rows.every((r) => r.pct_need_met === '')).toBe(true);
  });

  it('2025-03-31 tables are partial and say so: primary care 28 of 51, mental health 29 of 51', () => {
    const pc = table('Primary Care', '2025-03-31');
    const mh = table('Mental Health', '2025-03-31');
    const pcUs = usRow(pc);
    const mhUs = usRow(mh);
    expect([num(pcUs.designations), num(pcUs.population), num(pcUs.practitioners_needed)]).toEqual([7749, 77_253_848, 13_364]);
    expect([num(mhUs.designations), num(mhUs.population), num(mhUs.practitioners_needed)]).toEqual([6418, 122_383_988, 6202]);
    expect(withoutUs(pc).length).toBe(28);
    expect(withoutUs(mh).length).toBe(29);
    expect(pc.every((r) => r.published_states === '28')).toBe(true);
    expect(mh.every((r) => r.published_states === '29')).toBe(true);
    // Partial: the states present are fewer than the nation.
    expect(total(withoutUs(pc), 'designations')).toBeLessThan(7749);
    expect(total(withoutUs(mh), 'practitioners_needed')).toBeLessThan(6202);
    expect(pc.some((r) => r.state === 'TX')).toBe(false);
  });

  it('dental counts, February 2025: the 51 states sum to 6,961 (7,085 nationally with 124 in the territories)', () => {
    const rows = table('Dental Health', '2025-02-18');
    expect(rows.length).toBe(51);
    expect(total(rows, 'designations')).toBe(6961);
    expect(rows.every((r) => r.population === '' && r.practitioners_needed === '')).toBe(true);
    expect(table('Dental Health', '2023').length).toBe(51);
  });

  it('every table says how many of the 51 it covers, and every figure keeps its own date', () => {
    const tables = new Map<string, CsvRow[]>();
    for (const r of summary) tables.set(`${r.discipline}|${r.as_of}`, [...(tables.get(`${r.discipline}|${r.as_of}`) ?? []), r]);
    expect(tables.size).toBe(7);
    for (const rows of tables.values()) {
      const covered = rows.filter((r) => fiftyOne.has(r.state)).length;
      expect(rows.every((r) => Number(r.published_states) === covered)).toBe(true);
      expect(new Set(rows.map((r) => r.state)).size).toBe(rows.length);
    }
  });
});

/** The source files' rows for a few states, from the committed excerpts. */
const source = (name: string) => fixtureRows(`national/${name}`);

describe('embedded figures equal the published source rows', () => {
  const PC = [
    ['hpsa_primary_care_2021-09-30_kff.csv', '2021-09-30'],
    ['hpsa_primary_care_2021-12-31_hrsa_hgu.csv', '2021-12-31'],
    ['hpsa_primary_care_2025-03-31_hrsa_hgu.csv', '2025-03-31'],
  ] as const;

  it('primary and mental health care, for TX, CA, NY and the US (empty where the source has none)', () => {
    const check = (file: string, discipline: string, asOf: string, prefix: string) => {
      for (const r of source(file)) {
        const embedded = summary.find((x) => x.discipline === discipline && x.as_of === asOf && x.state === r.state_abbr);
        if (r[`${prefix}_hpsa_designations`] === '') {
          expect(embedded, `${file} ${r.state_abbr}`).toBeUndefined();
          continue;
        }
        expect(embedded, `${file} ${r.state_abbr}`).toBeDefined();
        expect(num(embedded!.designations)).toBe(num(r[`${prefix}_hpsa_designations`]));
        expect(num(embedded!.population)).toBe(num(r[`${prefix}_hpsa_population`]));
        expect(num(embedded!.practitioners_needed)).toBe(num(r[`${prefix}_practitioners_needed`]));
        expect(num(embedded!.pct_need_met)).toBe(num(r.pc_pct_need_met));
      }
    };
    for (const [file, asOf] of PC) check(file, 'Primary Care', asOf, 'pc');
    check('hpsa_mental_health_2025-03-31_hrsa_hgu.csv', 'Mental Health', '2025-03-31', 'mh');
    const tx = summary.find((r) => r.state === 'TX' && r.as_of === '2021-09-30')!;
    expect([tx.designations, tx.population, tx.pct_need_met, tx.practitioners_needed]).toEqual(['424', '7318705', '58.19', '969']);
  });

  it('AAMC 2018: rates, shares and specialty counts', () => {
    const aamc = datasetRows('national/physicians_by_state.csv');
    const counts = datasetRows('national/physician_specialty_by_state.csv');
    expect(aamc.length).toBe(51);
    expect(counts.length).toBe(51 * 8);
    for (const r of source('aamc_physicians_by_state_2018.csv')) {
      const e = aamc.find((x) => x.state === r.state_abbr)!;
      expect(num(e.active_per_100k)).toBe(num(r.active_phys_per100k));
      expect(num(e.primary_care_per_100k)).toBe(num(r.active_pc_phys_per100k));
      expect(num(e.pct_img)).toBe(num(r.pct_active_phys_img));
      expect(num(e.active_physicians)).toBe(num(r.active_phys_all_specialties_count));
      const psych = counts.find((x) => x.state === r.state_abbr && x.specialty === 'psychiatry')!;
      expect(num(psych.active_physicians)).toBe(num(r.psychiatry_count));
    }
    // Figures PROVENANCE.md checked against the AAMC report itself.
    const rate = (s: string) => num(aamc.find((x) => x.state === s)!.active_per_100k);
    expect([rate('MA'), rate('MS'), rate('ID')]).toEqual([449.5, 191.3, 192.6]);
    const img = aamc.map((r) => num(r.pct_img)!);
    expect([Math.min(...img), Math.max(...img)]).toEqual([5.5, 38.2]);
    // Specialty ids are the app's own.
    const ids = new Set<string>(SPECIALTY_LIST.map((s) => s.id));
    expect(counts.every((r) => ids.has(r.specialty))).toBe(true);
  });

  it('BLS lab workforce: wages May 2023 for every state, employment only where published', () => {
    const lab = datasetRows('national/lab_workforce_by_state.csv');
    for (const r of source('bls_oews_clinical_lab_techs_2023-05.csv')) {
      const e = lab.find((x) => x.state === r.state_abbr)!;
      expect(num(e.annual_mean_wage)).toBe(num(r.annual_mean_wage));
      expect(num(e.employment_2023_05)).toBe(num(r.employment));
    }
    expect(lab.filter((r) => fiftyOne.has(r.state) && r.annual_mean_wage !== '').length).toBe(51);
    expect(lab.filter((r) => r.employment_2023_05 !== '').map((r) => r.state)).toEqual(['CT', 'NY', 'OR']);
    expect(lab.filter((r) => r.employment_2024_05 !== '').length).toBe(11);
    // Plain numbers, no separators or BLS placeholders.
    for (const r of lab) for (const v of [r.annual_mean_wage, r.hourly_mean_wage]) if (v !== '') expect(v).toMatch(/^\d+(\.\d+)?$/);
    // The states that license laboratory personnel (ASCLS, domain.md S44).
    expect(
      lab
        .filter((r) => r.licensure_required === 'true')
        .map((r) => r.state)
        .sort(),
    ).toEqual(['CA', 'FL', 'HI', 'LA', 'MT', 'ND', 'NV', 'NY', 'PR', 'TN', 'WV']);
  });
});

describe('the committed excerpts are the source files’ own lines', () => {
  // Guards the fixtures against drift: where ../shared is present (CI), each excerpt line must be a line of the source.
  const files = fs.readdirSync(path.join(FIXTURES, 'national')).map((f) => `national/${f}`);
  it.each(files)('%s', (name) => {
    const excerpt = fs.readFileSync(path.join(FIXTURES, name), 'utf8').split(/\r?\n/).filter(Boolean);
    expect(excerpt.length).toBeGreaterThan(1);
    if (!sharedAvailable) return;
    const lines = new Set(fs.readFileSync(path.join(SHARED_REAL, name), 'utf8').split(/\r?\n/));
    for (const line of excerpt) expect(lines.has(line), line.slice(0, 80)).toBe(true);
  });
});
