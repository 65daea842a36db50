// A service area's shortage figures and the targets suggested from them, on the embedded datasets:
// HRSA figures only (detail file or published summary), counted against HRSA's own rows.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { hpsaSources } from '../../src/data/queries/hpsa-sources';
import { serviceAreaDetail, stateSummaryRows } from '../../src/data/queries/service-area';
import type { HpsaSource } from '../../src/model/hpsa-sources';
import { areaShortage, suggestTargets, type AreaDetailRow, type AreaSummaryRow } from '../../src/model/targets';
import type { ServiceArea } from '../../src/model/types';
import { stateByFips } from '../../src/model/workspace';
import { createNodeEngine } from '../helpers/duckdb-node';
import { embeddedIndex, loadEmbeddedDatasets } from '../helpers/app-data';
import { CA_EXCERPT, CA_EXCERPT_COUNTIES, datasetRows, fixtureRows, type CsvRow } from '../helpers/fixtures';

let db: SqlEngine;
const run = <T>(q: { sql: string; params?: unknown[] }) => db.query<T>(q.sql, q.params);
const AREA_TYPES = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'];

async function shortageOf(area: ServiceArea) {
  const states = [...new Set([...area.states, ...area.counties.map((c) => stateByFips(c.slice(0, 2))!.code)])];
  const [sources, detail, summaries] = await Promise.all([
    run<HpsaSource>(hpsaSources()),
    run<AreaDetailRow>(serviceAreaDetail(area)),
    run<AreaSummaryRow>(stateSummaryRows(states)),
  ]);
  return areaShortage(area, sources, detail, summaries);
}
const area = (counties: string[], states: string[] = []): ServiceArea => ({ id: 'sa', name: 'Area', counties, states });
const options = { share: 0.33, dueQuarter: '2028-Q2', region: { kind: 'service-area', id: 'sa' } as const };

beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

describe('service-area figures from California’s detail file', () => {
  const raw = fixtureRows(CA_EXCERPT);
  /** Designations touching the counties, each once, from HRSA's rows. */
  function expected(counties: string[]) {
    const ids = new Map<string, CsvRow>();
    for (const r of raw)
      if (['Designated', 'Proposed For Withdrawal'].includes(r['HPSA Status']) && counties.includes(r['Common State County FIPS Code']))
        ids.set(r['HPSA ID'], r);
    const all = [...ids.values()];
    const withFte = all.filter((r) => r['HPSA Shortage'] !== '');
    return {
      designations: all.length,
      withFte: withFte.length,
      facilityWithoutFte: all.filter((r) => r['HPSA Shortage'] === '' && !AREA_TYPES.includes(r['Designation Type'])).length,
      fte: withFte.reduce((t, r) => t + Number(r['HPSA Shortage']), 0),
    };
  }

  it('counts each designation once, with and without an FTE figure, and keeps the FTE unrounded', async () => {
    // Whole counties of the excerpt.
    const counties = CA_EXCERPT_COUNTIES.slice(0, 3);
    const { figures, gaps } = await shortageOf(area(counties));
    // No mental-health detail file is loaded, and HRSA's 2025 mental-health summary has no California row.
    expect(gaps).toEqual([
      "Mental Health: no county figures for CA (no detail file covers it). Load HRSA's detail file for county figures.",
    ]);
    const [pc] = figures;
    const e = expected(counties);
    expect(pc).toMatchObject({ discipline: 'Primary Care', basis: 'detail', asOf: '2024-03-27', states: ['CA'] });
    expect([pc.designations, pc.withFte, pc.facilityWithoutFte]).toEqual([e.designations, e.withFte, e.facilityWithoutFte]);
    expect(pc.fteNeeded).toBeCloseTo(e.fte, 9);
    expect(e.facilityWithoutFte).toBeGreaterThan(0);
    expect(pc.ratioGoals.length).toBeGreaterThan(0);
  });

  it('whole California: 611 designations, 188 with an FTE figure, 423 facility designations without (PROVENANCE.md counts)', async () => {
    const { figures } = await shortageOf(area([], ['CA']));
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ basis: 'detail', designations: 611, withFte: 188, facilityWithoutFte: 423, otherWithoutFte: 0 });
    expect(figures[0].ratioGoals).toEqual(['1000:0', '1000:1', '3000:1', '3500:1']);
  });

  it('says the sentence: source and date, the floor, the designations behind it, the unrounded share and the rounding', async () => {
    const counties = CA_EXCERPT_COUNTIES.slice(0, 3);
    const e = expected(counties);
    const { figures } = await shortageOf(area(counties));
    const [s] = suggestTargets(figures, options).suggested;
    const exact = Math.round(0.33 * e.fte * 1e6) / 1e6;
    expect(s.draft.hires).toBe(Math.ceil(exact));
    expect(s.explanation).toContain('Primary Care, HRSA detail file as of 2024-03-27 (CA only):');
    expect(s.explanation).toContain(`to remove ${e.designations} designations`);
    expect(s.explanation).toContain(
      `${e.withFte} of the ${e.designations} carry an FTE figure, ${e.facilityWithoutFte} facility designations carry none`,
    );
    expect(s.explanation).toContain("HRSA's floor, the FTE that brings each area to its ratio goal");
    expect(s.explanation).toMatch(
      new RegExp(
        `at a 33% share, ${String(Math.round(exact * 100) / 100).replace('.', '\\.')} → ${Math.ceil(exact)} hires, rounded up, by 2028-Q2\\.$`,
      ),
    );
  });
});

describe('service-area figures from HRSA’s state summaries', () => {
  const summary = datasetRows('national/hpsa_state_summary.csv');
  const published = (state: string, asOf: string, discipline = 'Primary Care') =>
    summary.find((r) => r.state === state && r.as_of === asOf && r.discipline === discipline)!;

  it('a whole state without a detail file takes the newest summary that has it', async () => {
    const tx = await shortageOf(area([], ['TX']));
    const pc = tx.figures.find((f) => f.discipline === 'Primary Care')!;
    expect(pc).toMatchObject({ basis: 'summary', asOf: '2021-12-31', states: ['TX'], withFte: null });
    expect(pc.fteNeeded).toBe(Number(published('TX', '2021-12-31').practitioners_needed));
    expect(pc.designations).toBe(Number(published('TX', '2021-12-31').designations));
    // Mental health 2025-03-31 is partial and has no Texas row: said, not guessed.
    expect(tx.gaps).toEqual([expect.stringMatching(/^Mental Health: no practitioners-needed figure for TX in the loaded tables/)]);
    const al = await shortageOf(area([], ['AL']));
    expect(al.figures.find((f) => f.discipline === 'Primary Care')).toMatchObject({ asOf: '2025-03-31', fteNeeded: 221 });
  });

  it('several states share one vintage, never a mix: Alabama and Texas both from 2021-12-31', async () => {
    const { figures } = await shortageOf(area([], ['AL', 'TX']));
    const pc = figures.find((f) => f.discipline === 'Primary Care')!;
    expect(pc.asOf).toBe('2021-12-31');
    expect(pc.fteNeeded).toBe(
      Number(published('AL', '2021-12-31').practitioners_needed) + Number(published('TX', '2021-12-31').practitioners_needed),
    );
  });

  it('counties in a state with no detail file get no figure: the state’s figure is context, not split', async () => {
    const { figures, gaps } = await shortageOf(area(['48201']));
    expect(figures).toEqual([]);
    expect(gaps.find((g) => g.startsWith('Primary Care'))).toBe(
      "Primary Care: no county figures for TX (no detail file covers it); HRSA's summary gives 991 practitioners needed for the whole state as of 2021-12-31 — context only, not split by county. Load HRSA's detail file for county figures.",
    );
  });

  it('the suggestion says it is the state summary, with its date and the floor', async () => {
    const { figures } = await shortageOf(area([], ['TX']));
    const [s] = suggestTargets(figures, options).suggested;
    expect(s.explanation).toBe(
      "Primary Care, HRSA state summary as of 2021-12-31 for TX: 991 FTE needed to remove 429 designations — HRSA's floor, the FTE that brings each area to 3,500:1, or 3,000:1 where need is high, not a recruiting target; the published summary does not say how many designations carry an FTE figure; at a 33% share, 327.03 → 328 hires, rounded up, by 2028-Q2.",
    );
    expect(s.draft).toMatchObject({ profession: 'physician', specialty: 'primary care', hires: 328 });
  });
});

describe('no suggested target comes from an estimated figure', () => {
  it('the only tables behind suggestions are HRSA’s, and none of them is an estimate', () => {
    // Each named query declares the tables it reads (checked against DuckDB's plan in coordinator.test.ts).
    const read = new Set([...serviceAreaDetail(area(['06107'], ['CA'])).reads, ...stateSummaryRows(['TX']).reads]);
    expect([...read].sort()).toEqual(['hpsa', 'ref_hpsa_state']);
    const datasets = embeddedIndex().datasets.filter((d) => read.has(d.table));
    expect(datasets.length).toBeGreaterThanOrEqual(2);
    expect(datasets.every((d) => !d.estimate && !d.sample)).toBe(true);
  });

  it('for every state as a service area, each suggestion’s FTE is HRSA’s published figure or the detail file’s sum', async () => {
    const summary = datasetRows('national/hpsa_state_summary.csv');
    const states = datasetRows('ref/states.csv').filter((s) => s.is_state_or_dc === 'true');
    for (const st of states) {
      const { figures } = await shortageOf(area([], [st.state]));
      const { suggested } = suggestTargets(figures, options);
      expect(suggested.length, st.state).toBeGreaterThan(0);
      for (const s of suggested) {
        if (s.figure.basis === 'detail') {
          const [{ fte }] = await db.query<{ fte: number }>(
            `SELECT sum(fte)::DOUBLE AS fte FROM (SELECT any_value(fte_needed) AS fte FROM hpsa WHERE state = ? AND discipline = ? AND status <> 'Withdrawn' GROUP BY hpsa_id)`,
            [st.state, s.figure.discipline],
          );
          expect(s.figure.fteNeeded).toBeCloseTo(fte, 9);
        } else {
          const row = summary.find((r) => r.state === st.state && r.discipline === s.figure.discipline && r.as_of === s.figure.asOf);
          expect(s.figure.fteNeeded, `${st.state} ${s.figure.discipline}`).toBe(Number(row!.practitioners_needed));
        }
      }
    }
  });
});
