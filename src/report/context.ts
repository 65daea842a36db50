// What every section of one report is built with: its input, the county names, and its citations
// (numbered in the order the sections cite them).
import { countyNamesFromLabels, type CountyNames } from '../app/common/county-names';
import type { ReportInput } from '../app/report/report-input';
import { Citations } from './citations';

export interface ReportContext {
  input: ReportInput;
  names: CountyNames;
  cite: Citations;
}

export const reportContext = (input: ReportInput): ReportContext => ({
  input,
  names: countyNamesFromLabels(input.countyNames),
  cite: new Citations(input.assumptions.sources),
});

export { percent } from '../app/plan/plan';

/** "$1,234" */
export const dollars = (v: number): string => `$${Math.round(v).toLocaleString('en-US')}`;
