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
  /** Other spellings a pipeline spreadsheet may use (case, spaces and punctuation are ignored). */
  aliases?: readonly string[];
  /**
   * Lab roles only: a health care worker certificate (CGFNS VisaScreen) is required for a visa
   * (8 CFR 212.15(c): medical technologists and technicians; USCIS and CGFNS exclude specialists such
   * as cytotechnologists and histotechnologists).
   */
  visaScreen?: boolean;
  /** Lab roles only: the usual entry degree; H-1B needs a bachelor's-level (specialty) occupation. */
  entryDegree?: 'bachelor' | 'associate';
}

export const SPECIALTY_LIST = [
  // HRSA primary care: family medicine, general internal medicine, pediatrics, OB/GYN (42 CFR 5, Appendix A).
  {
    id: 'family medicine',
    profession: 'physician',
    label: 'Family medicine',
    soc: '29-1215',
    hpsaDiscipline: 'Primary Care',
    aliases: ['family practice', 'family physician', 'general practice', 'fm', 'primary care'],
  },
  {
    id: 'internal medicine',
    profession: 'physician',
    label: 'General internal medicine',
    soc: '29-1216',
    hpsaDiscipline: 'Primary Care',
    aliases: ['general internal medicine', 'internist', 'im'],
  },
  {
    id: 'pediatrics',
    profession: 'physician',
    label: 'Pediatrics',
    soc: '29-1221',
    hpsaDiscipline: 'Primary Care',
    aliases: ['paediatrics', 'general pediatrics', 'pediatrician', 'peds'],
  },
  {
    id: 'ob/gyn',
    profession: 'physician',
    label: 'Obstetrics and gynecology',
    soc: '29-1218',
    hpsaDiscipline: 'Primary Care',
    aliases: ['obgyn', 'obstetrics and gynecology', 'obstetrics and gynaecology', 'obstetrics', 'gynecology', 'obstetrician'],
  },
  // HRSA mental health counts psychiatrists (among other professions).
  {
    id: 'psychiatry',
    profession: 'physician',
    label: 'Psychiatry',
    soc: '29-1223',
    hpsaDiscipline: 'Mental Health',
    aliases: ['general psychiatry', 'psychiatrist'],
  },
  {
    id: 'hospitalist',
    profession: 'physician',
    label: 'Hospital medicine (hospitalist)',
    soc: '29-1229',
    aliases: ['hospital medicine', 'hospitalist physician'],
  },
  {
    id: 'emergency medicine',
    profession: 'physician',
    label: 'Emergency medicine',
    soc: '29-1214',
    aliases: ['emergency', 'emergency physician', 'em'],
  },
  {
    id: 'anesthesiology',
    profession: 'physician',
    label: 'Anesthesiology',
    soc: '29-1211',
    aliases: ['anaesthesiology', 'anesthesia', 'anaesthesia', 'anesthesiologist'],
  },
  { id: 'radiology', profession: 'physician', label: 'Radiology', soc: '29-1224', aliases: ['diagnostic radiology', 'radiologist'] },
  { id: 'neurology', profession: 'physician', label: 'Neurology', soc: '29-1217', aliases: ['neurologist'] },
  {
    id: 'cardiology',
    profession: 'physician',
    label: 'Cardiology',
    soc: '29-1212',
    aliases: ['cardiovascular disease', 'cardiologist', 'interventional cardiology'],
  },
  { id: 'general surgery', profession: 'physician', label: 'General surgery', soc: '29-1249', aliases: ['surgery', 'general surgeon'] },
  {
    id: 'pathology',
    profession: 'physician',
    label: 'Pathology',
    soc: '29-1222',
    aliases: ['pathologist', 'anatomic and clinical pathology'],
  },
  {
    id: 'pulmonary/critical care',
    profession: 'physician',
    label: 'Pulmonary and critical care medicine',
    soc: '29-1229',
    aliases: [
      'pulmonary and critical care',
      'pulmonary critical care medicine',
      'pulmonology',
      'pulmonary',
      'critical care',
      'intensivist',
      'pccm',
    ],
  },
  { id: 'rheumatology', profession: 'physician', label: 'Rheumatology', soc: '29-1229', aliases: ['rheumatologist'] },
  { id: 'gastroenterology', profession: 'physician', label: 'Gastroenterology', soc: '29-1229', aliases: ['gastroenterologist', 'gi'] },
  {
    id: 'oncology',
    profession: 'physician',
    label: 'Hematology and oncology',
    soc: '29-1229',
    aliases: ['hematology and oncology', 'hematology/oncology', 'hematology oncology', 'medical oncology', 'oncologist'],
  },
  { id: 'nephrology', profession: 'physician', label: 'Nephrology', soc: '29-1229', aliases: ['nephrologist'] },
  { id: 'endocrinology', profession: 'physician', label: 'Endocrinology', soc: '29-1229', aliases: ['endocrinologist'] },
  {
    id: 'infectious disease',
    profession: 'physician',
    label: 'Infectious disease',
    soc: '29-1229',
    aliases: ['infectious diseases', 'infectious disease physician'],
  },
  {
    id: 'geriatrics',
    profession: 'physician',
    label: 'Geriatric medicine',
    soc: '29-1229',
    aliases: ['geriatric medicine', 'geriatrician'],
  },
  {
    id: 'neonatology',
    profession: 'physician',
    label: 'Neonatology',
    soc: '29-1229',
    aliases: ['neonatal-perinatal medicine', 'neonatologist'],
  },
  { id: 'urology', profession: 'physician', label: 'Urology', soc: '29-1229', aliases: ['urologist'] },
  {
    id: 'orthopedic surgery',
    profession: 'physician',
    label: 'Orthopedic surgery',
    soc: '29-1242',
    aliases: ['orthopaedic surgery', 'orthopedics', 'orthopaedics', 'orthopedic surgeon'],
  },
  { id: 'dermatology', profession: 'physician', label: 'Dermatology', soc: '29-1213', aliases: ['dermatologist'] },
  { id: 'ophthalmology', profession: 'physician', label: 'Ophthalmology', soc: '29-1241', aliases: ['ophthalmologist'] },
  // Laboratory roles: SOC 29-2011 technologists (MLS, cytotechnologists, histotechnologists) and 29-2012 technicians (MLT).
  {
    id: 'medical laboratory scientist',
    profession: 'mls',
    label: 'Medical laboratory scientist (MLS)',
    soc: '29-2011',
    visaScreen: true,
    entryDegree: 'bachelor',
    aliases: [
      'mls',
      'medical technologist',
      'mt',
      'clinical laboratory scientist',
      'cls',
      'clinical laboratory technologist',
      'medical laboratory technologist',
      'medical laboratory science',
      'medical laboratory',
      'clinical laboratory',
      'laboratory',
      'lab',
    ],
  },
  {
    id: 'medical laboratory technician',
    profession: 'mls',
    label: 'Medical laboratory technician (MLT)',
    soc: '29-2012',
    visaScreen: true,
    entryDegree: 'associate',
    aliases: ['mlt', 'clinical laboratory technician', 'medical lab technician', 'clt'],
  },
  {
    id: 'cytotechnologist',
    profession: 'mls',
    label: 'Cytotechnologist',
    soc: '29-2011',
    entryDegree: 'bachelor',
    aliases: ['cytotechnology', 'cytotechnologist (ct)'],
  },
  {
    id: 'histotechnologist',
    profession: 'mls',
    label: 'Histotechnologist',
    soc: '29-2011',
    entryDegree: 'bachelor',
    aliases: ['histotechnology', 'htl'],
  },
] as const satisfies readonly SpecialtyInfo[];

export type SpecialtyId = (typeof SPECIALTY_LIST)[number]['id'];

interface GroupInfo {
  profession: Profession;
  label: string;
  members: readonly SpecialtyId[];
}

/**
 * Groups a target may name instead of one specialty. "primary care" is HRSA's definition, so a target
 * suggested from primary-care HPSAs is met by any of the four specialties that remove them.
 * "clinical laboratory" is BLS's SOC 29-2010 (technologists and technicians), the lab workforce figures' unit.
 */
export const SPECIALTY_GROUPS = {
  'primary care': {
    profession: 'physician',
    label: 'Primary care (family medicine, general internal medicine, pediatrics, OB/GYN)',
    members: ['family medicine', 'internal medicine', 'pediatrics', 'ob/gyn'],
  },
  'clinical laboratory': {
    profession: 'mls',
    label: 'Clinical laboratory (MLS, MLT, cytotechnologists, histotechnologists)',
    members: ['medical laboratory scientist', 'medical laboratory technician', 'cytotechnologist', 'histotechnologist'],
  },
} as const satisfies Record<string, GroupInfo>;

export type SpecialtyGroup = keyof typeof SPECIALTY_GROUPS;

const GROUPS: Partial<Record<string, GroupInfo>> = SPECIALTY_GROUPS;
const BY_ID = new Map<string, SpecialtyInfo>(SPECIALTY_LIST.map((s) => [s.id, s]));

export const specialtyInfo = (id: string): SpecialtyInfo | undefined => BY_ID.get(id);

export const specialtiesOf = (profession: Profession): SpecialtyInfo[] => SPECIALTY_LIST.filter((s) => s.profession === profession);

/** What a target's specialty stands for: a group's members, or the one specialty. */
export function specialtyMembers(specialtyOrGroup: string): readonly string[] {
  return GROUPS[specialtyOrGroup]?.members ?? [specialtyOrGroup];
}

/** Whether a candidate's specialty counts toward a target's specialty or group. */
export function specialtyCounts(candidateSpecialty: string, targetSpecialty: string): boolean {
  return candidateSpecialty === targetSpecialty || (GROUPS[targetSpecialty]?.members.includes(candidateSpecialty as SpecialtyId) ?? false);
}

/** HRSA's primary-care specialties and general psychiatry: the ones the HHS clinical J-1 waiver accepts. */
export function isPrimaryCareOrPsychiatry(id: string): boolean {
  return BY_ID.get(id)?.hpsaDiscipline !== undefined;
}

/** The label shown for a specialty or group id; an unknown id is shown as written. */
export function specialtyLabel(id: string): string {
  return GROUPS[id]?.label ?? BY_ID.get(id)?.label ?? id;
}
