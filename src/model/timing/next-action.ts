// The one thing to do next for a candidate, with its date, read from the same plan and the same
// dates as the forecast (routes.ts): a step under way is dated from when it began, a selected
// H-1B candidate files and waits for Oct 1 (never registers again), a waiver already filed waits
// for its decision. The current recruitment stage comes first; once the offer is accepted, a
// calendar deadline (the H-1B registration or filing window, a Conrad 30 window) comes before the
// licensing step, since missing it costs a year.

import { addYears, dayOf, fiscalYearOf, fiscalYearStart, formatIsoDate, parseIsoDate, yearOfDay } from '../calendar';
import type { Candidate, IsoDate, VisaStatus } from '../types';
import type { Assumptions, Confidence } from './assumptions';
import { earliestCapStart, nextRegistrationWindow } from './h1b-calendar';
import { capStartFor, planCandidate, type CandidatePlan, type PlanContext, type Step } from './routes';
import { ROUTES } from './visa-routes';

export interface NextAction {
  candidateId: string;
  action: string;
  date: IsoDate | null;
  /** deadline: act by the date; opens: act on or after it; expected: when the step should finish. */
  dateKind: 'deadline' | 'opens' | 'expected' | null;
  /** Whether the date comes from a confirmed calendar or from modelled durations. */
  confidence: Confidence;
  sources: string[];
}

const NEXT_STEP_VERB: Record<string, string> = {
  sourced: 'Screen the candidate',
  screening: 'Interview the candidate',
  interview: 'Decide on an offer',
  offer: 'Get the offer accepted',
  accepted: 'Start licensure',
};

const STATUS_WORDS: Record<VisaStatus, string> = {
  'not-started': 'visa not started',
  registered: 'registered for the H-1B lottery',
  selected: 'selected in the H-1B lottery',
  'waiver-filed': 'waiver filed',
  'waiver-approved': 'waiver approved',
  'perm-filed': 'PERM filed',
  'immigrant-petition-filed': 'I-140 filed',
  'petition-filed': 'petition filed',
  approved: 'petition approved',
};

/** Where the candidate is, in words: the stage and the visa status, with their dates. */
export function currentStepText(candidate: Candidate): string {
  const stage = `${candidate.stage} since ${candidate.stageDate}`;
  if (candidate.stage === 'arrived' || candidate.stage === 'withdrawn' || ROUTES[candidate.visaRoute].statuses.length === 1) return stage;
  const visa =
    candidate.visaStatus === 'not-started'
      ? STATUS_WORDS['not-started']
      : `${STATUS_WORDS[candidate.visaStatus]} ${candidate.visaStatusDate}`;
  return `${stage}; ${visa}`;
}

export function nextAction(
  candidate: Candidate,
  assumptions: Assumptions,
  now: IsoDate,
  context: Omit<PlanContext, 'now'> = {},
): NextAction {
  const nowDay = parseIsoDate(now);
  if (nowDay === null) throw new Error(`now: expected a YYYY-MM-DD date, got ${JSON.stringify(now)}`);
  const base = { candidateId: candidate.id, sources: [] as string[] };
  const plan = planCandidate(candidate, assumptions, { ...context, now });
  if (candidate.stage === 'withdrawn')
    return { ...base, action: 'None: the candidate has withdrawn.', date: null, dateKind: null, confidence: 'confirmed' };
  if (candidate.stage === 'arrived') {
    const arrived = parseIsoDate(candidate.stageDate);
    if (plan.serviceYears !== null && arrived !== null) {
      const ends = formatIsoDate(addYears(arrived, plan.serviceYears));
      return {
        ...base,
        action: `Arrived. The ${plan.serviceYears}-year waiver service at this site ends ${ends}: plan to retain them beyond it`,
        date: ends,
        dateKind: 'expected',
        confidence: 'confirmed',
        sources: ['S17'],
      };
    }
    return { ...base, action: 'None: the candidate has arrived.', date: null, dateKind: null, confidence: 'confirmed' };
  }
  const anchorDay = parseIsoDate(candidate.stageDate) ?? nowDay;
  const recruiting = plan.recruitment.length > 0 && candidate.stage !== 'accepted';
  if (recruiting) return recruitmentAction(candidate, plan, assumptions, anchorDay, nowDay);

  const visa = visaAction(candidate, plan, assumptions, nowDay);
  const licence = licensingAction(candidate, plan, anchorDay, nowDay);
  // A calendar deadline comes first; otherwise whichever step is due sooner, the current stage's on a tie.
  const calendar = visa?.dateKind === 'deadline' || visa?.dateKind === 'opens';
  const sooner = visa && licence && visa.date !== null && licence.date !== null && visa.date < licence.date;
  if (visa && (calendar || sooner || !licence)) return withAvailability(visa, plan);
  if (licence) return withAvailability(licence, plan);
  return { ...base, action: 'Set the start date: no visa or licence step remains', date: null, dateKind: null, confidence: 'confirmed' };
}

function withAvailability(action: NextAction, plan: CandidatePlan): NextAction {
  return plan.availableFrom ? { ...action, action: `${action.action} (free to start from ${plan.availableFrom})` } : action;
}

function expected(candidate: Candidate, action: string, day: number, sources: string[]): NextAction {
  return { candidateId: candidate.id, action, date: formatIsoDate(day), dateKind: 'expected', confidence: 'assumption', sources };
}

function recruitmentAction(
  candidate: Candidate,
  plan: CandidatePlan,
  assumptions: Assumptions,
  anchorDay: number,
  nowDay: number,
): NextAction {
  const step = plan.recruitment[0];
  const verb = NEXT_STEP_VERB[candidate.stage] ?? `Complete the ${step.label}`;
  let note = '';
  if (plan.visa.kind === 'h1b-lottery' && plan.visa.mode === 'register') {
    const window = nextRegistrationWindow(nowDay, assumptions);
    note = `; the FY${window.year + 1} H-1B registration closes ${formatIsoDate(window.closes)}`;
  }
  return expected(candidate, `${verb}${note}`, anchorDay + step.days.modeDays, step.sources);
}

function licensingAction(candidate: Candidate, plan: CandidatePlan, anchorDay: number, nowDay: number): NextAction | null {
  const ecfmg = plan.training.ecfmg;
  if (ecfmg) return expected(candidate, `Complete ${ecfmg.label} before any licence`, nowDay + ecfmg.days.modeDays, ecfmg.sources);
  const residency = plan.training.residency;
  if (residency) {
    const year = yearOfDay(nowDay) + (nowDay > dayOf(yearOfDay(nowDay), 3, 15) ? 1 : 0);
    return {
      candidateId: candidate.id,
      action: `Enter the ${year} Match (third Friday of March; residency from July 1, ${residency.years} years) — a US residency comes before a licence`,
      date: formatIsoDate(dayOf(year, 3, 1)),
      dateKind: 'opens',
      confidence: 'assumption',
      sources: ['S26', 'S27'],
    };
  }
  const step = plan.licensing.steps[0];
  if (!step) return null;
  const start = plan.licensing.startedOn === null ? Math.max(nowDay, anchorDay) : anchorDay;
  const verb = step.id === 'credentialing' ? 'Complete' : 'Obtain the';
  return expected(candidate, `${verb} ${step.label}`, start + step.days.modeDays, step.sources);
}

/** The visa track's next step at the candidate's visa status. */
function visaAction(candidate: Candidate, plan: CandidatePlan, assumptions: Assumptions, nowDay: number): NextAction | null {
  const visa = plan.visa;
  const id = candidate.id;
  switch (visa.kind) {
    case 'none':
      return null;
    case 'blocked':
      return {
        candidateId: id,
        action: `Choose another site or route: ${visa.reason}`,
        date: null,
        dateKind: null,
        confidence: 'confirmed',
        sources: [],
      };
    case 'h1b-lottery': {
      const statusDay = parseIsoDate(visa.statusDate);
      const capStart = statusDay === null ? null : capStartFor(visa.statusDate);
      switch (visa.mode) {
        case 'register': {
          const window = nextRegistrationWindow(nowDay, assumptions);
          const opens = formatIsoDate(window.opens);
          const closes = formatIsoDate(window.closes);
          const when = nowDay >= window.opens ? `by ${closes}` : `between ${opens} and ${closes}`;
          const lost =
            candidate.visaStatus === 'registered'
              ? `Not selected in the FY${yearOfDay(parseIsoDate(candidate.visaStatusDate) as number) + 1} lottery. `
              : '';
          return {
            candidateId: id,
            action: `${lost}Register for the FY${window.year + 1} H-1B lottery ${when} (earliest start ${formatIsoDate(earliestCapStart(window.year))})`,
            date: closes,
            dateKind: 'deadline',
            confidence: window.confirmed ? 'confirmed' : 'assumption',
            sources: visa.sources,
          };
        }
        case 'awaiting-selection': {
          const year = yearOfDay(statusDay as number);
          return {
            candidateId: id,
            action: `Record whether the FY${year + 1} lottery selected the candidate (results by ${year}-03-31); if selected, file from ${year}-04-01`,
            date: formatIsoDate(dayOf(year, 3, 31)),
            dateKind: 'expected',
            confidence: 'confirmed',
            sources: ['S6'],
          };
        }
        case 'selected': {
          const year = yearOfDay(statusDay as number);
          const closes = dayOf(year, 6, 30);
          if (nowDay > closes) {
            return {
              candidateId: id,
              action: `Record the cap petition's filing: the FY${year + 1} filing window closed ${formatIsoDate(closes)} and a selection not filed by then lapses`,
              date: formatIsoDate(closes),
              dateKind: 'deadline',
              confidence: 'confirmed',
              sources: ['S6'],
            };
          }
          const opens = Math.max(dayOf(year, 4, 1), nowDay);
          return {
            candidateId: id,
            action: `File the H-1B cap petition between ${formatIsoDate(opens)} and ${formatIsoDate(closes)} (selected for FY${year + 1}; start on or after ${capStart})`,
            date: formatIsoDate(closes),
            dateKind: 'deadline',
            confidence: 'confirmed',
            sources: ['S6', 'S7'],
          };
        }
        case 'petition-filed':
          return expected(
            candidate,
            `Await the cap petition's decision; start on or after ${capStart}`,
            Math.max((statusDay as number) + visa.petitionDays, nowDay),
            visa.sources,
          );
        case 'approved': {
          const consular = visa.after[0];
          const action = consular ? `Book the ${consular.label}; start on or after ${capStart}` : `Start on or after ${capStart}`;
          return expected(candidate, action, Math.max(parseIsoDate(capStart as string) as number, nowDay), visa.sources);
        }
      }
      return null;
    }
    case 'conrad30': {
      const rule = 'it waives the J-1 two-year home-residency rule (INA §212(e))';
      if (visa.mode === 'filed') {
        const filed = parseIsoDate(visa.filedOn as string) as number;
        return expected(
          candidate,
          `Conrad 30 waiver filed ${visa.filedOn}: await its approval, then start within ${visa.startWithinDays} days of the waiver; ${assumptions.waiverServiceYears} years' full-time service at the site follow`,
          Math.max(filed + visa.filingToStart.modeDays, nowDay),
          visa.sources,
        );
      }
      // States open their windows at or after the fiscal year's start; many fill on the first day.
      const currentFiscalYear = fiscalYearOf(nowDay);
      const opensToday = fiscalYearStart(currentFiscalYear) === nowDay;
      const windowFiscalYear = opensToday ? currentFiscalYear : currentFiscalYear + 1;
      const opens = formatIsoDate(fiscalYearStart(windowFiscalYear));
      const state = visa.state || 'the state';
      const fallback = opensToday ? '' : `, or now if ${state} still has FY${currentFiscalYear} slots`;
      const flex = visa.pool === 'flex' ? ' for a flex slot' : '';
      return {
        candidateId: id,
        action: `File the Conrad 30 application${flex} with ${state} when its FY${windowFiscalYear} window opens (${opens})${fallback}; ${rule}`,
        date: opens,
        dateKind: 'opens',
        confidence: 'assumption',
        sources: visa.sources,
      };
    }
    case 'steps': {
      const step: Step | undefined = visa.chain.steps[0];
      const started = visa.chain.startedOn === null ? null : (parseIsoDate(visa.chain.startedOn) as number);
      const waiver = ROUTES[candidate.visaRoute].waiver ? ' (J-1 two-year home-residency rule, INA §212(e), waived on approval)' : '';
      if (!step)
        return expected(
          candidate,
          `Set the start date: ${ROUTES[plan.effectiveRoute].label} approved`,
          Math.max(started ?? nowDay, nowDay),
          visa.sources,
        );
      if (started === null) return expected(candidate, `Start the ${step.label}${waiver}`, nowDay + step.days.modeDays, step.sources);
      return expected(candidate, `Await the ${step.label}${waiver}`, Math.max(started + step.days.modeDays, nowDay), step.sources);
    }
  }
}
