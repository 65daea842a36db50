// Which planned specialty (src/model/specialties.ts) a DOL wage filing is for. The SOC code decides
// wherever it names one specialty; the "all other" codes (29-1229 physicians, 29-1249 surgeons) and
// the lab code 29-2011 shared by three roles are split by the O*NET suffix, then by job title.
// Residents and fellows are training posts, not offers to compare with a hire: kept apart.
import { SPECIALTY_LIST, type SpecialtyId } from '../specialties';

export type SpecialtyMapping =
  { kind: 'specialty'; specialty: SpecialtyId; by: 'soc' | 'onet' | 'title' | 'soc-default' } | { kind: 'trainee' } | { kind: 'unmapped' };

/** How a filing was assigned, as stored with it: the specialty column holds the id. */
export type MappingBasis = 'soc' | 'onet' | 'title' | 'soc-default' | 'trainee' | 'unmapped';

export const mappingBasis = (m: SpecialtyMapping): MappingBasis => (m.kind === 'specialty' ? m.by : m.kind);

/** Job titles of training posts (matched on the lower-case title). */
export const TRAINEE_TITLE =
  /\b(resident|residency|fellow|fellowship|pgy|house ?officer|house ?staff|intern|internship|trainee|post ?graduate|postdoc|postdoctoral)\b/;

/**
 * O*NET-SOC 2019 detailed occupations under a shared SOC code (onetonline.org): the suffix names
 * the specialty when the filer gave it.
 */
const ONET_SPECIALTY: Partial<Record<string, SpecialtyId>> = {
  '29-1229.02': 'hospitalist',
  '29-1229.03': 'urology',
  '29-2011.02': 'cytotechnologist',
  '29-2011.04': 'histotechnologist',
};

/**
 * Title patterns per specialty, tried in this order within the filing's SOC code. A `null`
 * specialty stops the search (e.g. radiation oncology is not the list's hematology/oncology).
 */
const TITLE_RULES: readonly { pattern: RegExp; specialty: SpecialtyId | null }[] = [
  { pattern: /radiation oncolog/, specialty: null },
  { pattern: /hospitalist|hospital medicine|nocturnist/, specialty: 'hospitalist' },
  { pattern: /pulmon|critical care|intensivist/, specialty: 'pulmonary/critical care' },
  { pattern: /gastro|gatro|hepatolog/, specialty: 'gastroenterology' },
  { pattern: /oncolog|hematolog|hem\/onc|hem-onc/, specialty: 'oncology' },
  { pattern: /nephrolog/, specialty: 'nephrology' },
  { pattern: /rheumatolog/, specialty: 'rheumatology' },
  { pattern: /endocrin/, specialty: 'endocrinology' },
  { pattern: /infectious/, specialty: 'infectious disease' },
  { pattern: /geriatr/, specialty: 'geriatrics' },
  { pattern: /neonat/, specialty: 'neonatology' },
  { pattern: /urolog/, specialty: 'urology' },
  { pattern: /general (and [a-z]+ )?surg/, specialty: 'general surgery' },
  { pattern: /cytogenetic/, specialty: null },
  { pattern: /cytotech|cytolog/, specialty: 'cytotechnologist' },
  { pattern: /histotech|histolog|histocompat/, specialty: 'histotechnologist' },
];

/** A shared code's specialty when neither suffix nor title says more: 29-2011 is the MLS occupation itself. */
const SOC_DEFAULT: Partial<Record<string, SpecialtyId>> = { '29-2011': 'medical laboratory scientist' };

const specialtiesBySoc = new Map<string, SpecialtyId[]>();
for (const s of SPECIALTY_LIST) specialtiesBySoc.set(s.soc, [...(specialtiesBySoc.get(s.soc) ?? []), s.id]);

/** "29-2011.00" → { soc: "29-2011", onet: "29-2011.00" }; undefined if it is not a SOC code. */
export function parseSocCode(written: string): { soc: string; onet: string | null } | undefined {
  const m = /^\s*(\d{2})-?(\d{4})(?:\.(\d{2}))?\s*$/.exec(written);
  if (!m) return undefined;
  const soc = `${m[1]}-${m[2]}`;
  return { soc, onet: m[3] ? `${soc}.${m[3]}` : null };
}

/** SOC "all other" (residual) codes end in 9: their title says nothing about the specialty. */
const isResidual = (soc: string) => soc.endsWith('9');

export function mapFiling(socCode: string, jobTitle: string): SpecialtyMapping {
  const code = parseSocCode(socCode);
  if (!code) return { kind: 'unmapped' };
  const title = jobTitle.toLowerCase();
  if (TRAINEE_TITLE.test(title)) return { kind: 'trainee' };
  const candidates = specialtiesBySoc.get(code.soc) ?? [];
  if (candidates.length === 0) return { kind: 'unmapped' };
  if (candidates.length === 1 && !isResidual(code.soc)) return { kind: 'specialty', specialty: candidates[0], by: 'soc' };
  for (const rule of TITLE_RULES) {
    if (!rule.pattern.test(title)) continue;
    if (rule.specialty === null) return { kind: 'unmapped' };
    if (candidates.includes(rule.specialty)) return { kind: 'specialty', specialty: rule.specialty, by: 'title' };
  }
  const onet = code.onet ? ONET_SPECIALTY[code.onet] : undefined;
  if (onet) return { kind: 'specialty', specialty: onet, by: 'onet' };
  const fallback = SOC_DEFAULT[code.soc];
  return fallback ? { kind: 'specialty', specialty: fallback, by: 'soc-default' } : { kind: 'unmapped' };
}

/** Said wherever mapped figures are shown. */
export const MAPPING_RULE =
  'Specialty from the filing’s SOC code; the “all other” codes (29-1229 physicians, 29-1249 surgeons) and the shared lab code 29-2011 by job title, then O*NET suffix (29-1229.02 hospitalists, 29-1229.03 urologists, 29-2011.02 cytotechnologists, 29-2011.04 histotechnologists); other 29-2011 filings count as medical laboratory scientists. Residents and fellows are kept apart as training posts.';
