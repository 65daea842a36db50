// The H-1B cap calendar: registration in March, petitions from April 1, earliest start Oct 1
// (the first day of the fiscal year the cap counts against) (S6, S7, S8).
// Only the FY2027 window is confirmed; other years repeat its month and day (an assumption).

import type { Assumptions } from './assumptions';
import { dayOf, monthOfDay, parseIsoDate, sameDateInYear, yearOfDay } from '../calendar';

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

/** Cap petitions of March's selections are filed by June 30 of the registration year. */
export function capPetitionFilingCloses(year: number): number {
  return dayOf(year, 6, 30);
}

/**
 * Days a later selection round leaves for filing: its notice states the window (R13); about three
 * months, as USCIS gave FY2024's July round, is assumed.
 */
const LATER_ROUND_FILING_DAYS = 90;

/** Where a selection of `selectedOn` may be filed, and the Oct 1 its fiscal year starts on (R13). */
export function capFilingWindow(selectedOn: number): { opens: number; closes: number; capStart: number } {
  const year = yearOfDay(selectedOn);
  if (monthOfDay(selectedOn) <= 3)
    return { opens: capPetitionFilingOpens(year), closes: capPetitionFilingCloses(year), capStart: earliestCapStart(year) };
  return { opens: selectedOn, closes: selectedOn + LATER_ROUND_FILING_DAYS, capStart: earliestCapStart(year) };
}

/**
 * The Oct 1 a cap petition filed or approved on `day` waits for: petitions are filed from April 1 of
 * the selection year for the fiscal year starting that Oct 1, so a filing or an approval from April on
 * is for that year's Oct 1, and one from January to March for the previous year's (R13): an approval
 * in January for the fiscal year that began in October starts on approval.
 */
export function capStartOfPetition(day: number): number {
  const year = yearOfDay(day);
  return earliestCapStart(monthOfDay(day) >= 4 ? year : year - 1);
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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why no H-1B cap lottery can have registered or selected someone on `date` (YYYY-MM-DD), or
 * undefined when one could. Registration is in March; March's selections are announced by March 31
 * and filed April 1–June 30 (S6, S7, S8); later rounds, when too few of them were filed, come after
 * that window — FY 2022 had three rounds, FY 2024's second was in July, FY 2025 had one (S1, S2, S3) —
 * and FY 2026 (registration of March 2025) had none (S4, S5). Only what these rules rule out is
 * flagged: a later round in another year's July–December may have happened. Dates before the
 * registration system (March 2020, the first year S1 counts) are not judged.
 */
export function lotteryDateProblem(status: 'registered' | 'selected', date: string): string | undefined {
  const day = parseIsoDate(date);
  if (day === null) return undefined;
  const year = yearOfDay(day);
  const month = monthOfDay(day);
  if (year < 2020 || month === 3) return undefined;
  const when = `${MONTHS[month - 1]} ${year}`;
  if (status === 'registered') return `H-1B cap registration is open only in March (S6, S8), not in ${when}`;
  if (month < 3)
    return `no H-1B lottery selects in ${when}: the year's registration is in March and its selections are announced by March 31 (S6)`;
  if (month <= 6)
    return `no H-1B lottery selects in ${when}: March's selections are filed April 1–June 30 and a later round comes only after that window (S6, S2)`;
  if (year === 2025)
    return `no H-1B lottery selected in ${when}: FY 2026's selections were announced in March 2025, with no second round (S4, S5)`;
  return undefined;
}
