// A diversity target from the form's fields, checked: a whole share from 1 to 100 % (50 % for gender
// balance), or languages named.
import type { DiversityMeasureKind } from '../../model/targets';
import type { DiversityMeasure } from '../../model/types';

export function diversityMeasure(kind: DiversityMeasureKind, percent: number, languages: string): DiversityMeasure | string {
  if (kind === 'language-coverage') {
    const named = languages
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    return named.length ? { kind, languages: named, minHiresPerLanguage: 1 } : 'Languages: name at least one, separated by commas.';
  }
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) return 'Share: a whole percentage from 1 to 100.';
  // Women and men cannot each be more than half of the hires (the workspace file refuses it too).
  if (kind === 'gender-balance' && percent > 50)
    return 'Share: at most 50% for gender balance — women and men cannot each be more than half of the hires.';
  const share = percent / 100;
  if (kind === 'img-share') return { kind, minShare: share };
  if (kind === 'max-country-share') return { kind, maxShare: share };
  return { kind, minShareEach: share };
}
