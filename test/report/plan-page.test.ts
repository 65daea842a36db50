// Page one of the report and its plain words: what a chief executive reads first, checked as text
// (tags stripped), with candidates on every visa route and status so a code would show if one leaked.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildReportHtml } from '../../src/report/build-report';
import { atRiskCandidates, AT_RISK_BELOW } from '../../src/app/report/plan-page';
import { Citations } from '../../src/report/citations';
import { preparedText } from '../../src/report/dataset-sources';
import { SOURCES } from '../../src/model/timing/sources';
import { CURRENT_STATUSES, STAGES, VISA_ROUTES, VISA_STATUSES, type Candidate } from '../../src/model/types';
import type { CandidateForecast, ForecastResult } from '../../src/model/forecast/result';
import { currentStepText } from '../../src/model/timing/next-action';
import { reportInput } from './report-fixture';
import type { ReportForecast } from '../../src/app/report/report-input';
import { DATASETS } from '../helpers/fixtures';
import fs from 'node:fs';
import path from 'node:path';

const manifest = JSON.parse(fs.readFileSync(path.join(DATASETS, 'manifest.json'), 'utf8')) as {
  datasets: { id: string; source: string }[];
};

/** The document as a reader sees it: text only, entities decoded, whitespace collapsed. */
const textOf = (doc: string) =>
  doc
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const section = (doc: string, id: string) => {
  const at = doc.indexOf(`<section id="${id}"`);
  return doc.slice(at, doc.indexOf('</section>', at));
};

const base = reportInput();
const baseForecast = base.forecast as ReportForecast;

function candidate(i: number): Candidate {
  const visaRoute = VISA_ROUTES[i % VISA_ROUTES.length];
  return {
    ...base.candidates[0],
    id: `C-${i}`,
    profession: visaRoute === 'tn' ? 'mls' : 'physician',
    specialty: visaRoute === 'tn' ? 'medical laboratory scientist' : 'family medicine',
    stage: STAGES[i % (STAGES.length - 2)],
    visaRoute,
    visaStatus: VISA_STATUSES[i % VISA_STATUSES.length],
    visaStatusDate: '2026-10-01',
    currentStatus: CURRENT_STATUSES[i % CURRENT_STATUSES.length],
  };
}

/** Every route, status and stage; each candidate's chance by the due date falls as i grows. */
const candidates = Array.from({ length: 30 }, (_, i) => candidate(i));
const forecasts: CandidateForecast[] = candidates.map((c, i) => ({
  candidateId: c.id,
  currentStep: currentStepText(c),
  standing: { kind: 'in-progress', summary: 'Only steps of the hire’s own remain.' },
  nextAction: { action: 'Apply for the licence', date: '2026-12-15', dateKind: 'expected', confidence: 'assumption', sources: [] },
  flags: [],
  timeline: null,
  arrivalP10: '2027-01',
  arrivalMedian: '2027-06',
  arrivalP90: '2028-01',
  arrivalProbability: 0.9,
  byTarget: [{ targetId: 't1', dueDate: '2027-12-31', probability: 1 - i / 30 }],
  delayedMostBy:
    i % 2
      ? { track: 'recruitment', label: `recruitment (now at ${c.stage})`, share: 0.4 }
      : { track: 'visa', label: 'the Oct 1 start', share: 0.7 },
  serviceEnds: null,
  waiverSite: null,
  detailed: true,
}));
const result: ForecastResult = {
  ...baseForecast.result,
  candidates: forecasts,
  costPerHireByRoute: [
    {
      visaRoute: 'h1b-cap-subject',
      candidates: 4,
      expectedHires: 1.5,
      expectedFeesUsd: 152_000,
      costPerHireUsd: 101_333,
      feeItems: [],
      h1bFeeCanApply: true,
    },
    {
      visaRoute: 'j1-conrad30',
      candidates: 2,
      expectedHires: 1.2,
      expectedFeesUsd: 3_000,
      costPerHireUsd: 2_500,
      feeItems: [],
      h1bFeeCanApply: false,
    },
  ],
};
const input = reportInput({
  candidates,
  forecast: { ...baseForecast, result, counterfactualFeesUsd: 5_000 },
});
const doc = buildReportHtml(input);
const planText = textOf(section(doc, 'plan'));

describe('page one: the plan', () => {
  it('names the service area with its own totals, each dated and sourced, and says where a figure is not available', () => {
    expect(planText).toContain('Where: <img src=x onerror=alert(1)> — 1 county in California, and Nevada');
    // 164.37 FTE shown to one decimal, 66 designations, 2 of them without an FTE figure (left out), 944,591 people: the fixture's totals.
    expect(planText).toMatch(/Primary care 164\.4 66 2 944,591 HRSA detail file as of 2024-03-27 \(CA only\) /);
    expect(planText).toContain(
      'Primary-care physicians per 100,000 people: not available (county physician figures are not loaded in this version).',
    );
    expect(planText).toContain('Designations reaching beyond the area are counted whole');
  });

  it('gives each target its hires, due date, expected arrivals with their 10th–90th percentile and its chance with and without the fee', () => {
    const [t] = result.targets;
    expect(planText).toContain(
      `${t.hires} ${t.dueDate} ${t.expectedArrivals.toFixed(1)} (${t.arrivalsP10}–${t.arrivalsP90}) ${Math.round(t.probabilityMet * 100)}% ${Math.round(t.probabilityMetCounterfactual * 100)}%`,
    );
    expect(planText).toContain('Without the $100,000 fee');
    expect(planText).toContain('0 of 1 target on track');
  });

  it('lists the candidates at risk, soonest due first, with one reason each in words, and counts the rest', () => {
    // Independent count: chance below one half, not arrived or withdrawn.
    const expected = candidates.filter((c, i) => 1 - i / 30 < AT_RISK_BELOW && c.stage !== 'arrived' && c.stage !== 'withdrawn');
    const rows = [...section(doc, 'plan').matchAll(/<tr><th scope="row" class="nowrap">(C-\d+)<\/th>/g)].map((m) => m[1]);
    expect(rows).toHaveLength(6);
    // The likeliest to make it first among the same due date.
    expect(rows).toEqual(expected.map((c) => c.id).slice(0, 6));
    expect(planText).toContain(`${expected.length} candidates, less than 50% likely to arrive in time`);
    expect(planText).toContain(`${expected.length - 6} more candidates in the appendix`);
    expect(planText).toMatch(/Recruitment, still at the “[A-Z][a-z ]+” stage \(the deciding step in 40% of simulated futures\)/);
  });

  it('states the fees, what the $100,000 scenario adds, and the scenario and policy chosen, in words', () => {
    expect(planText).toContain(
      'Expected government fees for the 6 candidates in progress: $155,000 under this scenario; $5,000 without the $100,000 fee: the fee scenario adds $150,000.',
    );
    expect(planText).toContain(
      '$100,000 H-1B fee scenario: applies to every new petition for a worker abroad filed from its effective date on',
    );
    expect(planText).toContain('pays the $100,000 fee when it applies in 50% of cases');
    expect(planText).toContain('Employer: nonprofit (501(c)(3)) employer');
  });

  it('comes first, before the evidence in order: map, targets, pipeline, forecast, market, assumptions, sources, appendix', () => {
    const order = ['plan', 'shortage-map', 'targets', 'pipeline', 'forecast', 'market', 'assumptions', 'data-sources', 'appendix'].map(
      (id) => doc.indexOf(`<section id="${id}"`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('plain words: no code, file name or internal reference anywhere', () => {
  const codes = [
    ...VISA_ROUTES,
    ...VISA_STATUSES.filter((s) => s.includes('-')),
    ...CURRENT_STATUSES.filter((s) => s.includes('-')),
    'not-applied',
    'as-written',
    'for-profit',
  ];
  for (const includeCandidates of [false, true])
    it(`in the report ${includeCandidates ? 'with' : 'without'} candidate rows`, () => {
      const text = textOf(buildReportHtml({ ...input, includeCandidates }));
      for (const code of codes) expect(text, code).not.toMatch(new RegExp(`(^|[\\s(,;:])${code}($|[\\s),;:.])`));
      expect(text).not.toMatch(/domain\.md|\.mjs\b|tools\/|public\/datasets/);
      expect(text).not.toMatch(/\b[SR]\d{1,2}\b/);
      // The routes by their names instead.
      expect(text).toContain('J-1 waiver, Conrad 30 (state)');
    });

  it('the datasets’ notes lose the project’s file names and table codes, keep the rest', () => {
    for (const d of manifest.datasets) {
      const text = preparedText(d.source);
      expect(text, d.id).not.toMatch(/\.mjs|\.md\b|tools\/|public\/|\b[A-Z]+_[A-Z]+_[A-Z_]+\b|co-est2023-alldata/);
      expect(text.length, d.id).toBeGreaterThan(20);
    }
    expect(preparedText('Your file BCD_HPSA_FCT_DET_PC.csv (12.3 MB), read in this browser; dates month first')).toBe(
      'Your own download (12.3 MB), read in this browser; dates month first',
    );
  });
});

describe('citations', () => {
  it('number sources in the order first cited and rewrite the project’s keys and notes file', () => {
    const cite = new Citations(SOURCES);
    expect(cite.text('Upheld on 2025-12-23; appeals pending (S13).')).toBe('Upheld on 2025-12-23; appeals pending [1].');
    expect(cite.text('entries for levels I–IV (S7, S9), per S13')).toBe('entries for levels I–IV [2, 3], per [1]');
    expect(cite.text('women 37.1% (AAMC, S51)')).toBe('women 37.1% (AAMC, [4])');
    expect(cite.text('cap-exempt (8 CFR 214.2(h)(19)(iii); domain.md S14) and')).toBe('cap-exempt (8 CFR 214.2(h)(19)(iii); [5]) and');
    expect(cite.text('ASCP survey (domain.md §5, S42).')).toBe('ASCP survey [6].');
    expect(cite.text('(ACGME program lengths, not in domain.md)')).toBe('(ACGME program lengths, not in the sources collected)');
    expect(cite.refs(['R1', 'S13'])).toBe('[1, 7]');
    expect(cite.list().map((c) => [c.n, c.key])).toEqual([
      [1, 'S13'],
      [2, 'S7'],
      [3, 'S9'],
      [4, 'S51'],
      [5, 'S14'],
      [6, 'S42'],
      [7, 'R1'],
    ]);
  });

  it('every source has a publisher and a title, and an https address unless none exists', () => {
    for (const [key, s] of Object.entries(SOURCES)) {
      expect(s.publisher, key).not.toBe('');
      expect(s.title, key).not.toBe('');
      if (s.url) expect(s.url, key).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(`${s.publisher} ${s.title} ${s.via ?? ''}`, key).not.toMatch(/\b[SR]\d{1,2}\b|domain\.md/);
    }
  });

  it('any text keeps its words and loses only keys: property', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('the', 'fee', 'S13', 'R4', '(S7, S9)', 'domain.md', '2025', ';'), { maxLength: 12 }),
        (words) => {
          const out = new Citations(SOURCES).text(words.join(' '));
          expect(out).not.toMatch(/\b[SR]\d{1,2}\b|domain\.md/);
          for (const w of words.filter((x) => /^[a-z0-9]+$/.test(x))) expect(out).toContain(w);
        },
      ),
    );
  });
});

describe('candidates at risk', () => {
  it('are exactly those in progress, counted toward a target, less likely than not to make its due date: property', () => {
    const probs = fc.array(fc.tuple(fc.constantFrom(...STAGES), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(probs, (rows) => {
        const cs = rows.map(([stage], i) => ({ ...candidates[0], id: `X-${i}`, stage }));
        const fs = forecasts.slice(0, 1).flatMap((f) =>
          rows.map(([, p], i) => ({
            ...f,
            candidateId: `X-${i}`,
            byTarget: [{ targetId: 't1', dueDate: '2027-12-31', probability: p }],
          })),
        );
        const out = atRiskCandidates({ ...result, candidates: fs }, cs);
        const expected = rows.filter(([stage, p]) => p < 0.5 && stage !== 'arrived' && stage !== 'withdrawn').length;
        expect(out).toHaveLength(expected);
        for (let i = 1; i < out.length; i++) expect(out[i - 1].probability).toBeGreaterThanOrEqual(out[i].probability);
      }),
    );
  });
});
