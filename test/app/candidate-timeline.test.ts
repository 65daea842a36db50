// A candidate's timeline figure from the forecast itself: a physician selected in the March 2026
// lottery, on 2026-06-15, whose petition must be filed by June 30 for an Oct 1 start (casebook B1).
import { describe, expect, it } from 'vitest';
import { timelineFigure } from '../../src/app/pipeline/candidate-timeline';
import { simulate } from '../../src/model/forecast/simulate';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import type { Target } from '../../src/model/types';
import { makeCandidate } from '../helpers/candidate';

const NOW = '2026-06-15';
const target: Target = {
  id: 't1',
  profession: 'physician',
  specialty: 'internal medicine',
  region: { kind: 'state', state: 'CA' },
  hires: 1,
  dueQuarter: '2027-Q1',
  priority: 'high',
  owner: '',
  note: '',
};
const selected = makeCandidate({
  id: 'C-SEL',
  stage: 'accepted',
  stageDate: '2026-03-01',
  visaRoute: 'h1b-cap-subject',
  siteState: 'CA',
  siteCountyFips: '06019',
  licenceStatus: 'licensed',
  visaStatus: 'selected',
  visaStatusDate: '2026-03-28',
  currentStatus: 'f1',
  trainingStatus: 'completed',
});
const result = simulate({
  candidates: [selected],
  targets: [target],
  assumptions: DEFAULT_ASSUMPTIONS,
  now: NOW,
  runs: 400,
  seed: 3,
  horizonMonths: 36,
  regionContains: (region, site) => region.kind === 'state' && region.state === site.state,
});

describe('a candidate’s timeline figure', () => {
  const c = result.candidates[0];
  const figure = timelineFigure(c, NOW, (id) => (id === 't1' ? 'Internal medicine — California' : id))!;

  it('draws every remaining step, the filing deadline, Oct 1 and the target’s due date', () => {
    expect(figure.steps).toHaveLength(c.timeline!.steps.length);
    expect(figure.steps.length).toBeGreaterThan(0);
    const dates = figure.table.dates.map((d) => d.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-06-30', '2026-10-01', '2027-03-31']));
    expect(figure.table.dates.find((d) => d.date === '2027-03-31')?.label).toBe('Due: Internal medicine — California');
    expect(figure.dates.filter((d) => d.due)).toHaveLength(1);
    // The petition is filed by June 30 or the selection lapses: in every draw where it is filed, by then.
    const filed = figure.table.steps.find((s) => /Cap petition filed/.test(s.label));
    expect(filed && filed.p90 <= '2026-06-30').toBe(true);
    for (const s of figure.table.steps) expect(NOW <= s.p10 && s.p10 <= s.p50 && s.p50 <= s.p90).toBe(true);
  });

  it('stars exactly the steps of the track that most often decides the arrival, and names it in the legend', () => {
    const track = c.delayedMostBy!.track;
    expect(figure.table.steps.map((s) => s.highlight)).toEqual(c.timeline!.steps.map((s) => s.track === track && track !== 'none'));
    expect(figure.steps.map((s) => s.highlight)).toEqual(figure.table.steps.map((s) => s.highlight));
    if (figure.steps.some((s) => s.highlight)) expect(figure.legend).toContain(`★ Orange: ${c.delayedMostBy!.label}`);
  });
});

describe('a candidate whose arrival is decided by the $100,000 fee, not by a step with dates', () => {
  // Cap-exempt H-1B from abroad after the proclamation: the fee applies, and by default the employer
  // pays it in half of the futures (otherwise the hire falls through).
  const abroad = makeCandidate({
    id: 'C-FEE',
    stage: 'offer',
    stageDate: '2026-11-02',
    visaRoute: 'h1b-cap-exempt',
    currentStatus: 'abroad',
    licenceStatus: 'applied',
    availableFrom: '2027-01-01',
    siteState: 'CA',
    siteCountyFips: '06019',
  });
  const now = '2026-12-07';
  const run = simulate({
    candidates: [abroad],
    targets: [target],
    assumptions: DEFAULT_ASSUMPTIONS,
    now,
    runs: 400,
    seed: 5,
    horizonMonths: 48,
    regionContains: (region, site) => region.kind === 'state' && region.state === site.state,
  });
  const c = run.candidates[0];

  it('names the fee in the legend, though no bar can show it', () => {
    expect(c.delayedMostBy?.track).toBe('h1b-fee');
    const figure = timelineFigure(c, now, (id) => id)!;
    expect(figure.steps.some((s) => s.highlight)).toBe(false);
    expect(figure.legend).toContain(`What most often decides the arrival: ${c.delayedMostBy!.label}`);
    expect(figure.legend).toMatch(/\$100,000 H-1B fee/);
  });
});

describe('a physician’s steps, in the order the rules allow them', () => {
  const now = '2026-12-07';
  const run = (candidate: Parameters<typeof makeCandidate>[0]) =>
    simulate({
      candidates: [makeCandidate({ stage: 'accepted', stageDate: '2026-11-01', siteState: 'CA', siteCountyFips: '06019', ...candidate })],
      targets: [target],
      assumptions: DEFAULT_ASSUMPTIONS,
      now,
      runs: 400,
      seed: 11,
      horizonMonths: 72,
      regionContains: (region, site) => region.kind === 'state' && region.state === site.state,
    }).candidates[0].timeline!.steps;
  /** The step's 10th, 50th and 90th percentile finish. */
  const at = (steps: ReturnType<typeof run>, label: RegExp) => {
    const s = steps.find((x) => label.test(x.label));
    if (!s) throw new Error(`no step ${label} in ${steps.map((x) => x.label).join(' · ')}`);
    return [s.p10, s.p50, s.p90];
  };
  /** In every draw `later` ends no sooner than `earlier`, so each of its percentiles is no sooner either. */
  const noSooner = (later: string[], earlier: string[]) => later.forEach((d, k) => expect(d >= earlier[k]).toBe(true));

  it('a cap-exempt petition is approved after the ECFMG certificate, Step 3 and the licence it is filed with, the visa abroad after it (casebook B3, R5)', () => {
    const steps = run({
      id: 'C-B3',
      visaRoute: 'h1b-cap-exempt',
      currentStatus: 'abroad',
      ecfmgCertified: false,
      trainingStatus: 'completed',
      licenceStatus: 'not-started',
    });
    const petition = at(steps, /H-1B cap-exempt petition/);
    for (const needed of [/ECFMG certification/, /Step 3/, /medical licence/]) noSooner(petition, at(steps, needed));
    noSooner(at(steps, /visa appointment abroad/), petition);
  });

  it('a licence that needs a US residency first comes no sooner than the end of its first year (S31)', () => {
    const steps = run({
      id: 'C-RES',
      visaRoute: 'h1b-cap-exempt',
      currentStatus: 'abroad',
      ecfmgCertified: true,
      trainingStatus: 'needs-residency',
      licenceStatus: 'not-started',
    });
    const licence = at(steps, /medical licence/);
    // The earliest Match a certified physician can enter is March 2027: residency from July 1, 2027, one year done July 1, 2028.
    expect(licence[0] >= '2028-07-01').toBe(true);
  });
});
