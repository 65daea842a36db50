// The plan of one candidate as plain types: what still stands between them and arrival (routes.ts
// builds it) and where they stand (standing.ts names it). Types only, so the two modules that fill
// a plan in share them without importing each other.
import type { IsoDate, VisaRoute } from '../types';
import type { ConradWindow } from './conrad-windows';
import type { RouteFees } from './fees';
import type { WaiverProgram } from './visa-routes';
import type { SiteEligibility } from './waiver-sites';

/** A triangular distribution of a duration in days. */
export interface Duration {
  minDays: number;
  modeDays: number;
  maxDays: number;
}

export interface Step {
  id: string;
  label: string;
  days: Duration;
  /** Chance the candidate does not withdraw (or get rejected) during the step. */
  successProbability: number;
  sources: string[];
}

/** Steps one after another; the first began on `startedOn`, or begins when its track starts. */
export interface Chain {
  steps: Step[];
  startedOn: IsoDate | null;
}

export type LotteryMode =
  /** Enter the next lottery whose registration closes after the visa track starts. */
  | 'register'
  /** Registered for this year's lottery; selections not announced yet. */
  | 'awaiting-selection'
  /** Selected: files Apr 1–Jun 30, starts on Oct 1 or approval; never registered again. */
  | 'selected'
  | 'petition-filed'
  | 'approved';

export type VisaProcess =
  | { kind: 'none' }
  /** The route cannot bring the candidate here (e.g. the waiver site does not qualify). */
  | { kind: 'blocked'; reason: string }
  | { kind: 'steps'; chain: Chain; successProbability: number; sources: string[] }
  | {
      kind: 'h1b-lottery';
      mode: LotteryMode;
      /** Date of the visa status that fixed the mode ('' for register). */
      statusDate: IsoDate;
      /** The Oct 1 a selected, filed or approved petition (or this year's awaited selection) starts on at the earliest. */
      capStart: IsoDate | null;
      /** Where this year's selection is filed (awaiting selection, or selected). */
      filingWindow: { opens: IsoDate; closes: IsoDate } | null;
      /** A selection whose filing window closed without a filing recorded: it lapsed, and the lottery starts over. */
      lapsed: { selectedOn: IsoDate; closed: IsoDate; fiscalYear: number } | null;
      /** A registration whose selections are out and not marked selected: the fiscal year it was for. */
      notSelectedFor: number | null;
      selectionProbability: number;
      maxLotteries: number;
      /** Calendar days from filing to a decided petition. */
      petitionDays: number;
      /** Steps after approval, e.g. the visa appointment abroad. */
      after: Step[];
      successProbability: number;
      sources: string[];
    }
  | {
      kind: 'conrad30';
      /** apply: competes for the state's slots; filed: holds a slot of the fiscal year it was filed in. */
      mode: 'apply' | 'filed';
      filedOn: IsoDate | null;
      state: string;
      pool: 'regular' | 'flex';
      /** When the state takes applications and how it gives out its slots. */
      window: ConradWindow;
      /** The state's slots all go the day its window opens. */
      filledAtOpening: boolean;
      /** The last day an application can be filed in J-1 status (the program's end + 30 days); null when not known. */
      j1Ends: IsoDate | null;
      /**
       * The fiscal year of the H-1B start (the end of training): no window of an earlier fiscal year is
       * filed in (casebook A1, R1); null when the physician is free now or the end is not known.
       */
      firstFiscalYear: number | null;
      filingToStart: Duration;
      /** A start later than this many days after the H-1B's validity begins is flagged (INA §214(l); R14). */
      startWithinDays: number;
      successProbability: number;
      sources: string[];
    };

export interface TrainingPlan {
  /** USMLE Step 1, Step 2 CK and the communication requirement, from today. */
  ecfmg: Step | null;
  /** USMLE Step 3, after certification: an H-1B physician and a full licence need it (R10). */
  step3: Step | null;
  /** Matching into a US residency and completing it. */
  residency: { matchProbability: number; attempts: number; years: number } | null;
}

/** The $100,000 fee's input (h1b-fee.ts): only a new H-1B petition not yet filed for someone abroad can still owe it. */
export interface FeeExposure {
  /** 1: abroad; between 0 and 1: the share assumed abroad when the candidate's location is not recorded. */
  abroad: number;
}

export interface CandidatePlan {
  /** Where the candidate stands, in one word and one sentence: the forecast's and the next action's common reading. */
  standing: Standing;
  /** Fixed dates that matter for the candidate (end of training, the H-1B calendar, a waiver window, J-1 end). */
  milestones: Milestone[];
  status: 'active' | 'arrived' | 'withdrawn';
  /** The date the candidate entered the current stage; the first remaining recruitment step began then. */
  anchorDate: IsoDate;
  /** Remaining stages up to and including 'accepted', in order. */
  recruitment: Step[];
  training: TrainingPlan;
  /** Licence then credentialing, whichever remain; they start when recruitment and training allow. */
  licensing: Chain;
  /**
   * A physician's H-1B petition is filed once the licence is granted (R10): the visa finishes no
   * sooner than this many days after it (the petition's decision); null where no such rule applies.
   */
  licenceGate: number | null;
  /** TN: admission (at the border, or the visa abroad) comes once everything else is done (R17). */
  visaWhenReady: boolean;
  /** CGFNS VisaScreen for MLS/MLT without one; starts with the visa track. */
  visaScreen: Step | null;
  visa: VisaProcess;
  /** The route the visa process follows (a cap-exempt H-1B moving to a cap-subject employer is a lottery). */
  effectiveRoute: VisaRoute;
  /** First day the person can start; '' when free now. */
  availableFrom: IsoDate;
  /** Years of waiver service that follow arrival (the retention cliff); null when none. */
  serviceYears: number | null;
  feeExposure: FeeExposure | null;
  fees: RouteFees;
  /**
   * The route's petition (the H-1B after a waiver, or the route's own) is filed: its fees are spent.
   * A waiver filed or approved is not the petition (S17, S25): its fees are still ahead.
   */
  petitionFiled: boolean;
  /** The H-1B six-year maximum: the day H-1B time runs out for someone in H-1B status now (R12); null when not binding or unknown. */
  h1bLimit: IsoDate | null;
}

export interface PlanContext {
  now: IsoDate;
  /** OEWS wage level of the offer (a matched target's saved offer); the profession's default otherwise. */
  wageLevel?: number;
  /** Waiver-site eligibility of the candidate's site; unknown sites plan as eligible. */
  site?: SiteEligibility;
  /** The site's eligibility for another waiver program, to name the alternatives when a route is closed. */
  siteFor?: (program: WaiverProgram) => SiteEligibility | undefined;
}

export type StandingKind =
  | 'arrived'
  | 'withdrawn'
  /** The route cannot bring them here (a waiver site that does not qualify, Conrad 30 closed, the H-1B time used up). */
  | 'blocked'
  /** The offer is not accepted yet. */
  | 'recruiting'
  /** ECFMG certification, USMLE Step 3 or a US residency comes first. */
  | 'training'
  /** An H-1B selection whose filing window closed with no filing recorded: the lottery starts over. */
  | 'lapsed'
  /** The next H-1B lottery is ahead (including after a registration not selected). */
  | 'register'
  | 'awaiting-selection'
  /** Selected: the cap petition is to be filed in its window. */
  | 'file-petition'
  /** A cap petition filed or approved for a fiscal year that has not begun: the start waits for its Oct 1. */
  | 'waiting-for-oct-1'
  /** A J-1 waiver application still to be filed. */
  | 'waiver-to-file'
  /** A J-1 waiver filed, awaiting the state, the State Department and USCIS. */
  | 'waiver-pending'
  /** A petition or another visa step under way or to take. */
  | 'visa-pending'
  /** Only steps of the hire's own remain: the licence, credentialing, the VisaScreen, the start of the paperwork. */
  | 'in-progress'
  /** Every step is done; the person is free from a later day (end of training, notice). */
  | 'waiting-to-be-free'
  /** Nothing remains: the person can start now. */
  | 'ready';

export interface Standing {
  kind: StandingKind;
  /** Where the candidate stands, in one sentence. */
  summary: string;
}

export type MilestoneKind =
  | 'free-from'
  | 'registration-opens'
  | 'registration-closes'
  | 'selections-announced'
  | 'filing-opens'
  | 'filing-deadline'
  | 'cap-start'
  | 'waiver-window'
  | 'j1-ends'
  | 'h1b-limit'
  /** A matched target's due date (added by the forecast, which knows the targets). */
  | 'due-date';

/** A fixed date that matters for the candidate, to draw as a rule on their timeline. */
export interface Milestone {
  kind: MilestoneKind;
  date: IsoDate;
  label: string;
  /** A due date's target. */
  targetId?: string;
}
