// A diversity target from the form's fields, checked: a share from 1 to 100 %, or languages named.
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
  if (!(percent > 0 && percent <= 100)) return 'Share: a percentage from 1 to 100.';
  const share = percent / 100;
  if (kind === 'img-share') return { kind, minShare: share };
  if (kind === 'max-country-share') return { kind, maxShare: share };
  return { kind, minShareEach: share };
}
