// The one clock of the app. "Today" is the user's local calendar date: a recruiter in California at
// 8 pm on 31 March is still in Q1, whatever UTC says. Screens and the report read the same clock, so
// they never disagree about what is overdue or which quarter comes next; tests inject a fixed one.
import type { IsoDate } from '../../model/types';

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The current date in the user's time zone, YYYY-MM-DD. */
  today(): IsoDate;
}

/** YYYY-MM-DD of an instant in the time zone this code runs in. */
export function localIsoDate(d: Date): IsoDate {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => localIsoDate(new Date()),
};

/** A clock stopped at one instant (tests, reproducible reports). */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant), today: () => localIsoDate(instant) };
}
