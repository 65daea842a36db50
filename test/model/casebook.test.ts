// The worked cases of ../shared/forecast-casebook.md (A1–C1), through the model's public functions:
// the facts are the casebook's, the expected values are the casebook's (worked out from the rules,
// not from this code), and each test names the rule. D1–D2 (market figures) are not here: they
// belong to the market loaders.
import { describe, expect, it } from 'vitest';
import { makeCandidate } from '../helpers/candidate';
import { formatIsoDate, parseIsoDate } from '../../src/model/calendar';
import { levelOdds, LOTTERY_ODDS_SOURCE } from '../../src/model/market/lottery-odds';
import { simulate, type SimulateOptions } from '../../src/model/forecast/simulate';
import { ASSUMPTION_META, DEFAULT_ASSUMPTIONS, type Assumptions } from '../../src/model/timing/assumptions';
import { routeFees } from '../../src/model/timing/fees';
import { nextAction } from '../../src/model/timing/next-action';
import { planCandidate } from '../../src/model/timing/routes';
import type { SiteDesignations } from '../../src/model/timing/waiver-sites';
import type { Candidate, RegionRef } from '../../src/model/types';

const inState = (region: RegionRef, site: { state: string }) => region.kind === 'state' && region.state === site.state;

/** Every run's arrival date (or 'never') of one candidate, and the forecast. */
function forecast(candidate: Candidate, now: string, extra: Partial<SimulateOptions> = {}) {
  const days: number[] = [];
  const result = simulate({
    candidates: [candidate],
    targets: [],
    assumptions: DEFAULT_ASSUMPTIONS,
    now,
    runs: 4000,
    seed: 2026,
    horizonMonths: 60,
    regionContains: inState,
    newCandidateScenarios: [],
    onRun: (_, arrival) => days.push(arrival[0]),
    ...extra,
  });
  const nowDay = parseIsoDate(now) as number;
  const dates = days.map((d) => (d === Infinity ? 'never' : formatIsoDate(nowDay + Math.floor(Math.max(d, 0)))));
  const share = (test: (date: string) => boolean) => dates.filter(test).length / dates.length;
  return { result, dates, share, byDate: (date: string) => share((d) => d !== 'never' && d <= date) };
}

// Modoc County, California: a geographic primary-care HPSA covering the whole county.
const MODOC: SiteDesignations = {
  rows: [
    {
      countyFips: '06049',
      countyName: 'Modoc County',
      discipline: 'Primary Care',
      designationType: 'Geographic HPSA',
      status: 'Designated',
      score: 14,
      wholeCounty: true,
    },
  ],
  loaded: ['CA|Primary Care'],
};

describe('A. Conrad 30 and other J-1 waivers', () => {
  // A1: J-1 resident, training ends 2027-06-30 (free from July 1), ECFMG-certified, licence applied
  // for, offer accepted; whole-county primary-care HPSA; waiver filed 2026-10-01 in the window.
  const a1 = makeCandidate({
    id: 'A1',
    specialty: 'family medicine',
    stage: 'accepted',
    stageDate: '2026-10-01',
    visaRoute: 'j1-conrad30',
    siteState: 'CA',
    siteCountyFips: '06049',
    ecfmgCertified: true,
    licenceStatus: 'applied',
    visaStatus: 'waiver-filed',
    visaStatusDate: '2026-10-01',
    availableFrom: '2027-07-01',
    currentStatus: 'j1',
    trainingStatus: 'in-training',
  });
  const withSites = { siteDesignations: MODOC };

  it('A1: the H-1B starts at the end of training; most arrive July–September 2027, median July or August (R1–R3, R8; S17, S22)', () => {
    const { result, dates, share, byDate } = forecast(a1, '2026-11-15', withSites);
    expect(result.candidates[0].waiverSite?.status).toBe('eligible');
    expect(dates.filter((d) => d !== 'never').every((d) => d >= '2027-07-01')).toBe(true);
    expect(share((d) => d >= '2027-07-01' && d <= '2027-09-30')).toBeGreaterThan(0.5);
    expect(['2027-07', '2027-08']).toContain(result.candidates[0].arrivalMedian);
    // P(by 2027-09-30) ≤ P(the state recommends) × P(State Dept and USCIS approve) × P(licence and H-1B in time), and high.
    const bound = DEFAULT_ASSUMPTIONS.conrad30RecommendProbability * DEFAULT_ASSUMPTIONS.waiverApprovalProbability;
    expect(byDate('2027-09-30')).toBeLessThanOrEqual(bound);
    expect(byDate('2027-09-30')).toBeGreaterThan(0.6);
    // The slot part is an assumption the user can see.
    expect(ASSUMPTION_META.conrad30RecommendProbability.confidence).toBe('assumption');
  });

  it('A1: the recorded recruiting stage does not change the outcome — accepted, licensure, credentialing or visa', () => {
    const base = forecast(a1, '2026-11-15', withSites);
    for (const stage of ['licensure', 'credentialing', 'visa'] as const) {
      const other = forecast({ ...a1, stage }, '2026-11-15', withSites);
      for (const date of ['2027-07-31', '2027-08-31', '2027-09-30', '2027-12-31']) {
        expect(Math.abs(other.byDate(date) - base.byDate(date)), `${stage} by ${date}`).toBeLessThan(0.04);
      }
      expect(other.result.candidates[0].arrivalMedian, stage).toBe(base.result.candidates[0].arrivalMedian);
    }
  });

  it('A1: no lapse from the filing date — the next action awaits the waiver and dates the H-1B at the end of training, in February too', () => {
    const action = nextAction(a1, DEFAULT_ASSUMPTIONS, '2026-11-15');
    expect(action.standing).toBe('waiver-pending');
    // The licence applied for is due before the waiver's decision, so it comes first, with the waiver beside it.
    expect(action.action).toMatch(
      /^Obtain the CA medical licence; the Conrad 30 waiver filed 2026-10-01 is pending: the H-1B starts at the end of training \(2027-07-01\)/,
    );
    expect(action.action).not.toMatch(/lapse|lose/);
    // In February a licence still pending since October is a slow one, which lowers the chance, but nothing lapses
    // (the issue saw 2%); once the licence is recorded as granted, the chance is high.
    const february = forecast(a1, '2027-02-15', withSites);
    expect(february.byDate('2027-09-30')).toBeGreaterThan(0.5);
    expect(february.result.candidates[0].standing.kind).toBe('waiver-pending');
    const licensed = forecast({ ...a1, licenceStatus: 'licensed' }, '2027-02-15', withSites);
    expect(licensed.byDate('2027-09-30')).toBeGreaterThan(0.7);
  });

  it('A2: filing later (December) in a first-come state is never better than filing on Oct 1', () => {
    const october = forecast(a1, '2026-12-15', withSites);
    const december = forecast({ ...a1, visaStatusDate: '2026-12-01' }, '2026-12-15', withSites);
    for (const date of ['2027-06-30', '2027-07-31', '2027-08-31', '2027-09-30', '2027-12-31', '2028-06-30']) {
      expect(december.byDate(date), date).toBeLessThanOrEqual(october.byDate(date) + 0.005);
    }
    expect((december.result.candidates[0].arrivalMedian ?? '9999') >= (october.result.candidates[0].arrivalMedian ?? '')).toBe(true);
  });

  it('A2: in a state that ranks one window’s applications (New York, September to early December), any filing date in it is equal', () => {
    const ny = { ...a1, siteState: 'NY', siteCountyFips: '' };
    const october = forecast(ny, '2026-12-15');
    const november = forecast({ ...ny, visaStatusDate: '2026-11-20' }, '2026-12-15');
    expect(november.dates).toEqual(october.dates);
  });

  it('A3: Texas, not filed by 2026-11-15 — no slot this year, the next window opens after the J-1 ends: Conrad 30 is closed; federal alternatives named (S21, S23, R9)', () => {
    const texas = {
      ...a1,
      siteState: 'TX',
      siteCountyFips: '48201',
      visaStatus: 'not-started' as const,
      visaStatusDate: '',
    };
    const { result, share } = forecast(texas, '2026-11-15');
    expect(share((d) => d !== 'never')).toBe(0);
    expect(result.candidates[0].standing.kind).toBe('blocked');
    const action = nextAction(texas, DEFAULT_ASSUMPTIONS, '2026-11-15');
    expect(action.standing).toBe('blocked');
    expect(action.action).toMatch(/FY2028\) opens 2027-09-01, after the J-1 ends on 2027-07-31/);
    expect(action.action).toMatch(/stays in J-1 status/);
    expect(action.action).toMatch(/HHS clinical waiver .*scored 7 or more; residency finished 12 months or less before the start/);
    expect(action.action).toMatch(/VA waiver/);
    expect(action.action).not.toMatch(/ARC|Delta/); // Texas is in neither region
  });
});

describe('B. The H-1B cap', () => {
  it('B1: a selection of 2026-03-28 with no filing recorded has lapsed by 2026-12-07; no start before 2027-10-01, via the March 2027 lottery (S6–S8)', () => {
    const b1 = makeCandidate({
      id: 'B1',
      stage: 'accepted',
      stageDate: '2026-03-01',
      visaRoute: 'h1b-cap-subject',
      licenceStatus: 'licensed',
      visaStatus: 'selected',
      visaStatusDate: '2026-03-28',
      currentStatus: 'f1',
    });
    const action = nextAction(b1, DEFAULT_ASSUMPTIONS, '2026-12-07');
    expect(action.standing).toBe('lapsed');
    expect(action.action).toMatch(/^Record the cap petition’s filing if one was made by 2026-06-30/);
    expect(action.action).toMatch(/register for the FY2028 H-1B lottery between 2027-03-04 and 2027-03-19/);
    const { result, dates } = forecast(b1, '2026-12-07');
    expect(result.candidates[0].standing.kind).toBe('lapsed');
    expect(dates.filter((d) => d !== 'never').every((d) => d >= '2027-10-01')).toBe(true);
    // Only through a new registration: with one lottery allowed, the chance is the selection's.
    const once = forecast(b1, '2026-12-07', { assumptions: { ...DEFAULT_ASSUMPTIONS, h1bMaxLotteries: 1 } });
    const arrived = once.share((d) => d !== 'never');
    expect(arrived).toBeLessThan(DEFAULT_ASSUMPTIONS.h1bSelectionProbabilityLevel2 + 0.03);
    expect(once.dates.filter((d) => d !== 'never').every((d) => d >= '2027-10-01' && d < '2028-10-01')).toBe(true);
  });

  // B2: FY2027 cap petition filed 2026-06-20 for a physician in F-1, approved 2027-01-26 with the change of status.
  const b2 = makeCandidate({
    id: 'B2',
    stage: 'visa',
    stageDate: '2027-01-26',
    visaRoute: 'h1b-cap-subject',
    visaStatus: 'approved',
    visaStatusDate: '2027-01-26',
    currentStatus: 'f1',
  });

  it('B2: a cap petition approved after its fiscal year began starts on approval — February–March 2027, not 2027-10-01 (R4, R10)', () => {
    const { result, dates } = forecast(b2, '2027-02-15');
    const arrived = dates.filter((d) => d !== 'never');
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.every((d) => d >= '2027-02-15' && d <= '2027-03-31')).toBe(true);
    const plan = planCandidate(b2, DEFAULT_ASSUMPTIONS, { now: '2027-02-15' });
    expect(plan.visa).toMatchObject({ kind: 'h1b-lottery', mode: 'approved', capStart: '2026-10-01' });
    expect(result.candidates[0].standing.kind).not.toBe('waiting-for-oct-1');
  });

  it('B2: with the change of status not approved (the person left), the case goes consular: weeks to months more', () => {
    const consular = forecast({ ...b2, currentStatus: 'abroad' }, '2027-02-15');
    const arrived = consular.dates.filter((d) => d !== 'never');
    // The visa appointment (14–120 days, the assumption) is still to be booked, as the next action
    // says (E4): it starts on the approval of 2027-01-26 or today, whichever is later.
    const max = formatIsoDate((parseIsoDate('2027-02-15') as number) + DEFAULT_ASSUMPTIONS.consularDaysMax);
    expect(arrived.every((d) => d >= '2027-02-15' && d <= max)).toBe(true);
    expect(arrived.some((d) => d > '2027-03-31')).toBe(true); // later than the change of status would have allowed
    expect(nextAction({ ...b2, currentStatus: 'abroad' }, DEFAULT_ASSUMPTIONS, '2027-02-15').action).toMatch(
      /^Book the visa appointment abroad/,
    );
  });

  // B3: a physician abroad, ECFMG certification not complete, no US licence, cap-subject H-1B.
  const b3 = makeCandidate({
    id: 'B3',
    stage: 'accepted',
    stageDate: '2026-12-07',
    visaRoute: 'h1b-cap-subject',
    ecfmgCertified: false,
    countryOfTraining: 'India',
    licenceStatus: 'not-applied',
    currentStatus: 'abroad',
  });

  it('B3: the next action names certification and Step 3 first, not the lottery, and says a licence needs US residency in most states (R5, R11, S31)', () => {
    const action = nextAction(b3, DEFAULT_ASSUMPTIONS, '2026-12-07');
    expect(action.standing).toBe('training');
    expect(action.action).toMatch(/^Complete ECFMG certification .*, then USMLE Step 3/);
    expect(action.action).not.toMatch(/^Register/);
    expect(action.action).toMatch(/needs certification, Step 3 and the licence at filing/);
    expect(action.action).toMatch(/1–3 years of US residency .*the Match or a state with an alternative licence/);
  });

  it('B3 at the offer stage: the offer first, then certification and Step 3 before any licence or lottery', () => {
    const action = nextAction({ ...b3, stage: 'offer', stageDate: '2026-11-02' }, DEFAULT_ASSUMPTIONS, '2026-12-07');
    expect(action.action).toMatch(
      /^Get the offer accepted; then ECFMG certification .*, then USMLE Step 3.*, before any licence or H-1B lottery$/,
    );
    expect(action.action).not.toMatch(/registration closes/);
  });

  it('B3: the earliest start is the Oct 1 after certification, Step 3 and the licence can be in a petition filed by June 30', () => {
    // Independent bound: ECFMG ≥ 6 months, Step 3 ≥ 2 months, the licence ≥ 60 days from 2026-12-07
    // end after June 30, 2027, so the first useful lottery is March 2028, starting 2028-10-01.
    const a = DEFAULT_ASSUMPTIONS;
    const earliest =
      (parseIsoDate('2026-12-07') as number) +
      (a.ecfmgCertificationMonthsMin + a.usmleStep3MonthsMin) * 30.4375 +
      a.physicianLicenceDaysMin;
    expect(formatIsoDate(earliest) > '2027-06-30').toBe(true);
    const { dates } = forecast(b3, '2026-12-07');
    const arrived = dates.filter((d) => d !== 'never');
    expect(arrived.length).toBeGreaterThan(100);
    expect(arrived.every((d) => d >= '2028-10-01')).toBe(true);
  });

  it('B3: a worker abroad on a new petition owes the $100,000 payment where the scenario applies (S10, S11)', () => {
    const paying: Assumptions = { ...DEFAULT_ASSUMPTIONS, h1bFeeScenario: 'continues', h1bFeePayProbability: 1 };
    const { result } = forecast(b3, '2026-12-07', { assumptions: paying });
    const cost = result.costPerHireByRoute.find((r) => r.visaRoute === 'h1b-cap-subject');
    expect(cost?.h1bFeeCanApply).toBe(true);
    expect(cost?.costPerHireUsd).toBeGreaterThan(100_000);
  });

  it('B4: the per-level chances are DHS’s projection — 15.29 / 30.58 / 45.87 / 61.16%, −48 / +3 / +55 / +107% against 29.59% (R6, S7)', () => {
    const odds = levelOdds(DEFAULT_ASSUMPTIONS);
    expect(odds.map((o) => o.probability)).toEqual([0.1529, 0.3058, 0.4587, 0.6116]);
    expect(odds.map((o) => Math.round(o.againstRandomSelection * 100))).toEqual([-48, 3, 55, 107]);
    expect(LOTTERY_ODDS_SOURCE).toMatch(/DHS’s projection in the rule’s analysis \(proposed rule, 90 FR 45986\)/);
    expect(LOTTERY_ODDS_SOURCE).toMatch(/not a measured rate/);
    for (const level of [1, 2, 3, 4] as const) {
      const meta = ASSUMPTION_META[`h1bSelectionProbabilityLevel${level}`];
      expect(meta.confidence).toBe('assumption');
      expect(meta.note).toMatch(/DHS's projection .*90 FR 45986.*not a measured rate/);
    }
  });

  it('B4: a person entered four times (level IV) is selected at most once: one lottery gives 61.16%, not 1 − (1 − 15.29%)⁴', () => {
    const registrant = makeCandidate({ stage: 'visa', visaRoute: 'h1b-cap-subject', currentStatus: 'f1', licenceStatus: 'licensed' });
    const one: Assumptions = { ...DEFAULT_ASSUMPTIONS, h1bMaxLotteries: 1, withdrawalVisa: 0, h1bWageLevelPhysician: 4 };
    const { share } = forecast(registrant, '2026-12-07', { assumptions: one, runs: 20_000 });
    expect(Math.abs(share((d) => d !== 'never') - 0.6116)).toBeLessThan(0.015);
  });
});

describe('C. Fees', () => {
  it('C1: a nonprofit teaching hospital, not cap-exempt: no ACWIA fee, $500 fraud fee, $460 I-129, no Asylum Program fee, $215 registration; the lottery still applies (R7, R12)', () => {
    const teaching: Assumptions = { ...DEFAULT_ASSUMPTIONS, employerKind: 'nonprofit-teaching' };
    const fees = routeFees('h1b-cap-subject', teaching);
    const amount = (label: RegExp) => fees.items.find((item) => label.test(item.label))?.amountUsd ?? 0;
    expect(amount(/ACWIA/)).toBe(0);
    expect(amount(/Fraud/)).toBe(500);
    expect(amount(/Form I-129/)).toBe(460);
    expect(amount(/Asylum/)).toBe(0);
    expect(amount(/registration/)).toBe(215);
    expect(fees.perLotteryEntry).toBe(215);
    const worker = makeCandidate({ visaRoute: 'h1b-cap-subject', currentStatus: 'f1' });
    expect(planCandidate(worker, teaching, { now: '2026-12-07' }).visa.kind).toBe('h1b-lottery');
    // A nonprofit without that training pays the ACWIA fee.
    expect(routeFees('h1b-cap-subject', DEFAULT_ASSUMPTIONS).items.find((item) => /ACWIA/.test(item.label))?.amountUsd).toBe(1500);
  });

  it('C1: for a worker abroad, the $100,000 payment is added where the scenario applies', () => {
    const teaching: Assumptions = {
      ...DEFAULT_ASSUMPTIONS,
      employerKind: 'nonprofit-teaching',
      h1bFeePayProbability: 1,
      h1bFeeScenario: 'continues',
    };
    const abroad = makeCandidate({ stage: 'visa', visaRoute: 'h1b-cap-subject', currentStatus: 'abroad', licenceStatus: 'licensed' });
    const { result } = forecast(abroad, '2026-12-07', { assumptions: teaching });
    const cost = result.costPerHireByRoute[0];
    expect(cost.feeItems.some((item) => /ACWIA/.test(item.label))).toBe(false);
    expect(cost.costPerHireUsd).toBeGreaterThan(100_000);
    const off = forecast(abroad, '2026-12-07', { assumptions: { ...teaching, h1bFeeScenario: 'not-applied' } });
    expect(off.result.costPerHireByRoute[0].costPerHireUsd).toBeLessThan(10_000);
  });
});
