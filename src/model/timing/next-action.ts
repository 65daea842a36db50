// The one thing to do next for a candidate, with its date, as plain data for a task list.
// Calendar-bound visa steps come first because missing them costs a year: the H-1B registration
// window and the Conrad 30 state window. Otherwise the candidate's current step is next.

import type { Candidate, IsoDate } from '../types';
import type { Assumptions, Confidence } from './assumptions';
import { fiscalYearOf, fiscalYearStart, formatIsoDate, parseIsoDate } from './calendar';
import { earliestCapStart, nextRegistrationWindow } from './h1b-calendar';
import { planCandidate, type Step, type VisaProcess } from './routes';

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

export function nextAction(candidate: Candidate, assumptions: Assumptions, now: IsoDate): NextAction {
  const nowDay = parseIsoDate(now);
  if (nowDay === null) throw new Error(`now: expected a YYYY-MM-DD date, got ${JSON.stringify(now)}`);
  const base = { candidateId: candidate.id, sources: [] as string[] };
  if (candidate.stage === 'arrived' || candidate.stage === 'withdrawn') {
    const action = candidate.stage === 'arrived' ? 'None: the candidate has arrived.' : 'None: the candidate has withdrawn.';
    return { ...base, action, date: null, dateKind: null, confidence: 'confirmed' };
  }
  const plan = planCandidate(candidate, assumptions);
  const anchorDay = parseIsoDate(candidate.stageDate) ?? nowDay;
  const visa = plan.visa;

  if (visa.kind === 'h1b-lottery') {
    const window = nextRegistrationWindow(nowDay, assumptions);
    const opens = formatIsoDate(window.opens);
    const closes = formatIsoDate(window.closes);
    const when = nowDay >= window.opens ? `by ${closes}` : `between ${opens} and ${closes}`;
    const offerPending = plan.recruitment.some((step) => step.stage !== 'accepted');
    const offerNote = offerPending ? '; registration needs an accepted offer' : '';
    return {
      ...base,
      action: `Register for the H-1B lottery ${when} (earliest start ${formatIsoDate(earliestCapStart(window.year))}${offerNote})`,
      date: closes,
      dateKind: 'deadline',
      confidence: window.confirmed ? 'confirmed' : 'assumption',
      sources: visa.sources,
    };
  }
  if (visa.kind === 'conrad30') return conradAction(candidate, visa, assumptions, nowDay, anchorDay);

  const current = plan.recruitment[0] ?? plan.licensing[0];
  if (current) return stepAction(candidate, current, visa, anchorDay);
  if (visa.kind === 'petition') {
    return {
      ...base,
      action: `File the ${visa.step.label}`,
      date: formatIsoDate(anchorDay + visa.step.days.modeDays),
      dateKind: 'expected',
      confidence: 'assumption',
      sources: visa.step.sources,
    };
  }
  return { ...base, action: 'Set the start date: no visa or licence step remains', date: null, dateKind: null, confidence: 'confirmed' };
}

function stepAction(candidate: Candidate, step: Step, visa: VisaProcess, anchorDay: number): NextAction {
  const verb = NEXT_STEP_VERB[step.stage] ?? `Complete the ${step.label.toLowerCase()}`;
  const visaNote = candidate.stage === 'accepted' && visa.kind === 'petition' ? ` and the ${visa.step.label}` : '';
  const action = step.stage === 'licensure' ? `Obtain the ${step.label}` : `${verb}${visaNote}`;
  return {
    candidateId: candidate.id,
    action,
    date: formatIsoDate(anchorDay + step.days.modeDays),
    dateKind: 'expected',
    confidence: 'assumption',
    sources: step.sources,
  };
}

function conradAction(
  candidate: Candidate,
  visa: Extract<VisaProcess, { kind: 'conrad30' }>,
  assumptions: Assumptions,
  nowDay: number,
  anchorDay: number,
): NextAction {
  const base = { candidateId: candidate.id, confidence: 'assumption' as const, sources: visa.sources };
  if (candidate.stage === 'visa') {
    return {
      ...base,
      action:
        `Start work within ${visa.startWithinDays} days of the Conrad 30 waiver; ` +
        `${assumptions.waiverServiceYears} years' full-time service in an HPSA, MUA or MUP follow`,
      date: formatIsoDate(anchorDay + visa.filingToStart.modeDays),
      dateKind: 'expected',
    };
  }
  // States open their windows at or after the fiscal year's start; many fill on the first day.
  const currentFiscalYear = fiscalYearOf(nowDay);
  const opensToday = fiscalYearStart(currentFiscalYear) === nowDay;
  const windowFiscalYear = opensToday ? currentFiscalYear : currentFiscalYear + 1;
  const opens = formatIsoDate(fiscalYearStart(windowFiscalYear));
  const state = visa.state || 'the state';
  const fallback = opensToday ? '' : `, or now if ${state} still has FY${currentFiscalYear} slots`;
  return {
    ...base,
    action: `File the Conrad 30 application with ${state} when its FY${windowFiscalYear} window opens (${opens})${fallback}`,
    date: opens,
    dateKind: 'opens',
  };
}
