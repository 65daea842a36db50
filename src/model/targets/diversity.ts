// Current values of the diversity measures a leader can set, computed from candidates or hires.
// The caller chooses which candidates count (e.g. accepted and later, not withdrawn).

import type { Candidate, DiversityMeasure } from '../types';

export type DiversityMeasureKind = DiversityMeasure['kind'];

export interface MeasureReading {
  kind: DiversityMeasureKind;
  /**
   * A share from 0 to 1 (IMG share, largest country share, smaller of the women/men shares),
   * or for language coverage the number of languages at the minimum; null when no data.
   */
  value: number | null;
  /** Whether the measure's threshold is met; null when there is no data to judge. */
  met: boolean | null;
  /** One line for a table, e.g. "IMG share 40% (2 of 5 physicians)". */
  summary: string;
  /** Candidates that had the data the measure needs, and those that did not. */
  counted: number;
  unknown: number;
}

/** What each measure means and why it matters, with the source number from domain.md. */
export const DIVERSITY_MEASURE_DEFINITIONS: Readonly<Record<DiversityMeasureKind, string>> = {
  'img-share':
    'Share of physician candidates trained outside the United States and Canada (international medical ' +
    'graduates, as AAMC and ECFMG count them). IMGs are 23% of licensed US physicians (S32). Candidates ' +
    'with no country of training recorded are left out.',
  'language-coverage':
    'For each chosen language, the number of candidates who speak it; met when every language has at least ' +
    'the minimum. Patient–clinician language concordance improved outcomes in 25 of 33 studies, and about ' +
    '25 million people in the US have limited English proficiency (S53).',
  'max-country-share':
    'The largest share of candidates trained in any one country, among those with a country recorded; a cap ' +
    'limits dependence on one country’s exams, visa queue or policy. Licensed IMGs by country of training ' +
    '(2017): India 23%, Caribbean 18%, Philippines 6%, Pakistan 6%, Mexico 5% (S54).',
  'gender-balance':
    'Shares of women and of men among candidates with a gender recorded; met when each is at least the ' +
    'minimum. Women were 37.1% of active US physicians in 2021 (AAMC, S51).',
};

const DOMESTIC_TRAINING = new Set(['united states', 'united states of america', 'usa', 'us', 'u.s.', 'u.s.a.', 'canada']);
const WOMEN = new Set(['woman', 'women', 'female', 'f', 'w']);
const MEN = new Set(['man', 'men', 'male', 'm']);
const GENDER_UNKNOWN = new Set(['', 'unknown', 'not stated', 'prefer not to say', 'declined']);

const normalise = (text: string) => text.trim().toLowerCase();
const percent = (share: number) => `${Math.round(share * 100)}%`;

function imgShare(minShare: number, candidates: readonly Candidate[]): MeasureReading {
  const physicians = candidates.filter((c) => c.profession === 'physician');
  const known = physicians.filter((c) => normalise(c.countryOfTraining) !== '');
  const imgs = known.filter((c) => !DOMESTIC_TRAINING.has(normalise(c.countryOfTraining))).length;
  const value = known.length > 0 ? imgs / known.length : null;
  return {
    kind: 'img-share',
    value,
    met: value === null ? null : value >= minShare,
    summary:
      value === null
        ? 'IMG share: no physician with a country of training'
        : `IMG share ${percent(value)} (${imgs} of ${known.length} physicians)`,
    counted: known.length,
    unknown: physicians.length - known.length,
  };
}

function languageCoverage(languages: readonly string[], minHires: number, candidates: readonly Candidate[]): MeasureReading {
  const spoken = candidates.map((c) => new Set(c.languages.map(normalise)));
  const counts = languages.map((language) => ({ language, speakers: spoken.filter((set) => set.has(normalise(language))).length }));
  const covered = counts.filter((entry) => entry.speakers >= minHires).length;
  const withLanguages = spoken.filter((set) => set.size > 0).length;
  return {
    kind: 'language-coverage',
    value: languages.length > 0 ? covered : null,
    met: languages.length > 0 ? covered === languages.length : null,
    summary: `${covered} of ${languages.length} languages with at least ${minHires}: ${counts.map((e) => `${e.language} ${e.speakers}`).join(', ')}`,
    counted: withLanguages,
    unknown: candidates.length - withLanguages,
  };
}

function maxCountryShare(maxShare: number, candidates: readonly Candidate[]): MeasureReading {
  const byCountry = new Map<string, { name: string; count: number }>();
  for (const candidate of candidates) {
    const key = normalise(candidate.countryOfTraining);
    if (key === '') continue;
    const entry = byCountry.get(key) ?? { name: candidate.countryOfTraining.trim(), count: 0 };
    entry.count += 1;
    byCountry.set(key, entry);
  }
  const known = [...byCountry.values()].reduce((sum, entry) => sum + entry.count, 0);
  const largest = [...byCountry.values()].reduce<{ name: string; count: number } | null>(
    (best, entry) => (best === null || entry.count > best.count ? entry : best),
    null,
  );
  const value = largest && known > 0 ? largest.count / known : null;
  return {
    kind: 'max-country-share',
    value,
    met: value === null ? null : value <= maxShare,
    summary:
      largest && value !== null
        ? `largest country share ${percent(value)} (${largest.name}, ${largest.count} of ${known})`
        : 'largest country share: no country of training recorded',
    counted: known,
    unknown: candidates.length - known,
  };
}

function genderBalance(minShareEach: number, candidates: readonly Candidate[]): MeasureReading {
  const genders = candidates.map((c) => normalise(c.gender)).filter((g) => !GENDER_UNKNOWN.has(g));
  const women = genders.filter((g) => WOMEN.has(g)).length;
  const men = genders.filter((g) => MEN.has(g)).length;
  const value = genders.length > 0 ? Math.min(women, men) / genders.length : null;
  return {
    kind: 'gender-balance',
    value,
    met: value === null ? null : value >= minShareEach,
    summary:
      value === null
        ? 'gender balance: no gender recorded'
        : `women ${percent(women / genders.length)}, men ${percent(men / genders.length)} (of ${genders.length})`,
    counted: genders.length,
    unknown: candidates.length - genders.length,
  };
}

export function measureDiversity(measure: DiversityMeasure, candidates: readonly Candidate[]): MeasureReading {
  switch (measure.kind) {
    case 'img-share':
      return imgShare(measure.minShare, candidates);
    case 'language-coverage':
      return languageCoverage(measure.languages, measure.minHiresPerLanguage, candidates);
    case 'max-country-share':
      return maxCountryShare(measure.maxShare, candidates);
    case 'gender-balance':
      return genderBalance(measure.minShareEach, candidates);
  }
}
