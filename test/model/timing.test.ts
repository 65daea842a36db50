import fs from 'node:fs';
import path from 'node:path';
import { makeCandidate } from '../helpers/candidate';
import { describe, it, expect } from 'vitest';
import {
  ASSUMPTION_FIELDS,
  ASSUMPTION_META,
  DEFAULT_ASSUMPTIONS,
  basisOf,
  validateAssumptions,
  type Assumptions,
  type AssumptionMeta,
} from '../../src/model/timing/assumptions';
import { dayOf, fiscalYearOf, fiscalYearStart, formatIsoDate, parseIsoDate, quarterEndDay } from '../../src/model/calendar';
import { routeFees } from '../../src/model/timing/fees';
import { nextRegistrationWindow, registrationWindow } from '../../src/model/timing/h1b-calendar';
import { planCandidate, selectionProbability } from '../../src/model/timing/routes';
import { SOURCES } from '../../src/model/timing/sources';
import type { Candidate } from '../../src/model/types';

const NOW = '2026-11-23';
const candidate = (overrides: Partial<Candidate> = {}): Candidate =>
  makeCandidate({ stageDate: NOW, languages: ['en'], gender: 'female', ...overrides });
const plan = (overrides: Partial<Candidate> = {}, assumptions: Assumptions = DEFAULT_ASSUMPTIONS) =>
  planCandidate(candidate(overrides), assumptions, { now: NOW });

function withField(field: string, value: unknown): Record<string, unknown> {
  return { ...DEFAULT_ASSUMPTIONS, [field]: value };
}

function errorsOf(input: unknown): string[] {
  const result = validateAssumptions(input);
  return result.ok ? [] : result.errors;
}

// The defaults' one source of truth is shared/domain.md: a copy is committed (taken 2026-12-07, when it
// gave DHS's per-level odds and the H-1B physician and ACWIA entries), and the current file is read too
// when ../shared is beside the project, so a changed source shows.
const DOMAIN_FILES = [
  path.resolve(import.meta.dirname, '../fixtures/domain-md.md'),
  path.resolve(import.meta.dirname, '../../../shared/domain.md'),
].filter((file) => fs.existsSync(file));
const squash = (text: string) => text.replace(/\s+/g, ' ');

/** The numbers a quote states, read the way a person would: "$100,000" is 100000, "30%" also reads as 0.3. */
function numbersIn(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(/\d[\d,]*(?:\.\d+)?(%?)/g)) {
    const value = Number(match[0].replace(/[,%]/g, ''));
    numbers.push(value);
    if (match[1] === '%') numbers.push(value / 100);
  }
  return numbers;
}

/** Ways the default can be written in its source: in its unit, in years for month figures, or day and year for dates. */
function writtenForms(meta: AssumptionMeta): number[][] {
  if (meta.kind === 'date') {
    const day = parseIsoDate(meta.default) as number;
    return [[Number(formatIsoDate(day).slice(8)), Number(formatIsoDate(day).slice(0, 4))]];
  }
  if (meta.kind !== 'number') return [];
  const value = meta.default;
  return [[value], ...(meta.unit === 'months' ? [[value / 12]] : [])];
}

describe('default assumptions, checked against their sources', () => {
  it('quote shared/domain.md verbatim, and each quote states the default', () => {
    expect(DOMAIN_FILES.length).toBeGreaterThan(0);
    const documents = DOMAIN_FILES.map((file) => squash(fs.readFileSync(file, 'utf8')));
    const quoted = ASSUMPTION_FIELDS.filter((field) => ASSUMPTION_META[field].quote !== undefined);
    expect(quoted.length).toBeGreaterThan(20);
    for (const field of quoted) {
      const meta: AssumptionMeta = ASSUMPTION_META[field];
      const quote = squash(meta.quote as string);
      for (const document of documents) expect(document.includes(quote), `${field}: “${quote}” not in domain.md`).toBe(true);
      const stated = numbersIn(quote);
      const forms = writtenForms(meta);
      if (forms.length > 0) {
        const found = forms.some((form) => form.every((value) => stated.some((n) => Math.abs(n - value) < 1e-9)));
        expect(found, `${field}: default ${String(meta.default)} is not what “${quote}” says`).toBe(true);
      }
    }
  });

  it('call a value confirmed only with a source, and cite only listed sources', () => {
    for (const field of ASSUMPTION_FIELDS) {
      const meta: AssumptionMeta = ASSUMPTION_META[field];
      for (const ref of meta.sources) expect(SOURCES[ref], `${field} cites ${ref}`).toBeTruthy();
      if (meta.confidence === 'confirmed') {
        expect(meta.sources.length, field).toBeGreaterThan(0);
        // A confirmed S-number figure quotes domain.md; an R-number one names the primary text in its note.
        if (meta.sources.every((ref) => ref.startsWith('S'))) expect(meta.quote, `${field} is confirmed without a quote`).toBeDefined();
      } else {
        expect(meta.note.length, `${field}: an assumption says why`).toBeGreaterThan(10);
      }
      expect(meta.label.length, field).toBeGreaterThan(0);
    }
  });

  it('mark the figures the issue found overstated as assumptions, and keep statute and calendar confirmed', () => {
    // California-only licence times, an unsourced wage level, a disputed fee rule and an open-ended fee.
    for (const field of ['physicianLicenceDaysMin', 'physicianLicenceDaysMode', 'h1bWageLevelPhysician', 'h1bFeeScenario'] as const) {
      expect(ASSUMPTION_META[field].confidence, field).toBe('assumption');
    }
    for (const field of ['conrad30SlotsPerState', 'conrad30FlexSlotsPerState', 'waiverServiceYears', 'h1bRegistrationOpens'] as const) {
      expect(ASSUMPTION_META[field].confidence, field).toBe('confirmed');
    }
  });

  it('expect a small share of a state’s Conrad 30 slots for one employer, well below the 30', () => {
    expect(DEFAULT_ASSUMPTIONS.conrad30EmployerSlots).toBeLessThan(DEFAULT_ASSUMPTIONS.conrad30SlotsPerState / 3);
    expect(ASSUMPTION_META.conrad30EmployerSlots.sources).toEqual(['S18', 'S21']);
  });

  it('use wage-weighted selection, the rule from the FY2027 lottery on (S7)', () => {
    expect(DEFAULT_ASSUMPTIONS.h1bSelectionModel).toBe('wage-level');
  });

  it('pass their own validation', () => {
    expect(validateAssumptions(DEFAULT_ASSUMPTIONS)).toEqual({ ok: true, value: DEFAULT_ASSUMPTIONS });
  });

  it('mark an edited value as the user’s, whatever the default’s basis', () => {
    expect(basisOf('conrad30SlotsPerState', 30)).toBe('confirmed');
    expect(basisOf('conrad30SlotsPerState', 25)).toBe('your value');
    expect(basisOf('credentialingDaysMode', 120)).toBe('assumption');
    expect(basisOf('credentialingDaysMode', 90)).toBe('your value');
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
    ['h1bSelectionProbability', 1.01, 'outside'],
    ['withdrawalOffer', -0.1, 'outside'],
    ['physicianLicenceDaysMin', -5, 'outside'],
    ['h1bFeeAmount', -100_000, 'outside'],
    ['conrad30SlotsPerState', 31, 'outside'],
    ['conrad30SlotsPerState', 12.5, 'whole number'],
    ['h1bMaxLotteries', 0, 'outside'],
    ['usePremiumProcessing', 'true', 'true or false'],
    ['h1bFeeScenario', 'in-force', 'one of'],
    ['h1bSelectionModel', null, 'one of'],
    ['h1bRegistrationOpens', '2026-02-30', 'YYYY-MM-DD'],
    ['h1bFeeEffective', '21/09/2025', 'YYYY-MM-DD'],
    ['mlsLicensureStates', 'CA;NY', 'two-letter'],
    ['stageDaysOffer', { valueOf: (): number => 3 }, 'expected a number'],
  ])('%s = %j → error naming the field', (field, value, message) => {
    const errors = errorsOf(withField(field, value));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(field);
    expect(errors[0]).toContain(message);
  });

  it('reports a missing field, unknown fields, and never pollutes prototypes', () => {
    const partial: Record<string, unknown> = { ...DEFAULT_ASSUMPTIONS };
    delete partial.conrad30SlotsPerState;
    expect(errorsOf(partial)).toEqual(['conrad30SlotsPerState: missing']);
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(DEFAULT_ASSUMPTIONS).slice(1)}`);
    expect(errorsOf(hostile)).toEqual(['__proto__: unknown field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects crossed fields: duration order, registration window, fee dates, slots beyond the statute', () => {
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, credentialingDaysMin: 200 })[0]).toContain('credentialingDaysMin/Mode/Max');
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, h1bRegistrationCloses: '2026-03-01' })[0]).toContain('h1bRegistrationCloses');
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, h1bRegistrationCloses: '2026-04-02' })[0]).toContain('April');
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, h1bFeeNominalEnd: '2025-01-01' })[0]).toContain('h1bFeeNominalEnd');
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, conrad30FlexSlotsPerState: 20, conrad30SlotsPerState: 15 })[0]).toContain('flex');
    expect(errorsOf({ ...DEFAULT_ASSUMPTIONS, conrad30EmployerFlexSlots: 6 })[0]).toContain('conrad30EmployerFlexSlots');
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
    expect(quarterEndDay('2027-Q5')).toBeNull();
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
  });
});

describe('candidate plans', () => {
  it('a US-authorized physician in licensure has licence then credentialing left, under way since the stage date', () => {
    const p = plan({ stage: 'licensure', stageDate: '2026-10-01' });
    expect(p.recruitment).toEqual([]);
    expect(p.licensing.steps.map((step) => step.id)).toEqual(['medical-licence', 'credentialing']);
    expect(p.licensing.startedOn).toBe('2026-10-01');
    expect(p.visa).toEqual({ kind: 'none' });
  });

  it('keeps every recruitment stage from the current one, in order', () => {
    const p = plan({ stage: 'interview' });
    expect(p.recruitment.map((step) => step.id)).toEqual(['stage-interview', 'stage-offer', 'stage-accepted']);
    expect(p.recruitment[0].days).toEqual({ minDays: 15, modeDays: 30, maxDays: 60 });
    expect(p.licensing.startedOn).toBeNull();
  });

  it('licenses lab staff only in licensing states, Rhode Island included, and never credentials them', () => {
    const mls = { profession: 'mls', specialty: 'medical laboratory scientist' } as const;
    expect(plan({ ...mls, siteState: 'CA' }).licensing.steps.map((step) => step.id)).toEqual(['mls-licence']);
    expect(plan({ ...mls, siteState: 'RI' }).licensing.steps.map((step) => step.id)).toEqual(['mls-licence']);
    expect(plan({ ...mls, siteState: 'TX' }).licensing.steps).toEqual([]);
    expect(plan({ ...mls, siteState: 'GA' }).licensing.steps).toEqual([]);
  });

  it('asks an uncertified IMG for ECFMG certification, and one without a US residency for the Match', () => {
    expect(plan({ ecfmgCertified: false }).training.ecfmg?.id).toBe('ecfmg');
    expect(plan({ ecfmgCertified: false, countryOfTraining: 'United States' }).training.ecfmg).toBeNull();
    expect(plan({ ecfmgCertified: true }).training.ecfmg).toBeNull();
    expect(plan({ trainingStatus: 'needs-residency' }).training.residency).toEqual({ matchProbability: 0.58, attempts: 2, years: 3 });
    // A licence cannot be under way before certification, whatever the stage says.
    expect(plan({ stage: 'licensure', ecfmgCertified: false }).licensing.startedOn).toBeNull();
  });

  it('needs a VisaScreen for medical technologists and technicians, not for cytotechnologists or US-authorized hires', () => {
    const lab = (specialty: string, extra: Partial<Candidate> = {}) =>
      plan({ profession: 'mls', specialty, visaRoute: 'h1b-cap-exempt', ...extra }).visaScreen?.id ?? null;
    expect(lab('medical laboratory scientist')).toBe('visascreen');
    expect(lab('medical laboratory technician')).toBe('visascreen');
    expect(lab('cytotechnologist')).toBeNull();
    expect(lab('medical laboratory scientist', { visaScreen: true })).toBeNull();
    expect(lab('medical laboratory scientist', { visaRoute: 'us-authorized' })).toBeNull();
  });

  it('sends cap-subject candidates to the lottery with flat or wage-level odds, a target’s offer overriding the default level', () => {
    expect(plan({ visaRoute: 'h1b-cap-subject' }).visa).toMatchObject({
      kind: 'h1b-lottery',
      mode: 'register',
      selectionProbability: 0.3058,
    });
    const flat = { ...DEFAULT_ASSUMPTIONS, h1bSelectionModel: 'flat' as const };
    expect(selectionProbability('physician', flat)).toBe(0.3);
    expect(selectionProbability('physician', DEFAULT_ASSUMPTIONS, 4)).toBe(0.6116);
    expect(selectionProbability('mls', { ...DEFAULT_ASSUMPTIONS, h1bWageLevelMls: 1 })).toBe(0.1529);
  });

  it('moves a cap-exempt H-1B to a cap-subject employer through the lottery', () => {
    const moving = plan({ visaRoute: 'h1b-transfer', currentStatus: 'h1b-cap-exempt' });
    expect(moving.effectiveRoute).toBe('h1b-cap-subject');
    expect(moving.visa.kind).toBe('h1b-lottery');
    expect(plan({ visaRoute: 'h1b-transfer', currentStatus: 'h1b' }).visa.kind).toBe('steps');
  });

  it('gives Conrad 30 candidates their state and the 90-day start rule, and ties waiver hires to 3 years of service', () => {
    const p = plan({ visaRoute: 'j1-conrad30', siteState: 'OH', currentStatus: 'j1' });
    expect(p.visa).toMatchObject({ kind: 'conrad30', mode: 'apply', state: 'OH', pool: 'regular', startWithinDays: 90 });
    expect(p.serviceYears).toBe(3);
    expect(plan({ visaRoute: 'h1b-cap-exempt' }).serviceYears).toBeNull();
  });

  it('plans nothing more for arrived and withdrawn candidates', () => {
    expect(plan({ stage: 'arrived' }).status).toBe('arrived');
    expect(plan({ stage: 'withdrawn', visaRoute: 'h1b-cap-subject' })).toMatchObject({ status: 'withdrawn', visa: { kind: 'none' } });
  });
});

describe('fees by route (USCIS schedule: R1, R2; premium processing S15)', () => {
  const nonprofit = DEFAULT_ASSUMPTIONS;
  const forProfit: Assumptions = { ...DEFAULT_ASSUMPTIONS, employerKind: 'for-profit' };
  const small: Assumptions = { ...DEFAULT_ASSUMPTIONS, employerKind: 'small' };
  const premium = 2965;

  it('charges a for-profit employer the full I-129, ACWIA, fraud and Asylum Program fees on a new H-1B', () => {
    expect(routeFees('h1b-cap-subject', forProfit)).toMatchObject({ perLotteryEntry: 215, perPetition: 780 + 1500 + 500 + 600 + premium });
  });

  it('exempts a nonprofit from the Asylum Program fee and a cap-exempt employer from ACWIA too', () => {
    expect(routeFees('h1b-cap-subject', nonprofit).perPetition).toBe(460 + 1500 + 500 + premium);
    expect(routeFees('h1b-cap-exempt', forProfit).perPetition).toBe(460 + 500 + premium);
  });

  it('halves ACWIA and the Asylum Program fee for employers of 25 or fewer', () => {
    expect(routeFees('h1b-transfer', small).perPetition).toBe(460 + 750 + 500 + 300 + premium);
  });

  it('charges the I-140 for green cards, nothing for US-authorized hires, and has no figure for TN', () => {
    expect(routeFees('eb3-perm', forProfit).perPetition).toBe(715 + 600);
    expect(routeFees('us-authorized', nonprofit)).toMatchObject({ known: true, perLotteryEntry: 0, perPetition: 0 });
    expect(routeFees('tn', nonprofit).known).toBe(false);
    expect(routeFees('o1', { ...nonprofit, usePremiumProcessing: false }).perPetition).toBe(530);
  });

  it('leaves the $100,000 fee to the simulation, for new H-1B petitions only', () => {
    expect(routeFees('h1b-cap-subject', nonprofit).h1bFeeCanApply).toBe(true);
    expect(routeFees('h1b-cap-exempt', nonprofit).h1bFeeCanApply).toBe(true);
    expect(routeFees('h1b-transfer', nonprofit).h1bFeeCanApply).toBe(false);
    expect(routeFees('j1-conrad30', nonprofit).h1bFeeCanApply).toBe(false);
  });
});
