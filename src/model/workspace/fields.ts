// Field rules shared by the workspace file and the pipeline CSV, so both accept the same values.

import { SPECIALTY_GROUPS, specialtiesOf } from '../specialties';
import type { Profession } from '../types';
import { stateByCode, stateByFips } from './us-states';

export const MAX_ID_LENGTH = 200;
export const MAX_TEXT_LENGTH = 10_000;

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

/** The specialties a candidate of the profession may carry (src/model/specialties.ts). */
export function specialtiesFor(profession: Profession): readonly string[] {
  return specialtiesOf(profession).map((s) => s.id);
}

/** What a target may name: a specialty, or a group of them such as HRSA's "primary care". */
export function targetSpecialtiesFor(profession: Profession): readonly string[] {
  const groups = Object.entries(SPECIALTY_GROUPS).flatMap(([id, group]) => (group.profession === profession ? [id] : []));
  return [...groups, ...specialtiesFor(profession)];
}
