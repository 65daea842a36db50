export {
  FORM_FIELDS,
  TARGET_ID_PREFIX,
  addTarget,
  changedFields,
  deleteTarget,
  differingFields,
  duplicateTarget,
  setTargetOffer,
  undoDeleteTarget,
  updateTarget,
} from './crud';
export type { DeletedTarget, FormField, TargetDraft, TargetLists } from './crud';
export { nextId } from './ids';
export { filterTargets, sortTargets } from './sort-filter';
export type { TargetFilter, TargetSort, TargetSortField } from './sort-filter';
export { addQuarters, isQuarterLabel, nextQuarters, parseQuarter, quarterEnd, quarterLabel, quarterOf, quarterStart } from '../calendar';
export type { NextQuartersOptions, Quarter } from '../calendar';
export { suggestTargets, suggestedHires } from './suggestions';
export type { SkippedFigure, SuggestTargetsOptions, TargetSuggestion, TargetSuggestions } from './suggestions';
export { areaShortage } from './shortage-figures';
export type { AreaDetailRow, AreaShortage, AreaSummaryRow, ShortageFigure } from './shortage-figures';
export { DIVERSITY_MEASURE_DEFINITIONS, measureDiversity } from './diversity';
export type { DiversityMeasureKind, MeasureReading } from './diversity';
export { MEASURE_LABELS, describeMeasure } from './diversity-text';
