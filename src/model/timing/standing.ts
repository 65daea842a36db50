// Where a candidate stands, named from the plan routes.ts builds: the one reading the forecast and
// the next action share (a lapsed selection, waiting for Oct 1, a waiver pending, ready to start …),
// with the fixed dates that matter for them. Only calendar facts decide it (no durations are
// sampled), so it holds in every simulated run.

import { dayOf, formatIsoDate, parseIsoDate, yearOfDay } from '../calendar';
import type { Candidate, IsoDate } from '../types';
import type { Assumptions } from './assumptions';
import { windowDays, nextWindowYear } from './conrad-windows';
import { capPetitionFilingCloses, capPetitionFilingOpens, earliestCapStart, nextRegistrationWindow } from './h1b-calendar';
import type { CandidatePlan, Milestone, MilestoneKind, PlanContext, Standing, StandingKind } from './plan';

export type { Milestone, MilestoneKind, Standing, StandingKind } from './plan';

type PlanSoFar = Omit<CandidatePlan, 'standing' | 'milestones'>;

export function standingOf(
  candidate: Candidate,
  plan: PlanSoFar,
  assumptions: Assumptions,
  context: PlanContext,
): { standing: Standing; milestones: Milestone[] } {
  const nowDay = parseIsoDate(context.now) as number;
  return { standing: standingKind(candidate, plan, nowDay), milestones: milestonesOf(plan, nowDay, assumptions) };
}

function standingKind(candidate: Candidate, plan: PlanSoFar, nowDay: number): Standing {
  const s = (kind: StandingKind, summary: string): Standing => ({ kind, summary });
  if (plan.status === 'arrived') return s('arrived', `Arrived on ${candidate.stageDate}.`);
  if (plan.status === 'withdrawn') return s('withdrawn', `Withdrew on ${candidate.stageDate}.`);
  const visa = plan.visa;
  if (visa.kind === 'blocked') return s('blocked', visa.reason);
  // A lottery window that closed is said whatever comes first, since it changes when the candidate can start.
  const closed = visa.kind === 'h1b-lottery' ? closedWindow(visa) : '';
  if (plan.recruitment.length > 0 && candidate.stage !== 'accepted') return s('recruiting', `The offer is not accepted yet.${closed}`);
  const { ecfmg, step3, residency } = plan.training;
  if (ecfmg || step3 || residency) {
    const needs = [ecfmg && 'ECFMG certification', step3 && 'USMLE Step 3', residency && 'a US residency'].filter(Boolean).join(', then ');
    return s('training', `Needs ${needs} before a licence.${closed}`);
  }
  const future = (date: IsoDate | null) => date !== null && (parseIsoDate(date) as number) > nowDay;
  switch (visa.kind) {
    case 'h1b-lottery':
      if (visa.lapsed)
        return s(
          'lapsed',
          `The FY${visa.lapsed.fiscalYear} H-1B selection of ${visa.lapsed.selectedOn} lapsed unless a cap petition was filed by ${visa.lapsed.closed}: no start before a new lottery.`,
        );
      switch (visa.mode) {
        case 'register':
          return s(
            'register',
            visa.notSelectedFor
              ? `No FY${visa.notSelectedFor} H-1B selection recorded: taken as not selected; the next lottery is ahead.`
              : 'The next H-1B lottery is ahead.',
          );
        case 'awaiting-selection':
          return s(
            'awaiting-selection',
            `Registered for the H-1B lottery on ${visa.statusDate}; selections are announced by ${yearOfDay(nowDay)}-03-31.`,
          );
        case 'selected':
          return s(
            'file-petition',
            `Selected in the H-1B lottery on ${visa.statusDate}: the cap petition is filed by ${visa.filingWindow?.closes}.`,
          );
        case 'petition-filed':
        case 'approved': {
          const what = visa.mode === 'approved' ? 'approved' : 'filed';
          if (future(visa.capStart))
            return s(
              'waiting-for-oct-1',
              `Cap petition ${what} on ${visa.statusDate}: the start waits for ${visa.capStart}, the first day of its fiscal year.`,
            );
          if (visa.mode === 'petition-filed' || visa.after.length > 0)
            return s('visa-pending', `Cap petition ${what} on ${visa.statusDate}, for a fiscal year under way.`);
          break;
        }
      }
      break;
    case 'conrad30':
      return visa.mode === 'filed'
        ? s(
            'waiver-pending',
            `Conrad 30 waiver filed with ${visa.state} on ${visa.filedOn}: awaiting the state, the State Department and USCIS.`,
          )
        : s('waiver-to-file', `The Conrad 30 application to ${visa.state} is still to be filed.`);
    case 'steps':
      if (visa.chain.steps.length > 0) {
        const waiver = visa.chain.steps[0].id === 'visa-federal-waiver';
        if (waiver) {
          return visa.chain.startedOn === null
            ? s('waiver-to-file', 'The J-1 waiver application is still to be filed.')
            : s('waiver-pending', `J-1 waiver filed on ${visa.chain.startedOn}: awaiting its decision.`);
        }
        return s(
          'visa-pending',
          `Visa: ${visa.chain.steps.map((step) => step.label).join(', then ')} ${visa.chain.startedOn ? `under way since ${visa.chain.startedOn}` : 'to start'}.`,
        );
      }
      break;
  }
  const left = [
    ...(plan.recruitment.length > 0 ? ['the first steps after the offer was accepted'] : []),
    ...plan.licensing.steps.map((step) => step.label),
    ...(plan.visaScreen ? [plan.visaScreen.label] : []),
  ];
  if (left.length > 0) return s('in-progress', `Still to do: ${left.join(', ')}.`);
  if (future(plan.availableFrom)) return s('waiting-to-be-free', `Every step is done; free from ${plan.availableFrom}.`);
  return s('ready', 'Every step is done: ready to start.');
}

function closedWindow(visa: Extract<PlanSoFar['visa'], { kind: 'h1b-lottery' }>): string {
  if (visa.lapsed)
    return ` The FY${visa.lapsed.fiscalYear} H-1B selection lapsed unless a cap petition was filed by ${visa.lapsed.closed}.`;
  return visa.notSelectedFor ? ` No FY${visa.notSelectedFor} H-1B selection recorded: taken as not selected.` : '';
}

/** The dates a timeline draws as rules: those of the candidate's route and situation, from today on. */
function milestonesOf(plan: PlanSoFar, nowDay: number, assumptions: Assumptions): Milestone[] {
  if (plan.status !== 'active') return [];
  const list: Milestone[] = [];
  const add = (kind: MilestoneKind, day: number, label: string) => {
    if (day >= nowDay) list.push({ kind, date: formatIsoDate(day), label });
  };
  if (plan.availableFrom) add('free-from', parseIsoDate(plan.availableFrom) as number, 'Free to start (end of training or notice)');
  const visa = plan.visa;
  if (visa.kind === 'h1b-lottery') {
    if (visa.mode === 'register') {
      const window = nextRegistrationWindow(nowDay, assumptions);
      const fy = window.year + 1;
      add('registration-opens', window.opens, `FY${fy} H-1B registration opens`);
      add('registration-closes', window.closes, `FY${fy} H-1B registration closes`);
      add('selections-announced', dayOf(window.year, 3, 31), `FY${fy} selections announced by`);
      add('filing-opens', capPetitionFilingOpens(window.year), `FY${fy} cap petitions filed from`);
      add('filing-deadline', capPetitionFilingCloses(window.year), `FY${fy} cap petitions filed by`);
      add('cap-start', earliestCapStart(window.year), `FY${fy} begins: earliest H-1B start`);
    } else {
      if (visa.mode === 'awaiting-selection') add('selections-announced', dayOf(yearOfDay(nowDay), 3, 31), 'Selections announced by');
      if (visa.filingWindow) {
        add('filing-opens', parseIsoDate(visa.filingWindow.opens) as number, 'Cap petition filed from');
        add('filing-deadline', parseIsoDate(visa.filingWindow.closes) as number, 'Cap petition filed by (else the selection lapses)');
      }
      if (visa.capStart) add('cap-start', parseIsoDate(visa.capStart) as number, 'Fiscal year begins: earliest H-1B start');
    }
  }
  if (visa.kind === 'conrad30') {
    if (visa.mode === 'apply') {
      const fiscalYear = nextWindowYear(visa.window, nowDay, visa.filledAtOpening, visa.firstFiscalYear);
      add(
        'waiver-window',
        windowDays(visa.window, fiscalYear, visa.filledAtOpening).opens,
        `${visa.state}'s FY${fiscalYear} Conrad 30 window opens`,
      );
    }
    if (visa.j1Ends) add('j1-ends', parseIsoDate(visa.j1Ends) as number, 'J-1 status ends (program end + 30 days)');
  }
  if (plan.h1bLimit) add('h1b-limit', parseIsoDate(plan.h1bLimit) as number, 'H-1B six-year maximum reached');
  return list.sort((a, b) => a.date.localeCompare(b.date));
}
