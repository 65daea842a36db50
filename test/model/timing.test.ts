import { makeCandidate } from '../helpers/candidate';
import { describe, it, expect } from 'vitest';
import {
  ASSUMPTION_FIELDS,
  ASSUMPTION_META,
  DEFAULT_ASSUMPTIONS,
  validateAssumptions,
  type Assumptions,
} from '../../src/model/timing/assumptions';
import { dayOf, fiscalYearOf, fiscalYearStart, formatIsoDate, parseIsoDate, quarterEndDay } from '../../src/model/timing/calendar';
import { routeFees } from '../../src/model/timing/fees';
import { nextRegistrationWindow, registrationWindow } from '../../src/model/timing/h1b-calendar';
import { nextAction } from '../../src/model/timing/next-action';
import { planCandidate, selectionProbability } from '../../src/model/timing/routes';
import { SOURCES } from '../../src/model/timing/sources';
import type { Candidate } from '../../src/model/types';

const NOW = '2026-11-23';

const candidate = (overrides: Partial<Candidate> = {}): Candidate =>
  makeCandidate({ stageDate: NOW, languages: ['en'], gender: 'female', ...overrides });

function withField(field: string, value: unknown): Record<string, unknown> {
  return { ...DEFAULT_ASSUMPTIONS, [field]: value };
}

function errorsOf(input: unknown): string[] {
  const result = validateAssumptions(input);
  return result.ok ? [] : result.errors;
}

describe('default assumptions', () => {
  it('match the sourced defaults in shared/domain.md', () => {
    const a = DEFAULT_ASSUMPTIONS;
    expect(a.h1bSelectionProbability).toBe(0.3);
    expect([1, 2, 3, 4].map((level) => a[`h1bSelectionProbabilityLevel${level as 1 | 2 | 3 | 4}`])).toEqual([0.15, 0.31, 0.45, 0.61]);
    expect([a.h1bRegistrationOpens, a.h1bRegistrationCloses]).toEqual(['2026-03-04', '2026-03-19']);
    expect([a.h1bCapExemptOfferToStartMonthsMin, a.h1bCapExemptOfferToStartMonthsMode, a.h1bCapExemptOfferToStartMonthsMax]).toEqual([
      1.5, 3, 6,
    ]);
    expect([a.conrad30SlotsPerState, a.conrad30StartWithinDays, a.waiverServiceYears]).toEqual([30, 90, 3]);
    expect([a.conrad30FilingToStartMonthsMin, a.conrad30FilingToStartMonthsMode, a.conrad30FilingToStartMonthsMax]).toEqual([4, 6, 9]);
    expect([a.physicianLicenceDaysMin, a.physicianLicenceDaysMode, a.physicianLicenceDaysMax]).toEqual([60, 90, 365]);
    expect([a.credentialingDaysMin, a.credentialingDaysMode, a.credentialingDaysMax]).toEqual([60, 120, 180]);
    expect(a.mlsLicenceDaysMode).toBe(120);
    expect(a.mlsLicensureStates.split(',').sort()).toEqual(['CA', 'FL', 'HI', 'LA', 'MT', 'ND', 'NV', 'NY', 'PR', 'TN', 'WV']);
    expect([a.h1bRegistrationFee, a.premiumProcessingFee, a.h1bFeeAmount, a.h1bFeeScenario]).toEqual([215, 2965, 100_000, 'in-force']);
  });

  it('pass their own validation', () => {
    expect(validateAssumptions(DEFAULT_ASSUMPTIONS)).toEqual({ ok: true, value: DEFAULT_ASSUMPTIONS });
  });

  it('carry metadata for every field: a known source for each S-ref, a source for every confirmed value, defaults in range', () => {
    expect(Object.keys(ASSUMPTION_META).sort()).toEqual([...ASSUMPTION_FIELDS].sort());
    for (const field of ASSUMPTION_FIELDS) {
      const meta = ASSUMPTION_META[field];
      for (const ref of meta.sources) expect(SOURCES[ref], `${field} cites ${ref}`).toBeTruthy();
      if (meta.confidence === 'confirmed') expect(meta.sources.length, field).toBeGreaterThan(0);
      expect(meta.label.length, field).toBeGreaterThan(0);
      if (meta.kind === 'number') {
        const value = DEFAULT_ASSUMPTIONS[field] as number;
        expect(value, field).toBeGreaterThanOrEqual(meta.min);
        expect(value, field).toBeLessThanOrEqual(meta.max);
      }
    }
  });

  it('mark the disputed and unsourced figures as assumptions', () => {
    expect(ASSUMPTION_META.h1bSelectionProbabilityLevel1.confidence).toBe('assumption');
    expect(ASSUMPTION_META.credentialingDaysMode.confidence).toBe('assumption');
    expect(ASSUMPTION_META.h1bFeeAppliesToCapExempt.confidence).toBe('assumption');
    expect(ASSUMPTION_META.withdrawalVisa.confidence).toBe('assumption');
    expect(ASSUMPTION_META.h1bRegistrationFee.confidence).toBe('confirmed');
    expect(ASSUMPTION_META.conrad30SlotsPerState.confidence).toBe('confirmed');
  });
});

describe('validateAssumptions rejects hostile input', () => {
  it.each([null, undefined, 'assumptions', 42, [], [DEFAULT_ASSUMPTIONS]])('rejects a non-object: %j', (input) => {
    expect(validateAssumptions(input).ok).toBe(false);
  });

  it.each([
    ['h1bSelectionProbability', '0.3', 'expected a number'],
    ['h1bSelectionProbability', NaN, 'finite'],
    ['h1bSelectionProbability', Infinity, 'finite'],
    ['h1bSelectionProbability', -Infinity, 'finite'],
    ['h1bSelectionProbability', 1.01, 'outside'],
    ['withdrawalOffer', -0.1, 'outside'],
    ['physicianLicenceDaysMin', -5, 'outside'],
    ['h1bFeeAmount', -100_000, 'outside'],
    ['conrad30SlotsPerState', 31, 'outside'],
    ['conrad30SlotsPerState', 12.5, 'whole number'],
    ['h1bMaxLotteries', 0, 'outside'],
    ['usePremiumProcessing', 'true', 'true or false'],
    ['usePremiumProcessing', 1, 'true or false'],
    ['h1bFeeScenario', 'maybe', 'one of'],
    ['h1bSelectionModel', null, 'one of'],
    ['h1bRegistrationOpens', '2026-02-30', 'YYYY-MM-DD'],
    ['h1bRegistrationOpens', '04/03/2026', 'YYYY-MM-DD'],
    ['mlsLicensureStates', 'CA;NY', 'two-letter'],
    ['mlsLicensureStates', ['CA'], 'comma-separated'],
    ['stageDaysOffer', { valueOf: (): number => 3 }, 'expected a number'],
  ])('%s = %j → error naming the field', (field, value, message) => {
    const errors = errorsOf(withField(field, value));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(field);
    expect(errors[0]).toContain(message);
  });

  it('reports a missing field', () => {
    const partial: Record<string, unknown> = { ...DEFAULT_ASSUMPTIONS };
    delete partial.conrad30SlotsPerState;
    expect(errorsOf(partial)).toEqual(['conrad30SlotsPerState: missing']);
  });

  it('reports unknown fields, including __proto__, without polluting prototypes', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(DEFAULT_ASSUMPTIONS).slice(1)}`);
    const errors = errorsOf(hostile);
    expect(errors).toEqual(['__proto__: unknown field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorsOf(withField('extra', 1))).toEqual(['extra: unknown field']);
  });

  it('lists every bad field at once', () => {
    const errors = errorsOf({ ...DEFAULT_ASSUMPTIONS, h1bSelectionProbability: 2, withdrawalVisa: NaN, tnDaysMode: 'soon' });
    expect(errors.map((error) => error.split(':')[0]).sort()).toEqual(['h1bSelectionProbability', 'tnDaysMode', 'withdrawalVisa']);
  });

  it('rejects min > mode or mode > max in a duration triple', () => {
    const errors = errorsOf({ ...DEFAULT_ASSUMPTIONS, credentialingDaysMin: 200 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('credentialingDaysMin/Mode/Max');
  });

  it('rejects a registration window that is reversed, spans years or runs into April', () => {
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, h1bRegistrationCloses: '2026-03-01' })[0]).toContain('h1bRegistrationCloses');
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, h1bRegistrationCloses: '2027-03-19' })[0]).toContain('h1bRegistrationCloses');
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, h1bRegistrationCloses: '2026-04-02' })[0]).toContain('April');
  });

  it('returns only the known fields, as a fresh object', () => {
    const result = validateAssumptions({ ...DEFAULT_ASSUMPTIONS });
    expect(result.ok && Object.keys(result.value).length).toBe(ASSUMPTION_FIELDS.length);
  });
});

describe('calendar', () => {
  it('parses real ISO dates only', () => {
    expect(formatIsoDate(parseIsoDate('2028-02-29') as number)).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '', '2026-11-23T00:00:00Z']) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });

  it('ends quarters on their last day and rejects malformed labels', () => {
    expect(formatIsoDate(quarterEndDay('2027-Q4') as number)).toBe('2027-12-31');
    expect(formatIsoDate(quarterEndDay('2027-Q1') as number)).toBe('2027-03-31');
    expect(formatIsoDate(quarterEndDay('2028-Q2') as number)).toBe('2028-06-30');
    expect(quarterEndDay('2027-Q5')).toBeNull();
    expect(quarterEndDay('Q4 2027')).toBeNull();
  });

  it('starts federal fiscal years on Oct 1', () => {
    expect(fiscalYearOf(dayOf(2026, 9, 30))).toBe(2026);
    expect(fiscalYearOf(dayOf(2026, 10, 1))).toBe(2027);
    expect(formatIsoDate(fiscalYearStart(2027))).toBe('2026-10-01');
  });

  it('projects the confirmed H-1B window to other years, flagged as not confirmed', () => {
    const confirmed = registrationWindow(2026, DEFAULT_ASSUMPTIONS);
    expect([formatIsoDate(confirmed.opens), formatIsoDate(confirmed.closes), confirmed.confirmed]).toEqual([
      '2026-03-04',
      '2026-03-19',
      true,
    ]);
    const projected = nextRegistrationWindow(dayOf(2026, 3, 20), DEFAULT_ASSUMPTIONS);
    expect([formatIsoDate(projected.opens), formatIsoDate(projected.closes), projected.confirmed]).toEqual([
      '2027-03-04',
      '2027-03-19',
      false,
    ]);
    expect(nextRegistrationWindow(dayOf(2026, 3, 19), DEFAULT_ASSUMPTIONS).year).toBe(2026);
  });
});

describe('candidate plans', () => {
  it('a US-authorized physician in licensure has licence then credentialing left, and no visa step', () => {
    const plan = planCandidate(candidate({ stage: 'licensure' }), DEFAULT_ASSUMPTIONS);
    expect(plan.status).toBe('active');
    expect(plan.recruitment).toEqual([]);
    expect(plan.licensing.map((step) => step.id)).toEqual(['medical-licence', 'credentialing']);
    expect(plan.licensing[0].days).toEqual({ minDays: 60, modeDays: 90, maxDays: 365 });
    expect(plan.licensing[0].successProbability).toBeCloseTo(0.97);
    expect(plan.visa).toEqual({ kind: 'none' });
  });

  it('keeps every recruitment stage from the current one, in order', () => {
    const plan = planCandidate(candidate({ stage: 'interview' }), DEFAULT_ASSUMPTIONS);
    expect(plan.recruitment.map((step) => step.stage)).toEqual(['interview', 'offer', 'accepted']);
    expect(plan.recruitment[0].days).toEqual({ minDays: 15, modeDays: 30, maxDays: 60 });
    expect(plan.licensing).toHaveLength(2);
  });

  it('licenses lab scientists only in licensing states, and never credentials them', () => {
    const california = planCandidate(
      candidate({ profession: 'mls', specialty: 'medical laboratory', siteState: 'CA' }),
      DEFAULT_ASSUMPTIONS,
    );
    expect(california.licensing.map((step) => [step.id, step.days.modeDays])).toEqual([['mls-licence', 120]]);
    const texas = planCandidate(candidate({ profession: 'mls', specialty: 'medical laboratory', siteState: 'TX' }), DEFAULT_ASSUMPTIONS);
    expect(texas.licensing).toEqual([]);
  });

  it('sends cap-subject candidates to the lottery with the flat or wage-level odds', () => {
    const plan = planCandidate(candidate({ visaRoute: 'h1b-cap-subject' }), DEFAULT_ASSUMPTIONS);
    expect(plan.visa).toMatchObject({ kind: 'h1b-lottery', selectionProbability: 0.3, maxLotteries: 3, petitionDays: 21 });
    const wageLevel: Assumptions = {
      ...DEFAULT_ASSUMPTIONS,
      h1bSelectionModel: 'wage-level',
      h1bWageLevelPhysician: 4,
      h1bWageLevelMls: 1,
    };
    expect(selectionProbability('physician', wageLevel)).toBe(0.61);
    expect(selectionProbability('mls', wageLevel)).toBe(0.15);
  });

  it('adds the standard-processing delay to cap-exempt petitions without premium processing', () => {
    const premium = planCandidate(candidate({ visaRoute: 'h1b-cap-exempt' }), DEFAULT_ASSUMPTIONS);
    const standard = planCandidate(candidate({ visaRoute: 'h1b-cap-exempt' }), { ...DEFAULT_ASSUMPTIONS, usePremiumProcessing: false });
    if (premium.visa.kind !== 'petition' || standard.visa.kind !== 'petition') throw new Error('expected petitions');
    expect(premium.visa.step.days.modeDays).toBeCloseTo(3 * 30.4375);
    expect(standard.visa.step.days.modeDays - premium.visa.step.days.modeDays).toBeCloseTo(120 - 21);
  });

  it('gives Conrad 30 candidates their state, its slots and the 90-day start rule', () => {
    const plan = planCandidate(candidate({ visaRoute: 'j1-conrad30', siteState: 'OH' }), DEFAULT_ASSUMPTIONS);
    expect(plan.visa).toMatchObject({ kind: 'conrad30', state: 'OH', slotsPerFiscalYear: 30, startWithinDays: 90 });
  });

  it('plans nothing for arrived and withdrawn candidates', () => {
    expect(planCandidate(candidate({ stage: 'arrived' }), DEFAULT_ASSUMPTIONS).status).toBe('arrived');
    expect(planCandidate(candidate({ stage: 'withdrawn', visaRoute: 'h1b-cap-subject' }), DEFAULT_ASSUMPTIONS)).toMatchObject({
      status: 'withdrawn',
      visa: { kind: 'none' },
    });
  });
});

describe('next action', () => {
  it('asks to register a cap-subject candidate in the next March window, projected beyond FY2027', () => {
    const action = nextAction(candidate({ visaRoute: 'h1b-cap-subject' }), DEFAULT_ASSUMPTIONS, '2026-11-23');
    expect(action).toMatchObject({ date: '2027-03-19', dateKind: 'deadline', confidence: 'assumption' });
    expect(action.action).toBe('Register for the H-1B lottery between 2027-03-04 and 2027-03-19 (earliest start 2027-10-01)');
  });

  it('uses the confirmed FY2027 window while it is open', () => {
    const action = nextAction(candidate({ visaRoute: 'h1b-cap-subject', stage: 'offer' }), DEFAULT_ASSUMPTIONS, '2026-03-10');
    expect(action).toMatchObject({ date: '2026-03-19', dateKind: 'deadline', confidence: 'confirmed' });
    expect(action.action).toContain('by 2026-03-19');
    expect(action.action).toContain('needs an accepted offer');
  });

  it("points Conrad 30 candidates at the state's next fiscal-year window", () => {
    const action = nextAction(candidate({ visaRoute: 'j1-conrad30', siteState: 'TX' }), DEFAULT_ASSUMPTIONS, '2026-11-23');
    expect(action).toMatchObject({ date: '2027-10-01', dateKind: 'opens' });
    expect(action.action).toContain('with TX when its FY2028 window opens (2027-10-01), or now if TX still has FY2027 slots');
    const onOpening = nextAction(candidate({ visaRoute: 'j1-conrad30' }), DEFAULT_ASSUMPTIONS, '2026-10-01');
    expect(onOpening.date).toBe('2026-10-01');
  });

  it('reminds a Conrad 30 candidate in the visa stage of the 90-day start and the service obligation', () => {
    const action = nextAction(candidate({ visaRoute: 'j1-conrad30', stage: 'visa', stageDate: '2026-11-01' }), DEFAULT_ASSUMPTIONS, NOW);
    expect(action.action).toContain('within 90 days');
    expect(action.action).toContain('3 years');
    expect(action.date).toBe(formatIsoDate((parseIsoDate('2026-11-01') as number) + 6 * 30.4375));
  });

  it('otherwise names the current step and when it should finish', () => {
    const licence = nextAction(candidate({ stage: 'licensure', stageDate: '2026-11-01' }), DEFAULT_ASSUMPTIONS, NOW);
    expect(licence).toMatchObject({ action: 'Obtain the TX medical licence', date: '2027-01-30', dateKind: 'expected' });
    const petition = nextAction(candidate({ stage: 'visa', visaRoute: 'h1b-cap-exempt' }), DEFAULT_ASSUMPTIONS, NOW);
    expect(petition.action).toBe('File the H-1B cap-exempt petition');
    const accepted = nextAction(candidate({ stage: 'accepted', visaRoute: 'o1' }), DEFAULT_ASSUMPTIONS, NOW);
    expect(accepted.action).toBe('Start licensure and the O-1 petition');
  });

  it('has nothing to do for arrived or withdrawn candidates, and rejects a bad date', () => {
    expect(nextAction(candidate({ stage: 'withdrawn' }), DEFAULT_ASSUMPTIONS, NOW)).toMatchObject({ date: null, dateKind: null });
    expect(nextAction(candidate({ stage: 'arrived' }), DEFAULT_ASSUMPTIONS, NOW).action).toContain('arrived');
    expect(() => nextAction(candidate(), DEFAULT_ASSUMPTIONS, '23/11/2026')).toThrow('now');
  });
});

describe('fees by route', () => {
  it('charges cap-subject registrations per lottery and the $100,000 fee weighted by the share hired from abroad', () => {
    const fees = routeFees('h1b-cap-subject', DEFAULT_ASSUMPTIONS);
    expect(fees).toMatchObject({ known: true, perLotteryEntry: 215, perPetition: 2965 + 50_000 });
    expect(fees.items.map((item) => item.label)).toContain('$100,000 fee × 50% hired from abroad');
  });

  it('drops the $100,000 fee when not applied, for transfers and J-1 changes of status, and for cap-exempt when switched off', () => {
    expect(routeFees('h1b-cap-subject', { ...DEFAULT_ASSUMPTIONS, h1bFeeScenario: 'not-applied' }).perPetition).toBe(2965);
    expect(routeFees('h1b-transfer', DEFAULT_ASSUMPTIONS).perPetition).toBe(2965);
    expect(routeFees('j1-conrad30', DEFAULT_ASSUMPTIONS).perPetition).toBe(2965);
    expect(routeFees('h1b-cap-exempt', DEFAULT_ASSUMPTIONS).perPetition).toBe(52_965);
    expect(routeFees('h1b-cap-exempt', { ...DEFAULT_ASSUMPTIONS, h1bFeeAppliesToCapExempt: false }).perPetition).toBe(2965);
  });

  it('knows US-authorized hires cost no visa fees and has no figures for TN', () => {
    expect(routeFees('us-authorized', DEFAULT_ASSUMPTIONS)).toMatchObject({ known: true, perLotteryEntry: 0, perPetition: 0 });
    expect(routeFees('tn', DEFAULT_ASSUMPTIONS).known).toBe(false);
    expect(routeFees('o1', { ...DEFAULT_ASSUMPTIONS, usePremiumProcessing: false }).perPetition).toBe(0);
  });
});
