export { WORKSPACE_FORMAT, WORKSPACE_SCHEMA_VERSION, emptyWorkspace, holdsNothing } from './workspace';
export type { Workspace } from './workspace';
export { DEFAULT_WORKSPACE_LIMITS, parseWorkspaceFile, readWorkspaceDocument } from './parse-workspace-file';
export type { AssumptionsValidator, ParseWorkspaceOptions, WorkspaceLimits, WorkspaceParseResult } from './parse-workspace-file';
export { serializeWorkspace } from './serialize-workspace';
export { MIGRATIONS, migrate } from './migrations';
export type { Migration, MigrationResult } from './migrations';
export { US_STATES, findState, isStateCode, stateByCode, stateByFips } from './us-states';
export type { UsState } from './us-states';
export { MAX_ID_LENGTH, MAX_TEXT_LENGTH, countyFipsProblem, countyInState, specialtiesFor, targetSpecialtiesFor } from './fields';
export {
  LIST_KINDS,
  applyRecords,
  countOf,
  diffWorkspaces,
  documentFromRecords,
  kindOfKey,
  recordKey,
  recordLabel,
  recordName,
  sameValue,
  withFreeId,
  workspaceRecords,
} from './records';
export type { Orders, RecordChange, RecordKind } from './records';
export { describePart, importUndo, leftOutText, planImport, planIsEmpty, undoImport } from './import-plan';
export type { ImportPlan, ImportUndo, PlanPart, UndoEntry, UndoResult } from './import-plan';
