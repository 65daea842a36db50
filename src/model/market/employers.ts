// Employer names in the USCIS and DOL files: one key per employer however it was typed, and the
// name-based flags the market views show. Names are all the files give; the flags say "check",
// never "is".

/** Legal-form words and punctuation dropped from the key ("Mayo Clinic " and "MAYO CLINIC" match). */
const LEGAL_FORMS = /\b(inc|incorporated|llc|l l c|llp|lp|pc|p c|pllc|pa|corp|corporation|co|company|ltd|limited|the)\b/g;

export function employerKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Higher education and research in the name: such employers may be cap-exempt (8 CFR
 * 214.2(h)(19)(iii): institutions of higher education, affiliated nonprofits, nonprofit or
 * government research organisations; domain.md S14). Whether one is, the name cannot say.
 */
export const CAP_EXEMPT_NAME =
  /\b(university|universities|college|school of medicine|medical school|academic|research|institute|regents|board of trustees|health science center|health sciences center)\b/;

/**
 * Academic medical centres often file under NAICS 61 (educational services) rather than 62: a
 * NAICS 61 employer counts as health care when a word of its name starts like medicine or a hospital.
 */
export const MEDICAL_NAME = /\b(medic|health|hospital|clinic|cancer|children|physician|surg|nurs)/;

export const looksCapExempt = (name: string): boolean => CAP_EXEMPT_NAME.test(employerKey(name));
export const looksMedical = (name: string): boolean => MEDICAL_NAME.test(employerKey(name));

export const CAP_EXEMPT_CHECK_NOTE =
  '“check”: the name suggests higher education or research, so the employer may be cap-exempt (8 CFR 214.2(h)(19)(iii); domain.md S14) and hire outside the lottery all year. The files cannot say; confirm with the employer.';

export const ACADEMIC_CENTRES_RULE =
  'Health-care sponsors: NAICS 62 (health care and social assistance), plus academic medical centres by name — NAICS 61 (educational services) employers with a word in their name starting medic-, health-, hospital-, clinic-, cancer-, children-, physician-, surg- or nurs-.';
