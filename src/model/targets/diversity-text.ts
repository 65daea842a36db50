// Words for diversity targets, shared by the Targets screen and the report.
import { countOf } from '../format';
import type { DiversityMeasureKind } from './diversity';
import type { DiversityMeasure } from '../types';

export const MEASURE_LABELS: Readonly<Record<DiversityMeasureKind, string>> = {
  'img-share': 'Minimum share of hires who are IMGs',
  'language-coverage': 'Languages of the service area covered by hires',
  'max-country-share': 'Maximum share from any one country of training',
  'gender-balance': 'Gender balance',
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function describeMeasure(m: DiversityMeasure): string {
  switch (m.kind) {
    case 'img-share':
      return `at least ${percent(m.minShare)} IMGs`;
    case 'language-coverage':
      return `at least ${countOf(m.minHiresPerLanguage, 'hire')} speaking each of ${m.languages.join(', ')}`;
    case 'max-country-share':
      return `no more than ${percent(m.maxShare)} from one country`;
    case 'gender-balance':
      return `at least ${percent(m.minShareEach)} women and ${percent(m.minShareEach)} men`;
  }
}
