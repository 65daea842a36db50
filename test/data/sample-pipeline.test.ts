// The generated sample pipeline read as someone who knows the rules would read it, on the date it
// was written for (2026-11-23), with the embedded California HPSA data for the waiver sites.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { hpsaCoverage, toSiteDesignations, waiverSiteDesignations, type SiteDesignationRow } from '../../src/data/queries/waiver-sites';
import { parseIsoDate } from '../../src/model/calendar';
import { simulate, type SiteDesignations } from '../../src/model/forecast/simulate';
import { parsePipelineCsv } from '../../src/model/pipeline';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { nextAction } from '../../src/model/timing/next-action';
import { ROUTES } from '../../src/model/timing/visa-routes';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';

const NOW = '2026-11-23';
const FILE = path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv');
const parsed = parsePipelineCsv(fs.readFileSync(FILE, 'utf8'), 'pipeline-sample.csv', { today: NOW });
const candidates = parsed.candidates;
let sites: SiteDesignations;

describe('the sample pipeline', () => {
  beforeAll(async () => {
    const db: SqlEngine = await createNodeEngine();
    await loadEmbeddedDatasets(db);
    const counties = [...new Set(candidates.map((c) => c.siteCountyFips))];
    const query = waiverSiteDesignations(counties);
    const rows = await db.query<SiteDesignationRow>(query.sql, query.params);
    const coverage = await db.query<{ coverage: string }>(hpsaCoverage().sql);
    sites = { rows: toSiteDesignations(rows), loaded: coverage.map((r) => r.coverage) };
  }, 60_000);

  it('imports whole, every row true to the rules, and exercises every visa status and route kind', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(candidates).toHaveLength(80);
    expect(new Set(candidates.map((c) => c.visaStatus))).toEqual(
      new Set(['not-started', 'registered', 'waiver-filed', 'petition-filed', 'approved', 'perm-filed', 'immigrant-petition-filed']),
    );
    expect(candidates.some((c) => c.availableFrom !== '')).toBe(true);
    expect(candidates.filter((c) => c.trainingStatus === 'needs-residency').length).toBeGreaterThan(0);
  });

  it('tells no candidate who already registered, was selected or filed to register, and no J-1 to file an H-1B without a waiver', () => {
    for (const c of candidates) {
      const action = nextAction(c, DEFAULT_ASSUMPTIONS, NOW).action;
      if (c.visaStatus === 'selected' || c.visaStatus === 'petition-filed' || c.visaStatus === 'approved') {
        expect(action, c.id).not.toMatch(/Register/);
      }
      if (c.visaStatus === 'registered') expect(action, c.id).toMatch(/^Record the FY2027 H-1B selection if the candidate was selected/);
    }
  });

  it('brings no one in before they are free, in any run', () => {
    const nowDay = parseIsoDate(NOW) as number;
    const free = candidates.map((c) => (c.availableFrom ? (parseIsoDate(c.availableFrom) as number) - nowDay : -Infinity));
    let checked = 0;
    simulate({
      candidates,
      targets: [],
      assumptions: DEFAULT_ASSUMPTIONS,
      now: NOW,
      runs: 500,
      seed: 3,
      horizonMonths: 48,
      regionContains: () => false,
      siteDesignations: sites,
      newCandidateScenarios: [],
      onRun: (_, days) => {
        days.forEach((day, i) => {
          if (day !== Infinity && candidates[i].stage !== 'arrived') {
            if (day < free[i]) throw new Error(`${candidates[i].id} arrives before ${candidates[i].availableFrom}`);
            checked++;
          }
        });
      },
    });
    expect(checked).toBeGreaterThan(500 * 30);
  });

  it('explains every waiver site in a sentence, and never calls a facility-only county eligible', () => {
    const result = simulate({
      candidates,
      targets: [],
      assumptions: DEFAULT_ASSUMPTIONS,
      now: NOW,
      runs: 50,
      seed: 3,
      horizonMonths: 48,
      regionContains: () => false,
      siteDesignations: sites,
      newCandidateScenarios: [],
    });
    const waivers = result.candidates.filter((_, i) => ROUTES[candidates[i].visaRoute].waiver);
    expect(waivers.length).toBeGreaterThan(10);
    for (const c of waivers) {
      expect(c.waiverSite?.sentence.length, c.candidateId).toBeGreaterThan(30);
      const county = candidates.find((x) => x.id === c.candidateId)?.siteCountyFips;
      // San Francisco and Alameda have facility designations only: check the site, or a flex slot.
      if (county === '06075' || county === '06001') expect(c.waiverSite, c.candidateId).toMatchObject({ status: 'check', pool: 'flex' });
    }
    // Every California county has some designation, so none needs a flex slot outright.
    expect(new Set(waivers.map((c) => c.waiverSite?.status))).toEqual(new Set(['eligible', 'check']));
  });
});
