// When each state takes Conrad 30 applications for a federal fiscal year (Oct 1–Sep 30), and how it
// gives out its 30 slots. Most states open on Oct 1, the first day of the fiscal year (R14, from the
// casebook's R1), and serve applications first come while slots last; a few take them in a window
// before or during the year, and some rank the applications of the window. Where every slot goes on
// the day a window opens (Texas: within minutes, S21), an application not in by then waits for the
// next year's window — a state list the user can edit (assumptions: conrad30StatesFilledAtOpening).

import { fiscalYearOf, fiscalYearStart } from '../calendar';

export interface ConradWindow {
  /** Days from the fiscal year's first day (Oct 1) to the window's first and last day; negative: before it. */
  opensOffset: number;
  closesOffset: number;
  /** Applications of the window are ranked together: filing earlier inside it gains nothing. */
  ranked: boolean;
  /** The window in words, for next actions. */
  text: string;
  sources: readonly string[];
}

/** Oct 1 to Sep 30: the fiscal year, first come, first served. */
export const DEFAULT_CONRAD_WINDOW: ConradWindow = {
  opensOffset: 0,
  closesOffset: 364,
  ranked: false,
  text: 'from Oct 1, the first day of the fiscal year, first come',
  sources: ['R14'],
};

const SEPTEMBER_1 = -30;

const STATE_WINDOWS: Readonly<Record<string, ConradWindow>> = {
  TX: {
    opensOffset: SEPTEMBER_1,
    closesOffset: -1,
    ranked: true,
    text: 'in September, before the fiscal year, ranked',
    sources: ['R15', 'S21'],
  },
  NY: {
    opensOffset: SEPTEMBER_1,
    closesOffset: 65,
    ranked: true,
    text: 'from September to early December',
    sources: ['R15'],
  },
  CA: {
    opensOffset: 0,
    closesOffset: 272,
    ranked: false,
    text: 'from October to June (primary care)',
    sources: ['R15'],
  },
};

export function conradWindow(state: string): ConradWindow {
  return Object.hasOwn(STATE_WINDOWS, state) ? STATE_WINDOWS[state] : DEFAULT_CONRAD_WINDOW;
}

/** The window's first and last day for fiscal year `fiscalYear`; with `filledAtOpening`, it closes the day it opens. */
export function windowDays(window: ConradWindow, fiscalYear: number, filledAtOpening: boolean): { opens: number; closes: number } {
  const start = fiscalYearStart(fiscalYear);
  const opens = start + window.opensOffset;
  return { opens, closes: filledAtOpening ? opens : start + window.closesOffset };
}

/**
 * The first fiscal year whose window has not closed on `day`, and no earlier than `firstFiscalYear`
 * (the fiscal year of the H-1B start, for a physician still in training: states take applications in
 * the fall for physicians finishing the next June, so a slot of the closing fiscal year is not theirs;
 * casebook A1, R1).
 */
export function nextWindowYear(window: ConradWindow, day: number, filledAtOpening: boolean, firstFiscalYear: number | null = null): number {
  let fiscalYear = Math.max(fiscalYearOf(day) - 1, firstFiscalYear ?? -Infinity);
  while (windowDays(window, fiscalYear, filledAtOpening).closes < day) fiscalYear++;
  return fiscalYear;
}

/** The fiscal year an H-1B starting on `startDay` (the end of training) is in; null when the start is not known. */
export function startFiscalYear(startDay: number | null): number | null {
  return startDay === null ? null : fiscalYearOf(startDay);
}
