// Field rules shared by the workspace file and the pipeline CSV, so both accept the same values.

import { SPECIALTIES, type Profession } from '../types';
import { stateByCode, stateByFips } from './us-states';

export const MAX_ID_LENGTH = 200;
export const MAX_TEXT_LENGTH = 10_000;
export const MLS_SPECIALTY = 'medical laboratory';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Why a county FIPS is not usable, or null when it is: five digits whose state prefix is known. */
export function countyFipsProblem(fips: string): string | null {
  if (!/^\d{5}$/.test(fips)) return 'expected a five-digit county FIPS code as text, e.g. "06037"';
  if (!stateByFips(fips.slice(0, 2))) return `"${fips.slice(0, 2)}" is not a US state or territory FIPS prefix`;
  return null;
}

/** True when the county lies in the state (its FIPS starts with the state's two digits). */
export function countyInState(fips: string, stateCode: string): boolean {
  return stateByCode(stateCode)?.fips === fips.slice(0, 2);
}

/** The specialties a profession may carry: a planned physician specialty, or 'medical laboratory'. */
export function specialtiesFor(profession: Profession): readonly string[] {
  return profession === 'physician' ? SPECIALTIES : [MLS_SPECIALTY];
}
