// Defects an outside reviewer found driving the app, each checked against the rules (casebook,
// domain.md) rather than against the code: fees still ahead, the next action's dates against the
// forecast's, the Conrad 30 window a physician finishing next June files in, lottery wording.
import { describe, expect, it } from 'vitest';
import { makeCandidate } from '../helpers/candidate';
import { formatIsoDate, parseIsoDate } from '../../src/model/calendar';
import { simulate } from '../../src/model/forecast/simulate';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { routeFees } from '../../src/model/timing/fees';
import { nextAction } from '../../src/model/timing/next-action';
import type { Candidate, RegionRef } from '../../src/model/types';

const inState = (region: RegionRef, site: { state: string }) => region.kind === 'state' && region.state === site.state;

function run(candidates: Candidate[], now: string, runs = 2000) {
  return simulate({
    candidates,
    targets: [],
    assumptions: DEFAULT_ASSUMPTIONS,
    now,
    runs,
    seed: 2026,
    horizonMonths: 60,
    regionContains: inState,
    newCandidateScenarios: [],
  });
}

describe('Conrad 30: the H-1B petition’s fees are still ahead while only the waiver is filed', () => {
  // A J-1 resident as in casebook A1; the H-1B petition (I-129, ACWIA, fraud fee, premium processing)
  // is filed after the waiver is approved (S17, S25), so filing the waiver does not pay it.
  const base = makeCandidate({
    id: 'W',
    specialty: 'family medicine',
    stage: 'accepted',
    stageDate: '2026-10-01',
    visaRoute: 'j1-conrad30',
    siteState: 'NM',
    siteCountyFips: '',
    ecfmgCertified: true,
    licenceStatus: 'licensed',
    availableFrom: '2027-07-01',
    currentStatus: 'j1',
    trainingStatus: 'in-training',
  });
  const perPetition = routeFees('j1-conrad30', DEFAULT_ASSUMPTIONS).perPetition;

  it('waiver filed: the expected fees are the petition’s, as for a waiver not yet filed', () => {
    expect(perPetition).toBeGreaterThan(0);
    const fees = (c: Candidate) => run([c], '2026-11-15').costPerHireByRoute.find((r) => r.visaRoute === 'j1-conrad30')?.expectedFeesUsd;
    const filed = fees({ ...base, visaStatus: 'waiver-filed', visaStatusDate: '2026-10-01' }) ?? 0;
    const notFiled = fees(base) ?? 0;
    // Paid in every run the candidate stays (recommended and approved: 90% × 95% by default).
    expect(filed).toBeGreaterThan(0.5 * perPetition);
    expect(filed).toBeLessThanOrEqual(perPetition);
    expect(Math.abs(filed - notFiled)).toBeLessThan(0.05 * perPetition);
  });

  it('waiver approved, petition not filed: the petition’s fees still count; once filed they are spent', () => {
    const fees = (c: Candidate) =>
      run([c], '2027-02-15').costPerHireByRoute.find((r) => r.visaRoute === 'j1-conrad30')?.expectedFeesUsd ?? 0;
    expect(fees({ ...base, visaStatus: 'waiver-approved', visaStatusDate: '2027-02-01' })).toBeGreaterThan(0.5 * perPetition);
    expect(fees({ ...base, visaStatus: 'petition-filed', visaStatusDate: '2027-02-01' })).toBe(0);
  });
});

/** The triangular CDF (min, mode, max), from its definition. */
function triangularCdf(x: number, [a, c, b]: [number, number, number]): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  return x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
}

/** The median of a triangular duration given that it has run `elapsed` days: found by bisection on the CDF. */
function conditionalMedian(shape: [number, number, number], elapsed: number): number {
  const target = triangularCdf(elapsed, shape) + 0.5 * (1 - triangularCdf(elapsed, shape));
  let lo = Math.max(elapsed, shape[0]);
  let hi = shape[2];
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (triangularCdf(mid, shape) < target) lo = mid;
    else hi = mid;
  }
  return lo;
}

const plusDays = (date: string, n: number) => formatIsoDate((parseIsoDate(date) as number) + Math.round(n));
const daysBetween = (a: string, b: string) => (parseIsoDate(b) as number) - (parseIsoDate(a) as number);

describe('the next action’s expected date is the median, as the forecast’s', () => {
  // A licence applied for on 2026-11-15 in California; state licence 90 days, 60–365 (domain.md, S29).
  const licence: [number, number, number] = [60, 90, 365];
  const applied = makeCandidate({
    id: 'L',
    stage: 'licensure',
    stageDate: '2026-11-15',
    visaRoute: 'us-authorized',
    siteState: 'CA',
    siteCountyFips: '',
    licenceStatus: 'applied',
  });

  for (const now of ['2026-11-15', '2027-01-15', '2027-03-01']) {
    it(`a licence applied for on 2026-11-15, seen on ${now}: expected on the median given it is not granted yet`, () => {
      const elapsed = daysBetween('2026-11-15', now);
      const median = plusDays('2026-11-15', conditionalMedian(licence, elapsed));
      const action = nextAction(applied, DEFAULT_ASSUMPTIONS, now);
      expect(action.action).toMatch(/^Obtain the CA medical licence/);
      expect(action.dateKind).toBe('expected');
      expect(Math.abs(daysBetween(median, action.date as string))).toBeLessThanOrEqual(1);
      // The timeline's median for the same step (250 traced draws): within Monte Carlo noise.
      const step = run([applied], now, 500).candidates[0].timeline?.steps.find((s) => s.id === 'medical-licence');
      expect(Math.abs(daysBetween(step?.p50 as string, action.date as string))).toBeLessThanOrEqual(15);
    });
  }
});

describe('an approved cap petition for a candidate abroad: the visa appointment decides (casebook B2, E4)', () => {
  // B2's petition, approved 2027-01-26 for FY2027 (which began 2026-10-01), the candidate abroad:
  // the case goes consular — the visa appointment, 14–120 days (45 most likely), from today.
  const consular: [number, number, number] = [14, 45, 120];
  const b2abroad = makeCandidate({
    id: 'B2',
    stage: 'visa',
    stageDate: '2026-06-20',
    visaRoute: 'h1b-cap-subject',
    licenceStatus: 'licensed',
    visaStatus: 'approved',
    visaStatusDate: '2027-01-26',
    currentStatus: 'abroad',
  });

  for (const now of ['2027-02-15', '2027-03-10']) {
    it(`on ${now}: the next action books the visa appointment, expected when the forecast’s median arrival falls`, () => {
      const expected = plusDays(now, conditionalMedian(consular, 0));
      const action = nextAction(b2abroad, DEFAULT_ASSUMPTIONS, now);
      expect(action.action).toMatch(/^Book the visa appointment abroad/);
      expect(action.action).not.toMatch(/start can be now/);
      expect(Math.abs(daysBetween(expected, action.date as string))).toBeLessThanOrEqual(1);
      const forecast = run([b2abroad], now).candidates[0];
      expect(forecast.arrivalMedian).toBe(expected.slice(0, 7));
      expect(forecast.nextAction.date).toBe(action.date);
      // What decides the arrival is the visa appointment, not an Oct 1 that has passed.
      expect(forecast.delayedMostBy?.track).toBe('visa');
      expect(forecast.delayedMostBy?.label).toMatch(/visa appointment abroad/);
      expect(forecast.delayedMostBy?.label).not.toMatch(/Oct 1/);
    });
  }

  it('approved before its Oct 1 (2026-08-20, seen 2026-09-01): the start waits for Oct 1 or the visa, whichever is later', () => {
    const early = { ...b2abroad, visaStatusDate: '2026-08-20' };
    const action = nextAction(early, DEFAULT_ASSUMPTIONS, '2026-09-01');
    expect(action.action).toMatch(/^Book the visa appointment abroad/);
    expect(action.action).toMatch(/2026-10-01/);
    // The median visa (about 57 days from 2026-09-01) comes after Oct 1.
    const visa = plusDays('2026-09-01', conditionalMedian(consular, 0));
    expect(visa > '2026-10-01').toBe(true);
    expect(Math.abs(daysBetween(visa, action.date as string))).toBeLessThanOrEqual(1);
  });
});

describe('Conrad 30: a physician finishing next June files in the window of the fiscal year they start in (casebook A1; R1)', () => {
  // J-1 resident finishing 2027-06-30: the H-1B starts 2027-07-01, in FY2027 (Oct 1, 2026 – Sep 30, 2027).
  // States take applications in the fall for physicians finishing the next June; most open on Oct 1 (A1, R1).
  const resident = makeCandidate({
    id: 'NM1',
    specialty: 'family medicine',
    stage: 'accepted',
    stageDate: '2026-08-01',
    visaRoute: 'j1-conrad30',
    siteState: 'NM',
    siteCountyFips: '',
    ecfmgCertified: true,
    licenceStatus: 'licensed',
    availableFrom: '2027-07-01',
    currentStatus: 'j1',
    trainingStatus: 'in-training',
  });

  for (const now of ['2026-08-01', '2026-09-15', '2026-09-30']) {
    it(`on ${now}, in a state opening Oct 1 (NM) as in CA: file when the FY2027 window opens on 2026-10-01, no FY2026 deadline`, () => {
      for (const state of ['NM', 'CA']) {
        const action = nextAction({ ...resident, siteState: state }, DEFAULT_ASSUMPTIONS, now);
        expect(action.action, state).toMatch(/when its FY2027 window opens \(2026-10-01\)/);
        expect(action.action, state).not.toMatch(/FY2026/);
        expect(action.date, state).toBe('2026-10-01');
        expect(action.dateKind, state).toBe('opens');
      }
    });
  }

  it('on 2026-10-15 the FY2027 window is open: file now', () => {
    const action = nextAction(resident, DEFAULT_ASSUMPTIONS, '2026-10-15');
    expect(action.action).toMatch(/now: its FY2027 window is open/);
  });

  it('the forecast files in the same window: no application before 2026-10-01 (E4)', () => {
    const forecast = run([resident], '2026-09-15', 500).candidates[0];
    const filed = forecast.timeline?.steps.find((s) => s.id === 'waiver-filed');
    expect(filed?.p10 && filed.p10 >= '2026-10-01').toBe(true);
    expect(forecast.nextAction.date).toBe('2026-10-01');
  });

  it('a physician free now (no training end recorded) still files in the window open now', () => {
    const free = { ...resident, availableFrom: '', currentStatus: '' as const, trainingStatus: '' as const };
    const action = nextAction(free, DEFAULT_ASSUMPTIONS, '2026-09-15');
    expect(action.action).toMatch(/now: its FY2026 window is open until 2026-09-30/);
  });
});

describe('a registration with no selection recorded: the user is asked to record it, as for a lapsed selection (casebook B1)', () => {
  // Registered in the FY2027 lottery (March 4–19, 2026); selections were out by 2026-03-31 and a
  // selection is filed April 1 – June 30, 2026 (S6–S8). Nothing recorded: maybe not selected, maybe not entered.
  const registered = makeCandidate({
    id: 'R',
    stage: 'accepted',
    stageDate: '2026-03-01',
    visaRoute: 'h1b-cap-subject',
    licenceStatus: 'licensed',
    visaStatus: 'registered',
    visaStatusDate: '2026-03-10',
    currentStatus: 'f1',
  });

  for (const now of ['2026-04-05', '2026-06-15', '2026-11-23']) {
    it(`on ${now}: asks to record the selection if there was one; the forecast keeps "not selected"`, () => {
      const action = nextAction(registered, DEFAULT_ASSUMPTIONS, now);
      expect(action.action).not.toMatch(/^Not selected/);
      expect(action.action).toMatch(/^Record the FY2027 H-1B selection if the candidate was selected/);
      expect(action.action).toMatch(/2026-06-30/);
      expect(action.action).toMatch(/Register for the FY2028 H-1B lottery/i);
      if (now > '2026-06-30') expect(action.action).toMatch(/filing/);
      const forecast = run([registered], now, 500).candidates[0];
      expect(forecast.standing.kind).toBe('register');
      expect(forecast.standing.summary).toMatch(/No FY2027 H-1B selection recorded/);
      // Taken as not selected: no start before the FY2028 cap's Oct 1, 2027.
      expect((forecast.arrivalP10 ?? '9999') >= '2027-10').toBe(true);
    });
  }
});
