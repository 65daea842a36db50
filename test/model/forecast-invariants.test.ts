// The invariants every forecast keeps (../shared/forecast-casebook.md, E1–E5), as property tests over
// generated candidates and days of the year. Each bound below is worked out here from the rules and
// the assumptions' shortest durations, not read from the model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, formatIsoDate, monthOfDay, parseIsoDate, yearOfDay } from '../../src/model/calendar';
import { candidateProblems } from '../../src/model/pipeline/candidate-rules';
import { simulate } from '../../src/model/forecast/simulate';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../../src/model/timing/assumptions';
import { nextAction } from '../../src/model/timing/next-action';
import { ROUTES } from '../../src/model/timing/visa-routes';
import { STAGES, VISA_ROUTES, type Candidate, type RegionRef, type Stage } from '../../src/model/types';

const A: Assumptions = DEFAULT_ASSUMPTIONS;
const DAYS_PER_MONTH = 30.4375;
const inState = (region: RegionRef, site: { state: string }) => region.kind === 'state' && region.state === site.state;
const LIVE: Stage[] = ['sourced', 'screening', 'interview', 'offer', 'accepted', 'licensure', 'credentialing', 'visa'];
const FIRST_NOW = parseIsoDate('2026-06-01') as number;

/** Arrival days after `now` of one candidate in every run (Infinity: never). */
function draws(candidate: Candidate, now: string, runs = 1000, seed = 5, assumptions: Assumptions = A) {
  const days: number[] = [];
  const result = simulate({
    candidates: [candidate],
    targets: [],
    assumptions,
    now,
    runs,
    seed,
    horizonMonths: 120,
    regionContains: inState,
    newCandidateScenarios: [],
    onRun: (_, arrival) => days.push(arrival[0]),
  });
  return { days, result, by: (day: number) => days.filter((d) => d <= day).length / days.length };
}

/** A candidate the importer accepts (no rule broken), as of `now`; dates up to 600 days back, availability ahead. */
const candidateAt = (nowDay: number) =>
  fc
    .record({
      profession: fc.constantFrom('physician', 'mls'),
      physicianSpecialty: fc.constantFrom('family medicine', 'internal medicine', 'psychiatry', 'cardiology'),
      labSpecialty: fc.constantFrom('medical laboratory scientist', 'cytotechnologist'),
      stage: fc.constantFrom(...LIVE),
      stageDaysAgo: fc.integer({ min: 0, max: 400 }),
      visaRoute: fc.constantFrom(...VISA_ROUTES),
      statusIndex: fc.nat(),
      statusDaysAgo: fc.integer({ min: 0, max: 600 }),
      siteState: fc.constantFrom('CA', 'TX', 'NY', 'OH', 'FL'),
      currentStatus: fc.constantFrom('', 'abroad', 'j1', 'f1', 'h1b', 'h1b-cap-exempt', 'other-us'),
      trainingStatus: fc.constantFrom('', 'completed', 'in-training', 'needs-residency'),
      availableIn: fc.option(fc.integer({ min: -30, max: 500 }), { nil: null }),
      ecfmgCertified: fc.constantFrom(true, false, null),
      licenceStatus: fc.constantFrom('', 'not-applied', 'applied', 'licensed'),
      visaScreen: fc.constantFrom(true, false, null),
      country: fc.constantFrom('India', 'United States', 'Mexico', 'Canada'),
      h1bYearsUsed: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
    })
    .map((r): Candidate => {
      const physician = r.profession === 'physician';
      const statuses = ROUTES[r.visaRoute].statuses;
      const visaStatus = statuses[r.statusIndex % statuses.length];
      return {
        id: 'x',
        profession: r.profession,
        specialty: physician ? r.physicianSpecialty : r.labSpecialty,
        stage: r.stage,
        stageDate: formatIsoDate(nowDay - r.stageDaysAgo),
        visaRoute: r.visaRoute,
        siteState: r.siteState,
        siteCountyFips: '',
        expectedStart: '',
        countryOfTraining: r.country,
        languages: [],
        gender: '',
        ecfmgCertified: physician ? r.ecfmgCertified : null,
        licenceStatus: r.licenceStatus,
        ascpi: null,
        visaStatus,
        visaStatusDate: visaStatus === 'not-started' ? '' : formatIsoDate(nowDay - r.statusDaysAgo),
        availableFrom: r.availableIn === null ? '' : formatIsoDate(nowDay + r.availableIn),
        currentStatus: r.currentStatus,
        trainingStatus: physician ? r.trainingStatus : '',
        bachelorsDegree: physician ? null : true,
        visaScreen: physician ? null : r.visaScreen,
        h1bYearsUsed: r.h1bYearsUsed,
      };
    })
    .filter((c) => candidateProblems(c, formatIsoDate(nowDay)).every((p) => p.severity !== 'error'));

/** A forecast day anywhere in two years (so every month of the H-1B and waiver calendars comes up). */
const nowDays = fc.integer({ min: 0, max: 730 }).map((k) => FIRST_NOW + k);
const anyCandidate = nowDays.chain((nowDay) => candidateAt(nowDay).map((candidate) => ({ nowDay, candidate })));
/** The same, with every step recorded as done: certified, licensed, visa approved (the states near arrival). */
const nearlyDone = anyCandidate
  .map(({ nowDay, candidate }) => {
    const statuses = ROUTES[candidate.visaRoute].statuses;
    const last = statuses[statuses.length - 1];
    return {
      nowDay,
      candidate: {
        ...candidate,
        stage: 'visa' as const,
        licenceStatus: 'licensed',
        ecfmgCertified: candidate.profession === 'physician' ? true : null,
        trainingStatus: candidate.trainingStatus === 'needs-residency' ? ('completed' as const) : candidate.trainingStatus,
        visaScreen: candidate.profession === 'mls' ? true : null,
        visaStatus: last,
        visaStatusDate: last === 'not-started' ? '' : candidate.visaStatusDate || formatIsoDate(nowDay),
      },
    };
  })
  .filter(({ nowDay, candidate }) => candidateProblems(candidate, formatIsoDate(nowDay)).every((p) => p.severity !== 'error'));
/** On the H-1B cap calendar: registered, selected, filed or approved, at any day of the year. */
const onCapCalendar = fc
  .tuple(anyCandidate, fc.constantFrom('registered', 'selected', 'petition-filed', 'approved'), fc.integer({ min: 0, max: 600 }))
  .map(([{ nowDay, candidate }, visaStatus, daysAgo]) => ({
    nowDay,
    candidate: {
      ...candidate,
      visaRoute: 'h1b-cap-subject' as const,
      currentStatus: candidate.currentStatus === 'j1' ? ('f1' as const) : candidate.currentStatus,
      visaStatus,
      visaStatusDate: formatIsoDate(nowDay - daysAgo),
    },
  }))
  .filter(({ nowDay, candidate }) => candidateProblems(candidate, formatIsoDate(nowDay)).every((p) => p.severity !== 'error'));
const withNow = fc.oneof(anyCandidate, nearlyDone, onCapCalendar);
/** Where only recruitment and licensing stand in the way: the stage speaks for a licence status not recorded. */
const licensingOnly = fc
  .tuple(anyCandidate, fc.constantFrom('', '', 'applied', 'licensed'))
  .map(([{ nowDay, candidate }, licenceStatus]) => ({
    nowDay,
    candidate: {
      ...candidate,
      visaRoute: 'us-authorized' as const,
      visaStatus: 'not-started' as const,
      visaStatusDate: '',
      currentStatus: '' as const,
      licenceStatus,
    },
  }))
  .filter(({ nowDay, candidate }) => candidateProblems(candidate, formatIsoDate(nowDay)).every((p) => p.severity !== 'error'));

const octFirst = (year: number) => dayOf(year, 10, 1);
/** The first Oct 1 a lottery entered on or after `day` can start on: registration closes Mar 19 (FY2027's dates). */
const firstLotteryStart = (day: number) => octFirst(yearOfDay(day) + (day > dayOf(yearOfDay(day), 3, 19) ? 1 : 0));
/** A cap petition filed or approved on `day` is for the Oct 1 of its April–June filing window's year. */
const petitionOct1 = (day: number) => octFirst(monthOfDay(day) >= 4 ? yearOfDay(day) : yearOfDay(day) - 1);
const effectiveCapSubject = (c: Candidate) =>
  c.visaRoute === 'h1b-cap-subject' ||
  (c.visaRoute === 'h1b-transfer' && (c.currentStatus === 'h1b-cap-exempt' || c.currentStatus === 'h1b-waiver-service'));

/** The earliest day (absolute) the rules allow this candidate to start, from facts and shortest durations. */
function earliestStart(c: Candidate, nowDay: number): { day: number; why: string }[] {
  const bounds = [{ day: nowDay, why: 'today' }];
  const day = (iso: string) => parseIsoDate(iso) as number;
  if (c.availableFrom) bounds.push({ day: day(c.availableFrom), why: 'available_from' });
  const statusDay = c.visaStatusDate ? day(c.visaStatusDate) : null;
  if (effectiveCapSubject(c)) {
    if (c.visaStatus === 'petition-filed' || c.visaStatus === 'approved')
      bounds.push({ day: petitionOct1(statusDay as number), why: 'cap Oct 1' });
    else if (c.visaStatus === 'selected') bounds.push({ day: octFirst(yearOfDay(statusDay as number)), why: 'selection’s Oct 1' });
    else if (
      c.visaStatus === 'registered' &&
      yearOfDay(statusDay as number) === yearOfDay(nowDay) &&
      nowDay <= dayOf(yearOfDay(nowDay), 3, 31)
    )
      bounds.push({ day: octFirst(yearOfDay(nowDay)), why: 'awaited selection’s Oct 1' });
    else bounds.push({ day: firstLotteryStart(nowDay), why: 'next lottery’s Oct 1' });
  }
  const trainedAbroad = !['', 'united states'].includes(c.countryOfTraining.toLowerCase());
  if (c.profession === 'physician' && trainedAbroad && c.ecfmgCertified === false) {
    bounds.push({ day: nowDay + A.ecfmgCertificationMonthsMin * DAYS_PER_MONTH, why: 'ECFMG certification' });
  }
  // A licence recorded as applied for or not applied for is not done: it takes its shortest time from then.
  const licensing = c.profession === 'physician' || ['CA', 'FL', 'NY'].includes(c.siteState);
  if (licensing && (c.licenceStatus === 'applied' || c.licenceStatus === 'not-applied')) {
    const from = c.licenceStatus === 'applied' ? Math.min(day(c.stageDate), nowDay) : nowDay;
    const min = c.profession === 'physician' ? A.physicianLicenceDaysMin : A.mlsLicenceDaysMin;
    bounds.push({ day: from + min, why: 'licence' });
  }
  const waiver = ROUTES[c.visaRoute].waiver;
  if (waiver && (c.visaStatus === 'not-started' || c.visaStatus === 'waiver-filed')) {
    const from = c.visaStatus === 'waiver-filed' ? (statusDay as number) : nowDay;
    const months = waiver === 'conrad30' ? A.conrad30FilingToStartMonthsMin : A.federalWaiverFilingToStartMonthsMin;
    bounds.push({ day: from + months * DAYS_PER_MONTH, why: 'waiver and H-1B approved' });
  }
  const consular = c.currentStatus === 'abroad' && ['h1b-cap-exempt', 'h1b-cap-subject', 'o1'].includes(c.visaRoute);
  if (consular && c.visaStatus === 'approved') bounds.push({ day: (statusDay as number) + A.consularDaysMin, why: 'visa issued abroad' });
  if (consular && c.visaStatus === 'not-started' && c.visaRoute !== 'h1b-cap-subject')
    bounds.push({ day: nowDay + A.consularDaysMin, why: 'visa issued abroad' });
  return bounds;
}

const PROPERTY = { numRuns: 40, seed: 20261207 };

describe('forecast invariants (casebook E1–E5)', () => {
  it('E1: no arrival before available_from, a required step’s shortest time, a cap petition’s Oct 1, the waiver, or a visa abroad', () => {
    fc.assert(
      fc.property(withNow, ({ nowDay, candidate }) => {
        const { days } = draws(candidate, formatIsoDate(nowDay), 300);
        const bounds = earliestStart(candidate, nowDay);
        for (const d of days) {
          if (d === Infinity) continue;
          for (const bound of bounds) {
            if (nowDay + d < bound.day - 1e-9)
              throw new Error(`arrives ${formatIsoDate(nowDay + d)} before ${bound.why} (${formatIsoDate(bound.day)})`);
          }
        }
      }),
      PROPERTY,
    );
  });

  it('E2: a later recruiting stage with the same dates never lowers P(arrival by D) beyond Monte Carlo noise', () => {
    fc.assert(
      fc.property(fc.oneof(withNow, licensingOnly), ({ nowDay, candidate }) => {
        const now = formatIsoDate(nowDay);
        const before = draws(candidate, now, 2000);
        for (const stage of LIVE.slice(LIVE.indexOf(candidate.stage) + 1)) {
          const later = { ...candidate, stage };
          if (candidateProblems(later, now).some((p) => p.severity === 'error')) continue;
          const after = draws(later, now, 2000, 6);
          for (const horizon of [90, 180, 365, 730, 1460]) {
            expect(after.by(horizon), `${candidate.stage} → ${stage} by day ${horizon}`).toBeGreaterThanOrEqual(before.by(horizon) - 0.05);
          }
        }
      }),
      { ...PROPERTY, numRuns: 80 },
    );
  });

  it('E3: a visa step recorded as done earlier never lowers P(arrival by D), unless a window it had closes — then the standing says so', () => {
    fc.assert(
      fc.property(withNow, fc.integer({ min: 1, max: 400 }), ({ nowDay, candidate }, earlierBy) => {
        fc.pre(candidate.visaStatus !== 'not-started');
        const now = formatIsoDate(nowDay);
        const earlier = { ...candidate, visaStatusDate: formatIsoDate((parseIsoDate(candidate.visaStatusDate) as number) - earlierBy) };
        const before = draws(candidate, now, 2000);
        const after = draws(earlier, now, 2000, 6);
        const summary = after.result.candidates[0].standing.summary;
        for (const horizon of [90, 180, 365, 730, 1460]) {
          if (after.by(horizon) < before.by(horizon) - 0.05) {
            // The earlier date let a window close (the filing window after a selection, a lottery's results): said as the reason.
            expect(
              summary,
              `${candidate.visaStatus} ${candidate.visaStatusDate} → ${earlier.visaStatusDate}: lower by day ${horizon}`,
            ).toMatch(/lapsed|not selected/i);
            expect(before.result.candidates[0].standing.summary).not.toMatch(/lapsed|not selected/i);
          }
        }
      }),
      { ...PROPERTY, numRuns: 30 },
    );
  });

  it('E4: the next action and the forecast describe the same state — lapsed, waiting for Oct 1, ready to start …', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(withNow, ({ nowDay, candidate }) => {
        const now = formatIsoDate(nowDay);
        const action = nextAction(candidate, A, now);
        const { days, result } = draws(candidate, now, 300);
        const standing = result.candidates[0].standing;
        seen.add(standing.kind);
        expect(action.standing).toBe(standing.kind);
        expect(result.candidates[0].nextAction.action).toBe(action.action);
        const arrived = days.filter((d) => d !== Infinity).map((d) => nowDay + d);
        switch (standing.kind) {
          case 'ready':
            expect(arrived.every((day) => day < nowDay + 1)).toBe(true);
            expect(action.action).toMatch(/^Set the start date/);
            break;
          case 'waiting-to-be-free': {
            const free = parseIsoDate(candidate.availableFrom) as number;
            expect(arrived.every((day) => day >= free && day < free + 1)).toBe(true);
            expect(action.action).toContain(candidate.availableFrom);
            break;
          }
          case 'waiting-for-oct-1': {
            const oct1 = petitionOct1(parseIsoDate(candidate.visaStatusDate) as number);
            expect(oct1).toBeGreaterThan(nowDay);
            expect(arrived.every((day) => day >= oct1)).toBe(true);
            expect(action.action).toContain(formatIsoDate(oct1));
            break;
          }
          case 'lapsed':
            expect(arrived.every((day) => day >= firstLotteryStart(nowDay))).toBe(true);
            expect(action.action).toMatch(/lapsed/);
            break;
          case 'blocked':
            expect(arrived).toEqual([]);
            expect(action.action).toMatch(/^Choose another site or route/);
            break;
          case 'file-petition':
            expect(action.action).toMatch(/^File the H-1B cap petition/);
            expect(arrived.every((day) => day >= octFirst(yearOfDay(parseIsoDate(candidate.visaStatusDate) as number)))).toBe(true);
            break;
          case 'visa-pending':
            // A visa appointment the next action says to book is not behind anyone: its shortest wait runs from today.
            if (/^Book the .*visa appointment/.test(action.action)) {
              seen.add('book-visa');
              expect(arrived.every((day) => day >= nowDay + A.consularDaysMin)).toBe(true);
            }
            break;
        }
      }),
      { ...PROPERTY, numRuns: 200 },
    );
    // The generator reached the states the invariant is about.
    for (const kind of ['ready', 'waiting-for-oct-1', 'lapsed', 'blocked', 'file-petition', 'in-progress', 'book-visa'])
      expect(seen, kind).toContain(kind);
  });

  it('E5: two runs with the same seed and inputs give the same result; another seed another one', () => {
    fc.assert(
      fc.property(fc.array(withNow, { minLength: 1, maxLength: 5 }), (list) => {
        const now = formatIsoDate(list[0].nowDay);
        const candidates = list.map((x, i) => ({ ...x.candidate, id: `c${i}` }));
        const run = (seed: number) =>
          simulate({
            candidates,
            targets: [],
            assumptions: A,
            now,
            runs: 300,
            seed,
            horizonMonths: 48,
            regionContains: inState,
            newCandidateScenarios: [],
          });
        expect(run(9)).toEqual(run(9));
      }),
      { ...PROPERTY, numRuns: 20 },
    );
  });
});

// The stages the generator draws from are the live ones, in pipeline order.
it('LIVE stages follow the pipeline order', () => {
  expect(LIVE).toEqual(STAGES.filter((s) => s !== 'arrived' && s !== 'withdrawn'));
});
