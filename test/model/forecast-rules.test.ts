// Known answers written from the rules (domain.md, USCIS, HHS, the Conrad 30 statute), not from the
// code: where each candidate really is decides when each remaining step starts.
import { makeCandidate } from '../helpers/candidate';
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_FIELDS, DEFAULT_ASSUMPTIONS, type Assumptions } from '../../src/model/timing/assumptions';
import { formatIsoDate, parseIsoDate } from '../../src/model/calendar';
import { nextAction } from '../../src/model/timing/next-action';
import { simulate, type ForecastTarget, type SimulateOptions } from '../../src/model/forecast/simulate';
import { parsePipelineCsv, PIPELINE_TEMPLATE_COLUMNS } from '../../src/model/pipeline';
import { newCandidateFor } from '../../src/model/forecast/new-candidates';
import { planCandidate, trainedAbroad } from '../../src/model/timing/routes';
import type { Candidate, RegionRef } from '../../src/model/types';

/** Every duration zero, nobody withdraws and every waiver is approved: what remains is the calendar and the rule under test. */
function instant(overrides: Partial<Assumptions> = {}): Assumptions {
  const zeroed = ASSUMPTION_FIELDS.filter(
    (field) => /(Days|Months)(Min|Mode|Max)$/.test(field) || field.startsWith('stageDays') || field.startsWith('withdrawal'),
  );
  return {
    ...DEFAULT_ASSUMPTIONS,
    ...Object.fromEntries(zeroed.map((field) => [field, 0])),
    conrad30RecommendProbability: 1,
    waiverApprovalProbability: 1,
    h1bFeeScenario: 'not-applied',
    ...overrides,
  };
}

/** A duration fixed at `value` (min = mode = max). */
function fixed(prefix: string, value: number): Partial<Assumptions> {
  return { [`${prefix}Min`]: value, [`${prefix}Mode`]: value, [`${prefix}Max`]: value };
}

const inState = (region: RegionRef, site: { state: string }) => region.kind === 'state' && region.state === site.state;

function target(overrides: Partial<ForecastTarget> = {}): ForecastTarget {
  return {
    id: 't1',
    profession: 'physician',
    specialty: 'internal medicine',
    region: { kind: 'state', state: 'TX' },
    hires: 1,
    dueQuarter: '2027-Q4',
    priority: 'high',
    owner: '',
    note: '',
    ...overrides,
  };
}

function run(now: string, candidates: Candidate[], assumptions: Assumptions, extra: Partial<SimulateOptions> = {}) {
  const days: number[][] = [];
  const result = simulate({
    candidates,
    targets: [],
    assumptions,
    now,
    runs: 2000,
    seed: 11,
    horizonMonths: 60,
    regionContains: inState,
    newCandidateScenarios: [],
    onRun: (_, arrival) => days.push(Array.from(arrival)),
    ...extra,
  });
  const nowDay = parseIsoDate(now) as number;
  const dates = (i = 0) => days.map((d) => (d[i] === Infinity ? 'never' : formatIsoDate(nowDay + d[i])));
  return { result, dates };
}

describe('a candidate selected in the lottery', () => {
  // Selected in the FY2027 lottery (March 2026) and the petition approved in May: a US-based
  // candidate (change of status) whose licence is done.
  const selected = makeCandidate({
    stage: 'visa',
    stageDate: '2026-05-20',
    visaRoute: 'h1b-cap-subject',
    visaStatus: 'approved',
    visaStatusDate: '2026-05-20',
    currentStatus: 'f1',
  });

  it('arrives on the fiscal year’s Oct 1, and is never entered in another lottery', () => {
    // Selection odds of 1% would make any re-registration visible as a near-certain miss.
    const { result, dates } = run('2026-06-01', [selected], instant({ h1bSelectionModel: 'flat', h1bSelectionProbability: 0.01 }));
    expect(new Set(dates())).toEqual(new Set(['2026-10-01']));
    expect(result.costPerHireByRoute[0].expectedFeesUsd).toBe(0); // no registration fee, petition fees already paid
  });

  it('with licensing still running, arrives on Oct 1 or when licensing ends, whichever is later', () => {
    const licensing = { ...selected, stage: 'licensure' as const, stageDate: '2026-09-01' };
    const { dates } = run('2026-09-15', [licensing], instant({ ...fixed('physicianLicenceDays', 60) }));
    // Licence started 2026-09-01 + 60 days = 2026-10-31, after Oct 1.
    expect(new Set(dates())).toEqual(new Set(['2026-10-31']));
  });

  it('is told to file the petition by June 30, not to register', () => {
    const justSelected = {
      ...selected,
      stage: 'accepted' as const,
      stageDate: '2026-03-01',
      visaStatus: 'selected' as const,
      visaStatusDate: '2026-03-28',
    };
    const action = nextAction(justSelected, DEFAULT_ASSUMPTIONS, '2026-04-10');
    expect(action.action).not.toMatch(/Register/);
    expect(action.action).toMatch(/^File the H-1B cap petition between 2026-04-10 and 2026-06-30\b/);
    expect(action.action).toMatch(/\(selected for FY2027; start on or after 2026-10-01\)/);
    expect(action).toMatchObject({ date: '2026-06-30', dateKind: 'deadline' });
    const { dates } = run('2026-04-10', [justSelected], instant());
    expect(new Set(dates())).toEqual(new Set(['2026-10-01']));
  });

  it('abroad, approved months ago with no visa recorded: the visa appointment is still ahead, in the forecast as in the next action', () => {
    // Casebook E4: the next action says to book the consular appointment, so the forecast cannot
    // count the consular wait as spent since the approval. Consular wait fixed at 30 days.
    const abroad = { ...selected, currentStatus: 'abroad' as const, visaStatusDate: '2026-05-20' };
    const now = '2026-12-07';
    expect(nextAction(abroad, DEFAULT_ASSUMPTIONS, now).action).toMatch(/^Book the .*visa appointment/);
    const { dates } = run(now, [abroad], instant({ ...fixed('consularDays', 30) }));
    expect(new Set(dates())).toEqual(new Set(['2027-01-06'])); // today + 30 days, not today
  });

  it('a registration whose selections are out and not marked selected enters next year’s lottery', () => {
    const lost = {
      ...selected,
      stage: 'accepted' as const,
      stageDate: '2026-03-01',
      visaStatus: 'registered' as const,
      visaStatusDate: '2026-03-10',
    };
    const action = nextAction(lost, DEFAULT_ASSUMPTIONS, '2026-11-23');
    expect(action.action).toMatch(
      /^Record the FY2027 H-1B selection if the candidate was selected, with the cap petition’s filing if one was made by 2026-06-30: otherwise taken as not selected — register for the FY2028 H-1B lottery between 2027-03-04 and 2027-03-19/,
    );
    const { dates } = run('2026-11-23', [lost], instant({ h1bSelectionModel: 'flat', h1bSelectionProbability: 1 }));
    expect(new Set(dates())).toEqual(new Set(['2027-10-01']));
    // Still awaiting this year's selections: the lottery already entered decides, without a new registration.
    const awaiting = { ...lost, visaStatusDate: '2027-03-10' };
    expect(nextAction(awaiting, DEFAULT_ASSUMPTIONS, '2027-03-20').action).toMatch(/^Record whether the FY2028 lottery selected/);
  });
});

describe('a step under way started when it happened', () => {
  const filedToday = makeCandidate({ stage: 'visa', visaRoute: 'j1-conrad30', currentStatus: 'j1', visaStatus: 'waiver-filed' });

  it('a Conrad 30 waiver filed five months ago has five months less to go', () => {
    const sixMonths = instant({ ...fixed('conrad30FilingToStartMonths', 6) });
    const now = '2026-11-23';
    const today = run(now, [{ ...filedToday, stageDate: now, visaStatusDate: now }], sixMonths).dates();
    const earlier = run(now, [{ ...filedToday, stageDate: '2026-06-23', visaStatusDate: '2026-06-23' }], sixMonths).dates();
    const nowDay = parseIsoDate(now) as number;
    expect(new Set(today)).toEqual(new Set([formatIsoDate(nowDay + 6 * 30.4375)]));
    expect(new Set(earlier)).toEqual(new Set([formatIsoDate(parseIsoDate('2026-06-23')! + 6 * 30.4375)]));
    const gap = (parseIsoDate(today[0]) as number) - (parseIsoDate(earlier[0]) as number);
    expect(gap).toBe((parseIsoDate(now) as number) - (parseIsoDate('2026-06-23') as number)); // 153 days ≈ five months
  });

  it('with the 4–9 month range, a waiver filed five months ago lands 4–9 months after filing, never before today', () => {
    const { dates } = run(
      '2026-11-23',
      [{ ...filedToday, stageDate: '2026-06-23', visaStatusDate: '2026-06-23' }],
      instant({
        ...fixed('conrad30FilingToStartMonths', 0),
        conrad30FilingToStartMonthsMin: 4,
        conrad30FilingToStartMonthsMode: 6,
        conrad30FilingToStartMonthsMax: 9,
      }),
    );
    const days = dates().map((d) => parseIsoDate(d) as number);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(parseIsoDate('2026-11-23') as number);
    expect(Math.max(...days)).toBeLessThanOrEqual((parseIsoDate('2026-06-23') as number) + 9 * 30.4375 + 1);
  });

  it('a filed Conrad 30 waiver is awaited: the 90-day start clock runs from the H-1B’s start, not from the filing (S17, R14)', () => {
    const filed = { ...filedToday, stageDate: '2026-06-23', visaStatusDate: '2026-06-23' };
    const { action } = nextAction(filed, DEFAULT_ASSUMPTIONS, '2026-11-23');
    expect(action).toMatch(
      /^Conrad 30 waiver filed 2026-06-23: await the state’s recommendation, the State Department and USCIS; the H-1B starts on approval, and work must begin within 90 days of it;/,
    );
    const resident = { ...filed, trainingStatus: 'in-training' as const, availableFrom: '2027-06-30' };
    expect(nextAction(resident, DEFAULT_ASSUMPTIONS, '2026-11-23').action).toMatch(/the H-1B starts at the end of training \(2027-06-30\)/);
  });

  it('a licence applied for three months ago is done sooner than one applied for today', () => {
    const a = instant({ ...fixed('physicianLicenceDays', 120) });
    const started = run('2026-11-23', [makeCandidate({ stage: 'licensure', stageDate: '2026-08-25' })], a).dates();
    expect(new Set(started)).toEqual(new Set(['2026-12-23']));
  });
});

describe('availability and training', () => {
  it('no run arrives before available_from 2027-06-30', () => {
    // Ohio takes Conrad 30 applications from Oct 1 (Texas's September window would close the route for a 2027 start).
    const resident = makeCandidate({
      stage: 'offer',
      stageDate: '2026-11-01',
      siteState: 'OH',
      visaRoute: 'j1-conrad30',
      currentStatus: 'j1',
      trainingStatus: 'in-training',
      availableFrom: '2027-06-30',
    });
    const { result, dates } = run('2026-11-23', [resident], DEFAULT_ASSUMPTIONS);
    const arrived = dates().filter((d) => d !== 'never');
    expect(arrived.length).toBeGreaterThan(500);
    expect(arrived.every((d) => d >= '2027-06-30')).toBe(true);
    expect((result.candidates[0].arrivalP10 as string) >= '2027-06').toBe(true);
  });

  it('an IMG without a US residency matches (third Friday of March) and trains 3 years first', () => {
    const img = makeCandidate({ stage: 'offer', stageDate: '2026-11-23', trainingStatus: 'needs-residency' });
    const { dates } = run('2026-11-23', [img], instant({ matchRateNonUsImg: 0.58, matchAttempts: 2 }));
    const all = dates();
    // Match 2027 → residency 2027-07-01 to 2030-06-30, or Match 2028 → free 2031-07-01; unmatched twice: never (0.42²).
    expect(new Set(all)).toEqual(new Set(['2030-07-01', '2031-07-01', 'never']));
    const never = all.filter((d) => d === 'never').length / all.length;
    expect(Math.abs(never - 0.42 ** 2)).toBeLessThan(0.03);
  });

  it('an uncertified IMG certifies with ECFMG before the licence can start', () => {
    const a = instant({ ...fixed('ecfmgCertificationMonths', 12), ...fixed('physicianLicenceDays', 90) });
    const { dates } = run('2026-11-23', [makeCandidate({ stage: 'licensure', stageDate: '2026-11-23', ecfmgCertified: false })], a);
    expect(new Set(dates())).toEqual(new Set([formatIsoDate((parseIsoDate('2026-11-23') as number) + 12 * 30.4375 + 90)]));
  });

  it('a medical laboratory scientist without a VisaScreen waits for it; a cytotechnologist does not', () => {
    const a = instant({ ...fixed('visaScreenMonths', 2) });
    const lab = { profession: 'mls', visaRoute: 'h1b-cap-exempt', siteState: 'TX', visaScreen: false } as const;
    const mls = run('2026-11-23', [makeCandidate({ ...lab, specialty: 'medical laboratory scientist' })], a).dates();
    const cyto = run('2026-11-23', [makeCandidate({ ...lab, specialty: 'cytotechnologist' })], a).dates();
    expect(new Set(mls)).toEqual(new Set([formatIsoDate((parseIsoDate('2026-11-23') as number) + 2 * 30.4375)]));
    expect(new Set(cyto)).toEqual(new Set(['2026-11-23']));
  });
});

describe('routes that exist as the rules have them', () => {
  it('a cap-exempt H-1B moving to a cap-subject employer only ever starts on an Oct 1', () => {
    const moving = makeCandidate({ stage: 'accepted', visaRoute: 'h1b-transfer', currentStatus: 'h1b-cap-exempt' });
    const { dates } = run('2026-11-23', [moving], instant({ h1bSelectionModel: 'flat', h1bSelectionProbability: 0.5 }));
    expect(dates().every((d) => d === 'never' || d.endsWith('-10-01'))).toBe(true);
    const counted = makeCandidate({ stage: 'accepted', visaRoute: 'h1b-transfer', currentStatus: 'h1b' });
    expect(new Set(run('2026-11-23', [counted], instant()).dates())).toEqual(new Set(['2026-11-23']));
  });

  it('a Conrad 30 hire owes 3 years at the site: the service end is shown', () => {
    const arrived = makeCandidate({ stage: 'arrived', stageDate: '2026-07-15', visaRoute: 'j1-conrad30', currentStatus: 'j1' });
    const { result } = run('2026-11-23', [arrived], DEFAULT_ASSUMPTIONS);
    expect(result.candidates[0].serviceEnds).toBe('2029-07-15');
    expect(nextAction(arrived, DEFAULT_ASSUMPTIONS, '2026-11-23').action).toMatch(/3-year waiver service at this site ends 2029-07-15/);
  });

  it('a lab scientist’s green card goes through PERM, the I-140 and the visa-number wait', () => {
    const a = instant({ ...fixed('permMonths', 18), ...fixed('immigrantPetitionMonths', 6), ...fixed('immigrantVisaWaitMonths', 24) });
    const mls = makeCandidate({
      profession: 'mls',
      specialty: 'medical laboratory scientist',
      siteState: 'TX',
      visaRoute: 'eb3-perm',
      visaScreen: true,
      currentStatus: 'other-us',
    });
    const start = parseIsoDate('2026-11-23') as number;
    expect(new Set(run('2026-11-23', [mls], a).dates())).toEqual(new Set([formatIsoDate(start + 48 * 30.4375)]));
    const filed = { ...mls, visaStatus: 'immigrant-petition-filed' as const, visaStatusDate: '2026-05-23' };
    expect(new Set(run('2026-11-23', [filed], a).dates())).toEqual(
      new Set([formatIsoDate((parseIsoDate('2026-05-23') as number) + 30 * 30.4375)]),
    );
  });

  it('a target’s saved offer sets its candidates’ wage level and the lottery odds (FY2027 rule)', () => {
    const registrant = makeCandidate({ stage: 'accepted', visaRoute: 'h1b-cap-subject', currentStatus: 'f1' });
    const options = { targets: [target({ dueQuarter: '2027-Q4' })], runs: 20_000 };
    const atDefault = run('2026-11-23', [registrant], instant({ h1bMaxLotteries: 1 }), options).result;
    const atLevel4 = run('2026-11-23', [registrant], instant({ h1bMaxLotteries: 1 }), {
      ...options,
      targets: [target({ dueQuarter: '2027-Q4', wageLevel: 4 })],
    }).result;
    expect(Math.abs(atDefault.targets[0].probabilityMet - 0.3058)).toBeLessThan(0.015);
    expect(Math.abs(atLevel4.targets[0].probabilityMet - 0.6116)).toBeLessThan(0.015);
    expect(atLevel4.targets[0].wageLevel).toBe(4);
  });
});

describe('steps in the order the rules set', () => {
  it('a Canadian technologist’s TN admission comes after the California lab licence and the VisaScreen it needs (R17)', () => {
    const a = instant({ ...fixed('visaScreenMonths', 2), ...fixed('mlsLicenceDays', 120), ...fixed('tnDays', 7) });
    const tech = makeCandidate({
      profession: 'mls',
      specialty: 'medical laboratory scientist',
      stage: 'accepted',
      stageDate: '2026-11-23',
      siteState: 'CA',
      visaRoute: 'tn',
      countryOfTraining: 'Canada',
      currentStatus: 'abroad',
      bachelorsDegree: true,
      visaScreen: false,
      licenceStatus: 'not-applied',
    });
    const action = nextAction(tech, a, '2026-11-23');
    expect(action.action).not.toMatch(/TN/);
    expect(action.action).toMatch(/^Obtain the CGFNS VisaScreen certificate/);
    // Licence (120 days from today) then admission at the border (7 days).
    expect(new Set(run('2026-11-23', [tech], a).dates())).toEqual(new Set([formatIsoDate((parseIsoDate('2026-11-23') as number) + 127)]));
    // Once licensed and certified, the admission is what is left.
    const ready = { ...tech, licenceStatus: 'licensed', visaScreen: true };
    expect(nextAction(ready, a, '2026-11-23').action).toMatch(
      /^Apply for TN admission at the border once licensed and with the VisaScreen certificate/,
    );
  });
});

describe('hypothetical new candidates are priced on their route', () => {
  it('a new candidate on a visa route is the route’s usual hire — trained abroad, certified, licence to get — not a US graduate', () => {
    const t = target({ dueQuarter: '2027-Q4' });
    const onVisa = newCandidateFor(t, { stage: 'offer', visaRoute: 'h1b-cap-subject' }, '2026-11-23', []);
    expect(trainedAbroad(onVisa)).toBe(true);
    expect(onVisa).toMatchObject({ ecfmgCertified: true, licenceStatus: 'not-applied', trainingStatus: 'completed' });
    // So the petition waits for the licence (R10): the lottery's June 30 must be met with it.
    expect(planCandidate(onVisa, DEFAULT_ASSUMPTIONS, { now: '2026-11-23' }).licenceGate).toBe(21);
    const citizen = newCandidateFor(t, { stage: 'offer', visaRoute: 'us-authorized' }, '2026-11-23', []);
    expect(trainedAbroad(citizen)).toBe(false);
    const { result } = run('2026-11-23', [], DEFAULT_ASSUMPTIONS, {
      targets: [t],
      newCandidateScenarios: [{ stage: 'offer', visaRoute: 'h1b-cap-subject' }],
    });
    expect(result.targets[0].newCandidatesNeeded[0].profile).toMatch(/^trained abroad, ECFMG-certified, US residency completed/);
  });
});

describe('the H-1B six-year maximum (INA §214(g)(4), R12)', () => {
  const transfer = (used: number) =>
    makeCandidate({ stage: 'licensure', stageDate: '2026-11-23', visaRoute: 'h1b-transfer', currentStatus: 'h1b', h1bYearsUsed: used });

  it('no start on an H-1B after the six years run out, counting the time until the start', () => {
    // 5.5 years used: half a year (2027-05-24) is left; a licence of 120 days makes it, one of 200 does not.
    const inTime = run('2026-11-23', [transfer(5.5)], instant({ ...fixed('physicianLicenceDays', 120) }));
    expect(new Set(inTime.dates())).toEqual(new Set(['2027-03-23']));
    expect(inTime.result.candidates[0].flags.join(' ')).toMatch(/H-1B time runs out 2027-05-24/);
    const tooLate = run('2026-11-23', [transfer(5.5)], instant({ ...fixed('physicianLicenceDays', 200) })).dates();
    expect(new Set(tooLate)).toEqual(new Set(['never']));
  });

  it('six years used: the route is closed, and the next action says why and what resets it', () => {
    const action = nextAction(transfer(6), DEFAULT_ASSUMPTIONS, '2026-11-23');
    expect(action.standing).toBe('blocked');
    expect(action.action).toMatch(
      /^Choose another site or route: The H-1B six-year maximum is used up \(6 years recorded\): a year spent outside the US/,
    );
    // J-1 time does not count: a J-1 physician on a waiver with no H-1B time recorded is not limited.
    expect(
      nextAction(makeCandidate({ visaRoute: 'j1-conrad30', siteState: 'OH', currentStatus: 'j1' }), DEFAULT_ASSUMPTIONS, '2026-11-23')
        .standing,
    ).not.toBe('blocked');
  });
});

describe('the $100,000 fee, bound to filing date and location', () => {
  // Selected for FY2028 in March 2027: the petition is filed from April 1, 2027.
  const selectedAbroad = makeCandidate({
    stage: 'accepted',
    stageDate: '2027-03-01',
    visaRoute: 'h1b-cap-subject',
    visaStatus: 'selected',
    visaStatusDate: '2027-03-28',
    currentStatus: 'abroad',
  });
  const never = (assumptions: Assumptions, candidate = selectedAbroad) =>
    run('2027-04-01', [candidate], assumptions, { targets: [target({ dueQuarter: '2027-Q4' })] }).result;

  it('an employer that will not pay loses a hire from abroad whose petition is filed while the fee applies', () => {
    const result = never(instant({ h1bFeeScenario: 'continues', h1bFeePayProbability: 0 }));
    expect(result.targets[0].probabilityMet).toBe(0);
    expect(result.targets[0].probabilityMetCounterfactual).toBe(1); // without the fee
    expect(result.fee).toMatchObject({ scenario: 'continues', counterfactual: 'not-applied' });
  });

  it('does not apply to a petition filed after its nominal end when it ended as written', () => {
    const result = never(instant({ h1bFeeScenario: 'as-written', h1bFeePayProbability: 0 }));
    expect(result.targets[0].probabilityMet).toBe(1);
  });

  it('does not apply to a change of status inside the US', () => {
    const inUs = { ...selectedAbroad, currentStatus: 'f1' as const };
    expect(never(instant({ h1bFeeScenario: 'continues', h1bFeePayProbability: 0 }), inUs).targets[0].probabilityMet).toBe(1);
  });

  it('is paid in full when the employer pays, and compared with the fee when it is switched off', () => {
    const paid = never(instant({ h1bFeeScenario: 'continues', h1bFeePayProbability: 1 }));
    expect(paid.targets[0].probabilityMet).toBe(1);
    expect(paid.costPerHireByRoute[0].costPerHireUsd).toBe(460 + 1500 + 500 + 2965 + 100_000);
    const off = never(instant({ h1bFeeScenario: 'not-applied', h1bFeePayProbability: 0 }));
    expect([off.targets[0].probabilityMet, off.targets[0].probabilityMetCounterfactual]).toEqual([1, 0]);
    expect(off.fee.counterfactual).toBe('continues');
  });

  it('spares cap-exempt employers when the disputed reading is switched off', () => {
    const capExempt = makeCandidate({ stage: 'accepted', visaRoute: 'h1b-cap-exempt', currentStatus: 'abroad' });
    const hit = run('2027-04-01', [capExempt], instant({ h1bFeeScenario: 'continues', h1bFeePayProbability: 0 })).dates();
    const spared = run(
      '2027-04-01',
      [capExempt],
      instant({ h1bFeeScenario: 'continues', h1bFeePayProbability: 0, h1bFeeAppliesToCapExempt: false }),
    ).dates();
    expect(new Set(hit)).toEqual(new Set(['never']));
    // A physician's petition is filed once licensed and decided in 15 business days (21 calendar days; R10, S15).
    expect(new Set(spared)).toEqual(new Set(['2027-04-22']));
  });
});

describe('per-candidate forecast', () => {
  it('gives the current step, arrival months, P(by each matched target’s due date) and what delays them most', () => {
    // A fellow in credentialing since September, the cap-exempt H-1B approved, free from June 30.
    const resident = makeCandidate({
      id: 'R1',
      stage: 'credentialing',
      stageDate: '2026-09-01',
      currentStatus: 'f1',
      trainingStatus: 'in-training',
      availableFrom: '2027-06-30',
      visaRoute: 'h1b-cap-exempt',
      visaStatus: 'approved',
      visaStatusDate: '2026-11-01',
    });
    const { result } = run('2026-11-23', [resident], DEFAULT_ASSUMPTIONS, {
      targets: [target({ id: 'q2', dueQuarter: '2027-Q2' }), target({ id: 'q4', dueQuarter: '2027-Q4' })],
    });
    const c = result.candidates[0];
    expect(c.candidateId).toBe('R1');
    expect(c.currentStep).toBe('Credentialing since 2026-09-01; petition approved 2026-11-01');
    // Free from June 30: credentialing (60–180 days from September) and the approved petition are done before.
    expect(c.arrivalMedian).toBe('2027-06');
    expect(c.delayedMostBy).toMatchObject({ track: 'availability', label: 'not free before 2027-06-30' });
    expect(c.byTarget.map((t) => [t.targetId, t.dueDate])).toEqual([
      ['q2', '2027-06-30'],
      ['q4', '2027-12-31'],
    ]);
    // Arrivals on June 30 count for a target due that day; only withdrawals (2% credentialing, 5% visa) miss.
    expect(c.byTarget[0].probability).toBeCloseTo(0.98 * 0.95, 1);
    expect(c.byTarget[1].probability).toBe(c.byTarget[0].probability);
    expect(c.detailed).toBe(true);
  });
});

describe('the importer holds records to the rules', () => {
  const header = PIPELINE_TEMPLATE_COLUMNS.join(',');
  const line = (cells: Record<string, string>) => PIPELINE_TEMPLATE_COLUMNS.map((column) => cells[column] ?? '').join(',');
  const base = {
    candidate_id: 'X',
    profession: 'physician',
    specialty: 'internal medicine',
    stage: 'offer',
    stage_date: '2026-11-01',
    site_state: 'TX',
  };

  it('refuses a J-1 physician on a route the two-year home-residency rule bars, naming line and column', () => {
    const result = parsePipelineCsv(
      [header, line({ ...base, visa_route: 'h1b-cap-exempt', current_status: 'J-1 physician' })].join('\n'),
      'p.csv',
    );
    expect(result.candidates).toEqual([]);
    expect(result.errors[0]).toMatchObject({ line: 2, column: 'visa_route', value: 'h1b-cap-exempt' });
    expect(result.errors[0].message).toMatch(/two-year home-residency rule \(INA §212\(e\)\)/);
  });

  it('refuses a TN for a physician in clinical practice and a lottery status on a waiver route', () => {
    const result = parsePipelineCsv(
      [
        header,
        line({ ...base, visa_route: 'tn' }),
        line({
          ...base,
          candidate_id: 'Y',
          visa_route: 'j1-conrad30',
          visa_status: 'selected',
          visa_status_date: '2026-03-28',
          current_status: 'j1',
        }),
        line({ ...base, candidate_id: 'Z', visa_route: 'h1b-cap-subject', visa_status: 'registered' }),
      ].join('\n'),
      'p.csv',
      { today: '2026-11-23' },
    );
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'visa_route'],
      [3, 'visa_status'],
      [4, 'visa_status_date'],
    ]);
  });

  it('keeps a resident without available_from, and says what to check', () => {
    const result = parsePipelineCsv(
      [header, line({ ...base, visa_route: 'j1-conrad30', current_status: 'j1', training_status: 'resident' })].join('\n'),
      'p.csv',
    );
    expect(result.candidates).toHaveLength(1);
    expect(result.warnings).toEqual([expect.objectContaining({ line: 2, column: 'available_from' })]);
  });
});
