// A complete report input whose every free-text field carries markup, as data from a file might.
import { DEFAULT_VIEW } from '../../src/model/map-view';
import type { HpsaSource } from '../../src/model/hpsa-sources';
import type { ForecastResult } from '../../src/model/forecast/result';
import type { Candidate } from '../../src/model/types';
import type { ReportInput } from '../../src/app/report/report-input';
import { reportAssumptions } from '../../src/app/pipeline/assumption-rows';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { employersTable, levelTable, savedOffersTable, sponsorYearsTable, sponsorsTable } from '../../src/app/market/market';
import type { ReportMarkets } from '../../src/app/report/report-input';
import { feePolicy } from '../../src/app/report/plan-page';

export const HOSTILE = '<img src=x onerror=alert(1)>';

const DETAIL_SOURCE: HpsaSource = {
  kind: 'detail',
  discipline: 'Primary Care',
  asOf: '2024-03-27',
  states: 1,
  hasNeedMet: false,
  hasPractitioners: true,
  hasPopulation: true,
  source: 'HRSA HPSA detail file',
  stateList: 'CA',
};
export const HOSTILE_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';
export const FORMULA = '=HYPERLINK("http://x","y")';

/** What the app's XMLSerializer gives for a choropleth, plus what an attacker would like it to carry. */
export const MAP_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 975 610" role="img" aria-label="Map of counties" class="choropleth">' +
  '<g class="shapes"><path d="M1,1L5,5Z" data-geo="06001" fill="#fd8d3c" data-value="3"><title>&lt;img src=x onerror=alert(1)&gt;: 3</title></path></g>' +
  '<script>alert(1)</script><image href="https://evil.example/x.png"/><a xlink:href="http://evil.example/"><text>go</text></a>' +
  '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>' +
  '<g class="overlay" onclick="alert(1)"><path class="outlined" d="M1,1Z"/></g></svg>';
export const LEGEND =
  '<svg class="plot-1"><style>.plot-1 { font: 10px system-ui; }</style><rect fill="#fd8d3c"/></svg><p class="legend-nodata">no value</p>';

/** What XMLSerializer gives for an Observable Plot chart (its own style element, role img), with a script slipped in. */
export const plotSvg = (title: string) =>
  // XMLSerializer escapes attribute values.
  `<svg xmlns="http://www.w3.org/2000/svg" class="plot-d6a7b5" fill="currentColor" width="640" height="260" viewBox="0 0 640 260" role="img" aria-label="${title.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')}">` +
  '<style>:where(.plot-d6a7b5) { font: 10px system-ui, sans-serif; }</style><g aria-hidden="true"><rect x="110" y="20" width="300" height="20"/></g>' +
  '<script>alert(1)</script></svg>';

const candidate = (id: string, stage: Candidate['stage']): Candidate => ({
  id,
  profession: 'physician',
  specialty: 'family medicine',
  stage,
  stageDate: '2026-11-01',
  visaRoute: 'h1b-cap-exempt',
  siteState: 'CA',
  siteCountyFips: '06019',
  expectedStart: '',
  countryOfTraining: 'India',
  languages: ['English'],
  gender: 'female',
  ecfmgCertified: true,
  licenceStatus: '',
  ascpi: null,
  visaStatus: 'not-started',
  visaStatusDate: '',
  availableFrom: '',
  currentStatus: '',
  trainingStatus: '',
  bachelorsDegree: null,
  visaScreen: null,
});

const FORECAST: ForecastResult = {
  now: '2026-11-23',
  rulesAsOf: '2026-12-07',
  runs: 2000,
  seed: 1,
  targetProbability: 0.8,
  months: ['2026-11'],
  total: { candidates: 2, cumulative: { mean: [0], p10: [0], p90: [0] } },
  bySpecialtyState: [],
  targets: [
    {
      targetId: 't1',
      dueDate: '2027-12-31',
      hires: 3,
      matchedCandidates: 2,
      probabilityMet: 0.25,
      probabilityMetCounterfactual: 0.4,
      wageLevel: null,
      expectedArrivals: 1.6,
      arrivalsP10: 1,
      arrivalsP90: 2,
      expectedShortfall: 1.4,
      cumulative: { mean: [1.6], p10: [1], p90: [2] },
      cumulativePercentiles: true,
      newCandidatesNeeded: [],
    },
  ],
  costPerHireByRoute: [],
  candidateArrivalProbability: [0.8, 0.6],
  candidates: [],
  fee: {
    scenario: 'continues',
    counterfactual: 'not-applied',
    dates: `Proclamation of 2025-09-19, effective 2025-09-21; nominal end 2026-09-21 ${HOSTILE}.`,
    status: 'Legal status: appeals pending.',
    scenarioText: 'Scenario: it applies to every new petition for a worker abroad filed from 2025-09-21 on.',
  },
};

/** A Market section made by the app's own table functions, with an employer name carrying markup and a formula. */
export function marketFixture(targets: ReportInput['targets']): ReportMarkets {
  const label = 'Medical laboratory scientist (MLS) — Texas';
  const levels = [
    { level: 2, filings: 33, wages: 33, q1: 54_080, median: 57_200, q3: 64_293 },
    { level: null, filings: 2, wages: 1, q1: 60_000, median: 60_000, q3: 60_000 },
  ];
  const employer = {
    employer: HOSTILE,
    filings: 4,
    median: 48_526,
    level1: 0,
    level2: 4,
    level3: 0,
    level4: 0,
    states: 'TX',
    cap_exempt_check: false,
  };
  const years = [
    {
      fiscal_year: 2022,
      year_note: null,
      employers: 425,
      initial_approvals: 752,
      initial_denials: 12,
      continuing_approvals: 906,
      continuing_denials: 29,
    },
    {
      fiscal_year: 2023,
      year_note: 'partial year',
      employers: 190,
      initial_approvals: 274,
      initial_denials: 10,
      continuing_approvals: 356,
      continuing_denials: 19,
    },
  ];
  const sponsor = (fiscal_year: number, initial_approvals: number) => ({
    employer_key: 'k',
    employer: FORMULA,
    naics: '61',
    states: 'TX',
    cap_exempt_check: true,
    fiscal_year,
    initial_approvals,
    initial_denials: 1,
    continuing_approvals: 0,
    occupation_filings: 2,
    rank_year: 2022,
  });
  const tables = [
    levelTable(levels, label),
    employersTable([employer], label),
    sponsorYearsTable(years, 'Texas'),
    sponsorsTable([sponsor(2022, 96), sponsor(2023, 39)], years, 'Texas', 'Medical laboratory scientist (MLS)'),
  ];
  const view = {
    heading: label,
    summary: {
      filings: 53,
      employers: 39,
      wages: 53,
      q1: 55_494,
      median: 61_797,
      q3: 70_741,
      without_level: 0,
      unusable_wages: 0,
      period: 'FY2025 Q2',
      unchecked: 53,
      unchecked_periods: 'FY2025 Q2',
      positions: null,
      with_positions: 0,
      withdrawn: 0,
    },
    group: { filings: 56, trainees: 2, unmapped: 1 },
    tables,
    charts: { [tables[0].id]: plotSvg(`Offered annual wage by wage level ${HOSTILE}`), [tables[1].id]: null, [tables[2].id]: null },
    notes: [`Wage filings: DOL ${HOSTILE}`],
    chartSources: { [tables[0].id]: `DOL LCA disclosure data, ${HOSTILE}` },
  };
  return { views: [view], offers: savedOffersTable(targets, [], DEFAULT_ASSUMPTIONS) };
}

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const assumptions = reportAssumptions(DEFAULT_ASSUMPTIONS);
  assumptions.rows[0] = { ...assumptions.rows[0], note: HOSTILE };
  return {
    title: `Report for ${HOSTILE}`,
    generatedAt: '2026-11-23T10:00:00.000Z',
    datasets: [
      {
        id: 'd1',
        title: HOSTILE,
        publisher: 'HRSA',
        vintage: 'snapshot of 2024-03-27',
        source: `https://data.hrsa.gov/ ${HOSTILE}`,
        license: 'public domain',
        sample: true,
        estimate: false,
        table: 'hpsa',
        origin: 'embedded',
        rows: 7441,
      },
    ],
    area: {
      area: { id: 'area-1', name: HOSTILE, counties: ['06019'], states: ['NV'] },
      extent: '1 county in California, and Nevada',
      totals: {
        totals: [
          {
            discipline: 'Primary Care',
            basis: 'detail',
            source: 'HRSA detail file as of 2024-03-27 (CA only)',
            asOf: '2024-03-27',
            designations: 66,
            fteNeeded: 164.37,
            fteMissing: 2,
            population: 944_591,
            extendBeyond: 2,
          },
        ],
        gaps: [],
      },
      primaryCareSupply: { unavailable: 'county physician figures are not loaded in this version' },
    },
    views: { map: 'plan', market: 'plan', mapText: `your service area, ${HOSTILE}`, marketText: 'your targets’ occupations' },
    map: {
      view: { ...DEFAULT_VIEW, level: 'county' },
      heading: 'Practitioners needed (FTE) — Primary Care',
      vintage: 'HRSA detail file as of 2024-03-27 (CA only)',
      main: DETAIL_SOURCE,
      companion: null,
      rows: [
        {
          geo: '06001',
          name: HOSTILE,
          state: 'CA',
          value: 3,
          as_of: '2024-03-27',
          designations: 2,
          fte_needed: 3,
          fte_missing: 0,
          population: 1000,
          need_met: null,
          max_score: 18,
          weighted_score: 17.5,
          shared_designations: 1,
          other_as_of: null,
          other_designations: null,
          other_fte_needed: null,
          other_population: null,
        },
      ],
      svg: MAP_SVG,
      legend: LEGEND,
    },
    stateFigures: [
      {
        state: 'NV',
        tables: [
          {
            id: 'hrsa-summaries-NV',
            title: `Nevada: HRSA's published shortage summaries ${HOSTILE}`,
            columns: [{ label: 'Discipline' }, { label: 'As of', nowrap: true }, { label: 'Designations', digits: 0 }],
            rows: [['Primary Care', '2021-12-31', 71]],
            notes: [`Primary Care 2021-12-31: ${HOSTILE}.`],
          },
        ],
      },
    ],
    serviceAreas: [{ id: 'area-1', name: HOSTILE, counties: ['06019'], states: ['NV'] }],
    countyNames: { '06019': `Fresno ${HOSTILE}` },
    targets: [
      {
        id: 't1',
        profession: 'physician',
        specialty: 'primary care',
        region: { kind: 'service-area', id: 'area-1' },
        hires: 3,
        dueQuarter: '2027-Q4',
        priority: 'high',
        owner: HOSTILE,
        note: FORMULA,
      },
    ],
    diversityTargets: [
      { id: 'd1', targetId: null, measure: { kind: 'language-coverage', languages: [HOSTILE], minHiresPerLanguage: 1 }, note: HOSTILE },
    ],
    candidates: [candidate(`CAND-7 ${HOSTILE}`, 'offer'), candidate('CAND-8', 'arrived')],
    funnelChart: plotSvg('Candidates by pipeline stage; the numbers are in the table'),
    forecast: {
      result: FORECAST,
      nextSteps: { t1: { action: `Add 2 candidates ${HOSTILE}`, date: '2026-11-23' } },
      charts: {
        total: plotSvg('Cumulative expected arrivals of all candidates'),
        targets: [{ targetId: 't1', svg: plotSvg(`${HOSTILE}: expected cumulative arrivals`) }],
      },
      counterfactualFeesUsd: null,
      timelines: {},
    },
    market: marketFixture([
      {
        id: 't2',
        profession: 'mls',
        specialty: 'medical laboratory scientist',
        region: { kind: 'state', state: 'TX' },
        hires: 2,
        dueQuarter: '2028-Q2',
        priority: 'medium',
        owner: '',
        note: '',
        offer: {
          annualWage: 75_000,
          wageLevel: 3,
          levelSource: 'estimated',
          state: 'TX',
          basis: `53 DOL wage filings ${HOSTILE}`,
          savedOn: '2026-11-23',
        },
      },
    ]),
    assumptions,
    policy: feePolicy(DEFAULT_ASSUMPTIONS),
    includeCandidates: false,
    ...overrides,
  };
}
