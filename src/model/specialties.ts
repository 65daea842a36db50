// The one list of roles the product plans for: physician specialties and laboratory roles, with the
// federal occupation codes (SOC 2018, as DOL and BLS file them) and how HRSA's shortage disciplines
// group them. Targets, the pipeline importer, suggestions, the map and the market views all read it.
import type { Profession } from './types';

export interface SpecialtyInfo {
  /** The stored value (workspace files, CSV imports): lower case, stable. */
  id: string;
  profession: Profession;
  /** Shown on screen and in reports. */
  label: string;
  /** SOC 2018 detailed occupation; several specialties share "29-1229 Physicians, all other". */
  soc: string;
  /** HRSA discipline whose HPSA designations count this specialty toward removing a shortage. */
  hpsaDiscipline?: 'Primary Care' | 'Mental Health';
}

export const SPECIALTY_LIST = [
  // HRSA primary care: family medicine, general internal medicine, pediatrics, OB/GYN (42 CFR 5, Appendix A).
  { id: 'family medicine', profession: 'physician', label: 'Family medicine', soc: '29-1215', hpsaDiscipline: 'Primary Care' },
  { id: 'internal medicine', profession: 'physician', label: 'General internal medicine', soc: '29-1216', hpsaDiscipline: 'Primary Care' },
  { id: 'pediatrics', profession: 'physician', label: 'Pediatrics', soc: '29-1221', hpsaDiscipline: 'Primary Care' },
  { id: 'ob/gyn', profession: 'physician', label: 'Obstetrics and gynecology', soc: '29-1218', hpsaDiscipline: 'Primary Care' },
  // HRSA mental health counts psychiatrists (among other professions).
  { id: 'psychiatry', profession: 'physician', label: 'Psychiatry', soc: '29-1223', hpsaDiscipline: 'Mental Health' },
  { id: 'hospitalist', profession: 'physician', label: 'Hospital medicine (hospitalist)', soc: '29-1229' },
  { id: 'emergency medicine', profession: 'physician', label: 'Emergency medicine', soc: '29-1214' },
  { id: 'anesthesiology', profession: 'physician', label: 'Anesthesiology', soc: '29-1211' },
  { id: 'radiology', profession: 'physician', label: 'Radiology', soc: '29-1224' },
  { id: 'neurology', profession: 'physician', label: 'Neurology', soc: '29-1217' },
  { id: 'cardiology', profession: 'physician', label: 'Cardiology', soc: '29-1212' },
  { id: 'general surgery', profession: 'physician', label: 'General surgery', soc: '29-1249' },
  { id: 'pathology', profession: 'physician', label: 'Pathology', soc: '29-1222' },
  { id: 'pulmonary/critical care', profession: 'physician', label: 'Pulmonary and critical care medicine', soc: '29-1229' },
  { id: 'gastroenterology', profession: 'physician', label: 'Gastroenterology', soc: '29-1229' },
  { id: 'oncology', profession: 'physician', label: 'Hematology and oncology', soc: '29-1229' },
  { id: 'nephrology', profession: 'physician', label: 'Nephrology', soc: '29-1229' },
  { id: 'endocrinology', profession: 'physician', label: 'Endocrinology', soc: '29-1229' },
  { id: 'infectious disease', profession: 'physician', label: 'Infectious disease', soc: '29-1229' },
  { id: 'geriatrics', profession: 'physician', label: 'Geriatric medicine', soc: '29-1229' },
  { id: 'neonatology', profession: 'physician', label: 'Neonatology', soc: '29-1229' },
  { id: 'urology', profession: 'physician', label: 'Urology', soc: '29-1229' },
  { id: 'orthopedic surgery', profession: 'physician', label: 'Orthopedic surgery', soc: '29-1242' },
  { id: 'dermatology', profession: 'physician', label: 'Dermatology', soc: '29-1213' },
  { id: 'ophthalmology', profession: 'physician', label: 'Ophthalmology', soc: '29-1241' },
  // Laboratory roles: SOC 29-2011 technologists (MLS, cytotechnologists, histotechnologists) and 29-2012 technicians (MLT).
  { id: 'medical laboratory scientist', profession: 'mls', label: 'Medical laboratory scientist (MLS)', soc: '29-2011' },
  { id: 'medical laboratory technician', profession: 'mls', label: 'Medical laboratory technician (MLT)', soc: '29-2012' },
  { id: 'cytotechnologist', profession: 'mls', label: 'Cytotechnologist', soc: '29-2011' },
  { id: 'histotechnologist', profession: 'mls', label: 'Histotechnologist', soc: '29-2011' },
] as const satisfies readonly SpecialtyInfo[];

export type SpecialtyId = (typeof SPECIALTY_LIST)[number]['id'];

/**
 * Groups a target may name instead of one specialty. "primary care" is HRSA's definition, so a target
 * suggested from primary-care HPSAs is met by any of the four specialties that remove them.
 */
export const SPECIALTY_GROUPS = {
  'primary care': {
    label: 'Primary care (family medicine, general internal medicine, pediatrics, OB/GYN)',
    members: ['family medicine', 'internal medicine', 'pediatrics', 'ob/gyn'],
  },
} as const satisfies Record<string, { label: string; members: readonly SpecialtyId[] }>;

export type SpecialtyGroup = keyof typeof SPECIALTY_GROUPS;

const GROUPS: Partial<Record<string, { label: string; members: readonly string[] }>> = SPECIALTY_GROUPS;
const BY_ID = new Map<string, SpecialtyInfo>(SPECIALTY_LIST.map((s) => [s.id, s]));

export const specialtyInfo = (id: string): SpecialtyInfo | undefined => BY_ID.get(id);

export const specialtiesOf = (profession: Profession): SpecialtyInfo[] => SPECIALTY_LIST.filter((s) => s.profession === profession);

/** What a target's specialty stands for: a group's members, or the one specialty. */
export function specialtyMembers(specialtyOrGroup: string): readonly string[] {
  return GROUPS[specialtyOrGroup]?.members ?? [specialtyOrGroup];
}

/** The label shown for a specialty or group id; an unknown id is shown as written. */
export function specialtyLabel(id: string): string {
  return GROUPS[id]?.label ?? BY_ID.get(id)?.label ?? id;
}
