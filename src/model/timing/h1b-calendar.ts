// The H-1B cap calendar: registration in March, petitions from April 1, earliest start Oct 1
// (the first day of the fiscal year the cap counts against) (S6, S7, S8).
// Only the FY2027 window is confirmed; other years repeat its month and day (an assumption).

import type { Assumptions } from './assumptions';
import { dayOf, parseIsoDate, sameDateInYear, yearOfDay } from '../calendar';

export interface RegistrationWindow {
  /** Calendar year of the March registration. */
  year: number;
  opens: number;
  closes: number;
  /** True when the window is the one confirmed by the sources, not projected to another year. */
  confirmed: boolean;
}

export function registrationWindow(year: number, assumptions: Assumptions): RegistrationWindow {
  const opens = parseIsoDate(assumptions.h1bRegistrationOpens) as number;
  const closes = parseIsoDate(assumptions.h1bRegistrationCloses) as number;
  return {
    year,
    opens: sameDateInYear(opens, year),
    closes: sameDateInYear(closes, year),
    confirmed: yearOfDay(opens) === year,
  };
}

/** The first registration window that has not closed by `day`. */
export function nextRegistrationWindow(day: number, assumptions: Assumptions): RegistrationWindow {
  const year = yearOfDay(day);
  const sameYear = registrationWindow(year, assumptions);
  return day <= sameYear.closes ? sameYear : registrationWindow(year + 1, assumptions);
}

/** Selected registrants start no earlier than Oct 1 of the registration year. */
export function earliestCapStart(year: number): number {
  return dayOf(year, 10, 1);
}

/** Cap petitions are filed from April 1 of the registration year. */
export function capPetitionFilingOpens(year: number): number {
  return dayOf(year, 4, 1);
}

/** Calendar days for USCIS to decide a petition under the chosen processing. */
export function petitionDecisionDays(assumptions: Assumptions): number {
  return assumptions.usePremiumProcessing ? premiumCalendarDays(assumptions) : assumptions.standardProcessingDays;
}

/** Extra days a premium-processing-based estimate needs when premium processing is not used. */
export function standardProcessingDelay(assumptions: Assumptions): number {
  return assumptions.usePremiumProcessing ? 0 : Math.max(0, assumptions.standardProcessingDays - premiumCalendarDays(assumptions));
}

function premiumCalendarDays(assumptions: Assumptions): number {
  return (assumptions.premiumProcessingBusinessDays * 7) / 5;
}
