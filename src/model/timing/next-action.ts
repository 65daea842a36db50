// The one thing to do next for a candidate, with its date, read from the same plan as the forecast
// (routes.ts, which decides where the candidate stands: standing.ts): a step under way is dated from
// when it began, a selected H-1B candidate files and waits for Oct 1 (never registers again), a
// selection not filed in its window lapsed, a waiver already filed waits for its decision. The
// current recruitment stage comes first, then training (ECFMG certification, Step 3, the Match);
// once the offer is accepted, a calendar deadline (the H-1B registration or filing window, a
// Conrad 30 window) comes before the licensing step, since missing it costs a year — unless the
// deadline needs the licence first (a physician's H-1B petition is filed with it).

import { addYears, dayOf, formatIsoDate, parseIsoDate, yearOfDay } from '../calendar';
import { stageName, visaStatusName } from '../names';
import type { Candidate, IsoDate } from '../types';
import type { Assumptions, Confidence } from './assumptions';
import { nextWindowYear, windowDays } from './conrad-windows';
import { capPetitionFilingCloses, earliestCapStart, nextRegistrationWindow } from './h1b-calendar';
import { medianDays, planCandidate, type CandidatePlan, type PlanContext, type Step } from './routes';
import type { StandingKind } from './standing';
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
  /** Where the candidate stands: the reading the forecast uses too. */
  standing: StandingKind;
}

const NEXT_STEP_VERB: Record<string, string> = {
  sourced: 'Screen the candidate',
  screening: 'Interview the candidate',
  interview: 'Decide on an offer',
  offer: 'Get the offer accepted',
  accepted: 'Start licensure',
};

/** "J-1 waiver filed" stays capitalised; "Petition approved" reads "petition approved" inside a sentence. */
const inSentence = (name: string) => (/^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name);

/** Where the candidate is, in words: the stage and the visa status, with their dates. */
export function currentStepText(candidate: Candidate): string {
  const stage = `${stageName(candidate.stage)} since ${candidate.stageDate}`;
  if (candidate.stage === 'arrived' || candidate.stage === 'withdrawn' || ROUTES[candidate.visaRoute].statuses.length === 1) return stage;
  const visa =
    candidate.visaStatus === 'not-started'
      ? 'visa not started'
      : `${inSentence(visaStatusName(candidate.visaStatus))} ${candidate.visaStatusDate}`;
  return `${stage}; ${visa}`;
}

export function nextAction(
  candidate: Candidate,
  assumptions: Assumptions,
  now: IsoDate,
  context: Omit<PlanContext, 'now'> = {},
): NextAction {
  if (parseIsoDate(now) === null) throw new Error(`now: expected a YYYY-MM-DD date, got ${JSON.stringify(now)}`);
  return actionFor(candidate, planCandidate(candidate, assumptions, { ...context, now }), assumptions, now);
}

type Action = Omit<NextAction, 'candidateId' | 'standing'>;

/** The next action from a plan already made (the forecast's own), so the two read the same standing. */
export function actionFor(candidate: Candidate, plan: CandidatePlan, assumptions: Assumptions, now: IsoDate): NextAction {
  const nowDay = parseIsoDate(now) as number;
  const done = (action: Action): NextAction => ({ candidateId: candidate.id, standing: plan.standing.kind, ...action });
  const none = (action: string, confidence: Confidence = 'confirmed'): Action => ({
    action,
    date: null,
    dateKind: null,
    confidence,
    sources: [],
  });
  switch (plan.standing.kind) {
    case 'withdrawn':
      return done(none('None: the candidate has withdrawn.'));
    case 'arrived': {
      const arrived = parseIsoDate(candidate.stageDate);
      if (plan.serviceYears === null || arrived === null) return done(none('None: the candidate has arrived.'));
      const ends = formatIsoDate(addYears(arrived, plan.serviceYears));
      return done({
        action: `Arrived. The ${plan.serviceYears}-year waiver service at this site ends ${ends}: plan to retain them beyond it`,
        date: ends,
        dateKind: 'expected',
        confidence: 'confirmed',
        sources: ['S17'],
      });
    }
    case 'blocked':
      return done({
        ...none(`Choose another site or route: ${plan.visa.kind === 'blocked' ? plan.visa.reason : ''}`),
        sources: ['R12', 'R15'],
      });
    case 'recruiting':
      return done(recruitmentAction(candidate, plan, assumptions, nowDay));
    case 'training':
      return done(withAvailability(trainingAction(plan, nowDay), plan));
  }
  const anchorDay = parseIsoDate(candidate.stageDate) ?? nowDay;
  const visa = visaAction(candidate, plan, assumptions, nowDay);
  const licence = licensingAction(plan, anchorDay, nowDay);
  const chosen = choose(plan, visa, licence, assumptions, nowDay);
  if (chosen) return done(withAvailability(chosen, plan));
  if (plan.standing.kind === 'waiting-to-be-free') {
    return done({
      action: `Set the start date: every step is done and they are free from ${plan.availableFrom}`,
      date: plan.availableFrom,
      dateKind: 'opens',
      confidence: 'confirmed',
      sources: [],
    });
  }
  return done(none('Set the start date: every step is done (update the record if one is still open)'));
}

/**
 * A lapsed selection first; a calendar deadline next (unless the licence it needs cannot be ready in
 * time: then the licence); TN once licensed and certified; otherwise whichever is due sooner. A
 * licensing step chosen while the start waits for Oct 1 says so.
 */
function choose(plan: CandidatePlan, visa: Action | null, licence: Action | null, assumptions: Assumptions, nowDay: number): Action | null {
  if (plan.standing.kind === 'lapsed') return visa;
  if (!visa) return licence;
  if (!licence) return visa;
  if (plan.visaWhenReady) return licence;
  const calendar = visa.dateKind === 'deadline' || visa.dateKind === 'opens';
  if (calendar) {
    const late = licenceTooLate(plan, licence, assumptions, nowDay);
    return late ? { ...licence, action: `${licence.action}: ${late}` } : visa;
  }
  const sooner = visa.date !== null && licence.date !== null && visa.date < licence.date;
  if (sooner) return visa;
  return { ...licence, action: `${licence.action}${whileWaiting(plan)}` };
}

/** A licensing step chosen while the visa waits: what it waits for, so the action and the standing read alike. */
function whileWaiting(plan: CandidatePlan): string {
  const visa = plan.visa;
  if (visa.kind === 'h1b-lottery' && plan.standing.kind === 'waiting-for-oct-1') return `; the start waits for ${visa.capStart}`;
  if (visa.kind === 'conrad30' && visa.mode === 'filed') {
    const start = plan.availableFrom ? `at the end of training (${plan.availableFrom})` : 'on approval';
    return `; the Conrad 30 waiver filed ${visa.filedOn} is pending: the H-1B starts ${start}`;
  }
  return '';
}

/**
 * A physician's cap petition is filed with the licence, by June 30 of the selection year (R10): when
 * the licence is expected later than the next filing deadline, registering now would be wasted.
 */
function licenceTooLate(plan: CandidatePlan, licence: Action, assumptions: Assumptions, nowDay: number): string | null {
  const visa = plan.visa;
  if (visa.kind !== 'h1b-lottery' || visa.mode !== 'register' || plan.licenceGate === null || licence.date === null) return null;
  if (plan.licensing.steps[0]?.id !== 'medical-licence') return null;
  const window = nextRegistrationWindow(nowDay, assumptions);
  const deadline = capPetitionFilingCloses(window.year);
  if ((parseIsoDate(licence.date) as number) <= deadline) return null;
  return `a cap petition for a physician is filed with the licence, by June 30 of the selection year, so the FY${window.year + 1} lottery (registration ${formatIsoDate(window.opens)} to ${formatIsoDate(window.closes)}) comes too early — register in the first March whose June 30 the licence can meet`;
}

/**
 * A registration whose results are out with no selection recorded: the forecast takes it as not
 * selected, but the user may not have recorded one, so ask — as for a lapsed selection (B1). Results
 * by Mar 31, a selection filed Apr 1 – Jun 30 (S6–S8).
 */
function unrecordedSelection(fiscalYear: number, nowDay: number): string {
  const closes = capPetitionFilingCloses(fiscalYear - 1);
  const by = formatIsoDate(closes);
  return nowDay <= closes
    ? `Record the FY${fiscalYear} H-1B selection if the candidate was selected (results were out by ${fiscalYear - 1}-03-31; the cap petition is filed by ${by}): otherwise taken as not selected`
    : `Record the FY${fiscalYear} H-1B selection if the candidate was selected, with the cap petition’s filing if one was made by ${by}: otherwise taken as not selected`;
}

function withAvailability(action: Action, plan: CandidatePlan): Action {
  return plan.availableFrom ? { ...action, action: `${action.action} (free to start from ${plan.availableFrom})` } : action;
}

/** A step's finish: the median of its assumed duration (given it has not finished by today, for one under way), as the forecast's. */
function expected(action: string, day: number, sources: readonly string[]): Action {
  return { action, date: formatIsoDate(Math.round(day)), dateKind: 'expected', confidence: 'assumption', sources: [...sources] };
}

function recruitmentAction(candidate: Candidate, plan: CandidatePlan, assumptions: Assumptions, nowDay: number): Action {
  const step = plan.recruitment[0];
  const anchorDay = parseIsoDate(candidate.stageDate) ?? nowDay;
  const verb = NEXT_STEP_VERB[candidate.stage] ?? `Complete the ${step.label}`;
  let note = '';
  const { ecfmg, step3 } = plan.training;
  if (plan.visa.kind === 'h1b-lottery' && plan.visa.mode === 'register' && ecfmg === null) {
    const window = nextRegistrationWindow(nowDay, assumptions);
    note = `; the FY${window.year + 1} H-1B registration closes ${formatIsoDate(window.closes)}`;
  } else if (ecfmg) {
    // Casebook B3: certification and Step 3 come before any licence or lottery, whatever the stage.
    note = `; then ${[ecfmg, ...(step3 ? [step3] : [])].map((s) => s.label).join(', then ')}, before any licence or H-1B lottery`;
  }
  return expected(`${verb}${note}`, Math.max(anchorDay + medianDays(step.days, nowDay - anchorDay), nowDay), step.sources);
}

/** Certification and Step 3 before any licence or H-1B; a US residency through the Match. */
function trainingAction(plan: CandidatePlan, nowDay: number): Action {
  const { ecfmg, step3, residency } = plan.training;
  const h1b = plan.licenceGate !== null || plan.visa.kind === 'h1b-lottery';
  if (ecfmg) {
    const steps = [ecfmg, ...(step3 ? [step3] : [])];
    const finish = steps.reduce((day, step) => day + medianDays(step.days), nowDay);
    const petition = h1b
      ? '; an H-1B petition for a physician needs certification, Step 3 and the licence at filing, so enter an H-1B lottery only once all three can be in a petition filed by its June 30'
      : '';
    const gme = residency
      ? '; then a US residency through the Match'
      : '; most states require 1–3 years of US residency for a full licence: without one, the route is the Match or a state with an alternative licence for doctors trained abroad (S31)';
    return expected(`Complete ${steps.map((step) => step.label).join(', then ')} before any licence${petition}${gme}`, finish, [
      'S28',
      'R10',
      'S31',
    ]);
  }
  const year = yearOfDay(nowDay) + (nowDay > dayOf(yearOfDay(nowDay), 3, 15) ? 1 : 0);
  return {
    action: `Enter the ${year} Match (third Friday of March; residency from July 1, ${residency?.years} years) — a US residency comes before a licence`,
    date: formatIsoDate(dayOf(year, 3, 1)),
    dateKind: 'opens',
    confidence: 'assumption',
    sources: ['S26', 'S27'],
  };
}

/** The licence, then credentialing; the VisaScreen beside them. The one due first. */
function licensingAction(plan: CandidatePlan, anchorDay: number, nowDay: number): Action | null {
  const actions: Action[] = [];
  const step = plan.licensing.steps[0];
  if (step) {
    const start = plan.licensing.startedOn === null ? Math.max(nowDay, anchorDay) : anchorDay;
    const verb = step.id === 'credentialing' ? 'Complete' : 'Obtain the';
    // The median given that it has not finished by today, as the forecast samples it.
    const finish = start + medianDays(step.days, Math.max(nowDay - start, 0));
    actions.push(expected(`${verb} ${step.label}`, Math.max(Math.round(finish), nowDay), step.sources));
  }
  if (plan.visaScreen) {
    const screen = plan.visaScreen;
    actions.push(
      expected(`Obtain the ${screen.label} (needed for any visa, 8 CFR 212.15)`, nowDay + medianDays(screen.days), screen.sources),
    );
  }
  if (plan.recruitment.length > 0 && !step) {
    const wait = plan.recruitment[0];
    actions.push(
      expected(
        'Start the hire’s paperwork (the offer is accepted)',
        Math.max(anchorDay + medianDays(wait.days, nowDay - anchorDay), nowDay),
        wait.sources,
      ),
    );
  }
  return actions.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))[0] ?? null;
}

/** The visa track's next step at the candidate's visa status. */
function visaAction(candidate: Candidate, plan: CandidatePlan, assumptions: Assumptions, nowDay: number): Action | null {
  const visa = plan.visa;
  switch (visa.kind) {
    case 'none':
    case 'blocked':
      return null;
    case 'h1b-lottery': {
      const licenceNote =
        plan.licenceGate !== null && plan.licensing.steps[0]?.id === 'medical-licence'
          ? ' with the medical licence, which it needs at filing'
          : '';
      if (visa.lapsed || visa.mode === 'register') {
        const window = nextRegistrationWindow(nowDay, assumptions);
        const opens = formatIsoDate(window.opens);
        const closes = formatIsoDate(window.closes);
        const when = nowDay >= window.opens ? `by ${closes}` : `between ${opens} and ${closes}`;
        const register = `register for the FY${window.year + 1} H-1B lottery ${when} (earliest start ${formatIsoDate(earliestCapStart(window.year))})`;
        const lead = visa.lapsed
          ? `Record the cap petition’s filing if one was made by ${visa.lapsed.closed}: otherwise the FY${visa.lapsed.fiscalYear} selection of ${visa.lapsed.selectedOn} lapsed — ${register}`
          : visa.notSelectedFor
            ? `${unrecordedSelection(visa.notSelectedFor, nowDay)} — ${register}`
            : `R${register.slice(1)}`;
        return {
          action: lead,
          date: closes,
          dateKind: 'deadline',
          confidence: window.confirmed ? 'confirmed' : 'assumption',
          sources: visa.sources,
        };
      }
      const window = visa.filingWindow;
      switch (visa.mode) {
        case 'awaiting-selection': {
          const year = yearOfDay(parseIsoDate(visa.statusDate) as number);
          return {
            action: `Record whether the FY${year + 1} lottery selected the candidate (results by ${year}-03-31); if selected, file from ${window?.opens}${licenceNote}`,
            date: formatIsoDate(dayOf(year, 3, 31)),
            dateKind: 'expected',
            confidence: 'confirmed',
            sources: ['S6'],
          };
        }
        case 'selected': {
          const opens = formatIsoDate(Math.max(parseIsoDate(window?.opens as string) as number, nowDay));
          const fy = yearOfDay(parseIsoDate(visa.capStart as string) as number) + 1;
          return {
            action: `File the H-1B cap petition between ${opens} and ${window?.closes}${licenceNote} (selected for FY${fy}; start on or after ${visa.capStart}); a selection not filed by then lapses`,
            date: window?.closes ?? null,
            dateKind: 'deadline',
            confidence: 'confirmed',
            sources: ['S6', 'S7', 'R13'],
          };
        }
        case 'petition-filed':
          return expected(
            `Await the cap petition’s decision; start on or after ${visa.capStart}${visa.after[0] ? `, once the ${visa.after[0].label} is done` : ''}`,
            Math.max((parseIsoDate(visa.statusDate) as number) + visa.petitionDays, nowDay),
            visa.sources,
          );
        case 'approved': {
          const consular = visa.after[0];
          const capStart = parseIsoDate(visa.capStart as string) as number;
          if (!consular) {
            const when =
              capStart > nowDay ? `start on or after ${visa.capStart}` : `its fiscal year began ${visa.capStart}, so the start can be now`;
            return expected(`Set the start date: the cap petition is approved and ${when}`, Math.max(capStart, nowDay), visa.sources);
          }
          // Someone abroad starts once the visa is issued (casebook B2): the appointment is booked from
          // the approval or today, and the start is the later of that visa and the fiscal year's Oct 1.
          const from = Math.max(parseIsoDate(visa.statusDate) as number, nowDay);
          const visaDay = Math.round(from + medianDays(consular.days));
          const when =
            capStart > nowDay
              ? `the start is on or after ${visa.capStart} (the fiscal year’s Oct 1) once the visa is issued`
              : `the petition’s fiscal year began ${visa.capStart}, so the start waits only for the visa`;
          return expected(`Book the ${consular.label}: ${when}`, Math.max(capStart, visaDay), [...visa.sources, ...consular.sources]);
        }
      }
      return null;
    }
    case 'conrad30': {
      const rule = 'it waives the J-1 two-year home-residency rule (INA §212(e))';
      const training = plan.availableFrom ? `at the end of training (${plan.availableFrom})` : 'on approval';
      if (visa.mode === 'filed') {
        const filed = parseIsoDate(visa.filedOn as string) as number;
        return expected(
          `Conrad 30 waiver filed ${visa.filedOn}: await the state’s recommendation, the State Department and USCIS; the H-1B starts ${training}, and work must begin within ${visa.startWithinDays} days of it; ${assumptions.waiverServiceYears} years’ full-time service at the site follow`,
          Math.max(Math.round(filed + medianDays(visa.filingToStart, Math.max(nowDay - filed, 0))), nowDay),
          visa.sources,
        );
      }
      const fiscalYear = nextWindowYear(visa.window, nowDay, visa.filledAtOpening, visa.firstFiscalYear);
      const { opens, closes } = windowDays(visa.window, fiscalYear, visa.filledAtOpening);
      const state = visa.state || 'the state';
      const flex = visa.pool === 'flex' ? ' for a flex slot' : '';
      const filled = visa.filledAtOpening ? '; its slots all go the day it opens' : '';
      const j1 = visa.j1Ends ? `; file before the J-1 ends (${visa.j1Ends})` : '';
      const window = `${state} takes applications ${visa.window.text}${filled}`;
      const action =
        opens > nowDay
          ? `File the Conrad 30 application${flex} with ${state} when its FY${fiscalYear} window opens (${formatIsoDate(opens)}): ${window}${j1}; ${rule}`
          : `File the Conrad 30 application${flex} with ${state} now: its FY${fiscalYear} window is open until ${formatIsoDate(closes)} while slots last (${window})${j1}; ${rule}`;
      return {
        action,
        date: formatIsoDate(opens > nowDay ? opens : closes),
        dateKind: opens > nowDay ? 'opens' : 'deadline',
        confidence: 'assumption',
        sources: [...visa.sources, ...visa.window.sources],
      };
    }
    case 'steps': {
      const step: Step | undefined = visa.chain.steps[0];
      const started = visa.chain.startedOn === null ? null : (parseIsoDate(visa.chain.startedOn) as number);
      const waiver = ROUTES[candidate.visaRoute].waiver ? ' (J-1 two-year home-residency rule, INA §212(e), waived on approval)' : '';
      if (!step) return null;
      if (plan.effectiveRoute === 'tn' && started === null) {
        const where = visa.chain.steps.length > 1 ? 'the TN visa at a consulate, then admission' : 'TN admission at the border';
        return expected(
          `Apply for ${where} once licensed and with the VisaScreen certificate (R17)`,
          nowDay + medianDays(step.days),
          step.sources,
        );
      }
      if (started === null) return expected(`Start the ${step.label}${waiver}`, nowDay + medianDays(step.days), step.sources);
      const finish = started + medianDays(step.days, Math.max(nowDay - started, 0));
      return expected(`Await the ${step.label}${waiver}`, Math.max(Math.round(finish), nowDay), step.sources);
    }
  }
}
