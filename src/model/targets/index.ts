export { TARGET_ID_PREFIX, addTarget, deleteTarget, duplicateTarget, undoDeleteTarget, updateTarget } from './crud';
export type { DeletedTarget, TargetDraft, TargetLists } from './crud';
export { nextId } from './ids';
export { filterTargets, sortTargets } from './sortFilter';
export type { TargetFilter, TargetSort, TargetSortField } from './sortFilter';
export {
  addQuarters,
  isQuarterLabel,
  nextQuarters,
  parseQuarter,
  quarterEnd,
  quarterLabel,
  quarterOf,
  quarterStart,
} from './quarters';
export type { NextQuartersOptions, Quarter } from './quarters';
export { suggestTargets, suggestedHires } from './suggestions';
export type { ShortageFigure, SkippedFigure, SuggestTargetsOptions, TargetSuggestion, TargetSuggestions } from './suggestions';
export { DIVERSITY_MEASURE_DEFINITIONS, measureDiversity } from './diversity';
export type { DiversityMeasureKind, MeasureReading } from './diversity';
export { MEASURE_LABELS, describeMeasure } from './diversity-text';
