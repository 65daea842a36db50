// Reads a workspace file. Everything is checked before anything is returned: a file is either
// loaded whole or refused with a list of problems, each naming where in the file it is.

import type { RegionRef } from '../types';
import { readCandidate, readDiversityTarget, readRecords, readServiceArea, readTarget, type DateChecks } from './entities';
import { isIsoDate } from '../calendar';
import { Issues, childPath, describeValue } from './issues';
import { checkFreeForm, checkStructure } from './json-tree';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { parseKeepingOverflowLiterals } from './overflow-numbers';
import { isRecord, readRecord, type JsonRecord } from './readers';
import { WORKSPACE_FORMAT, WORKSPACE_SCHEMA_VERSION, type Workspace } from './workspace';

export interface WorkspaceLimits {
  maxFileChars: number;
  maxServiceAreas: number;
  maxTargets: number;
  maxDiversityTargets: number;
  maxCandidates: number;
  /** Values allowed in each free-form part (assumptions, view). */
  maxFreeFormValues: number;
  maxDepth: number;
  /** Problems listed before "and N more". */
  maxErrors: number;
}

export const DEFAULT_WORKSPACE_LIMITS: WorkspaceLimits = {
  maxFileChars: 200_000_000,
  maxServiceAreas: 1_000,
  maxTargets: 10_000,
  maxDiversityTargets: 10_000,
  maxCandidates: 200_000,
  maxFreeFormValues: 100_000,
  maxDepth: 32,
  maxErrors: 50,
};

/**
 * Checks the timing-model assumptions, which that model owns. Returns problems, each starting
 * with a path inside `assumptions` (e.g. "capSubject.selectionRate: expected ..."); [] when valid.
 */
export type AssumptionsValidator = (assumptions: JsonRecord) => string[];

export interface ParseWorkspaceOptions {
  validateAssumptions?: AssumptionsValidator;
  limits?: Partial<WorkspaceLimits>;
  /**
   * Check every date against the date rule (src/model/dates.ts), with today's date for the ones
   * that cannot lie ahead: for files coming in. The workspace saved in this browser is read without.
   */
  dates?: DateChecks;
  /** Upgrade steps for older files; defaults to MIGRATIONS. */
  migrations?: Readonly<Record<number, Migration>>;
}

export type WorkspaceParseResult =
  | {
      ok: true;
      workspace: Workspace;
      /** Fields of the file the app does not know ("candidates[2].color"), left out of the workspace. */
      leftOut: string[];
      /** Set when the file was upgraded from an older version. */
      migratedFrom?: number;
    }
  | { ok: false; errors: string[] };

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isIsoTimestamp(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_TIMESTAMP.exec(value) : null;
  return match !== null && isIsoDate(match[1]) && !Number.isNaN(Date.parse(match[0]));
}

/** Each id once per list; reported on the later occurrence. */
function checkUniqueIds(items: ({ id: string } | undefined)[], listPath: string, issues: Issues): Set<string> {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    if (!item) return;
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, index);
    else
      issues.add(
        childPath(childPath(listPath, index), 'id'),
        `duplicate id ${describeValue(item.id)} (also ${childPath(listPath, first)})`,
      );
  });
  return new Set(firstIndex.keys());
}

function readVersion(doc: JsonRecord, issues: Issues): number | undefined {
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    issues.expected('schemaVersion', 'a whole version number such as 1', version);
    return undefined;
  }
  if (version > WORKSPACE_SCHEMA_VERSION) {
    issues.add('', `this file was written by a newer version (v${version}); this app reads up to v${WORKSPACE_SCHEMA_VERSION}`);
    return undefined;
  }
  return version;
}

function readAssumptions(value: unknown, issues: Issues, limits: WorkspaceLimits, validate?: AssumptionsValidator): JsonRecord | undefined {
  const assumptions = readRecord(value, 'assumptions', issues);
  if (!assumptions) return undefined;
  const before = issues.count;
  checkFreeForm(assumptions, 'assumptions', issues, limits.maxFreeFormValues);
  if (issues.count !== before) return undefined;
  if (!validate) return assumptions;
  let problems: string[];
  try {
    problems = validate(assumptions);
  } catch (error) {
    issues.add('assumptions', `could not be checked: ${(error as Error).message}`);
    return undefined;
  }
  for (const problem of problems) issues.add('', `assumptions.${problem}`);
  return problems.length === 0 ? assumptions : undefined;
}

function readView(value: unknown, issues: Issues, limits: WorkspaceLimits): JsonRecord | undefined {
  if (value === undefined) return undefined;
  const view = readRecord(value, 'view', issues);
  if (view) checkFreeForm(view, 'view', issues, limits.maxFreeFormValues);
  return view;
}

function checkRegionReference(region: RegionRef, path: string, serviceAreaIds: Set<string>, issues: Issues): void {
  if (region.kind === 'service-area' && !serviceAreaIds.has(region.id)) {
    issues.add(childPath(path, 'id'), `unknown service area id ${describeValue(region.id)}`);
  }
}

/** The top-level fields of a workspace file: the format marker and the workspace's own. */
const FILE_FIELDS = new Set([
  'format',
  'schemaVersion',
  'savedAt',
  'serviceAreas',
  'targets',
  'diversityTargets',
  'candidates',
  'assumptions',
  'view',
]);

interface Checked {
  result: WorkspaceParseResult;
  sawNonFinite: boolean;
}

function checkDocument(doc: unknown, options: ParseWorkspaceOptions, limits: WorkspaceLimits): Checked {
  const issues = new Issues(limits.maxErrors);
  const done = (result: WorkspaceParseResult): Checked => ({ result, sawNonFinite: issues.sawNonFinite });
  const refused = () => done({ ok: false, errors: issues.messages() });

  if (!isRecord(doc)) {
    issues.add('', `this file does not hold a workspace: expected a JSON object, found ${describeValue(doc)}`);
    return refused();
  }
  checkStructure(doc, issues, limits.maxDepth);
  if (issues.count > 0) return refused();
  if (doc.format !== WORKSPACE_FORMAT) {
    issues.expected('format', `${JSON.stringify(WORKSPACE_FORMAT)} (is this a Shortage Atlas workspace file?)`, doc.format);
    return refused();
  }
  const version = readVersion(doc, issues);
  if (version === undefined) return refused();
  const migrated = migrate(doc, version, options.migrations ?? MIGRATIONS);
  if (!migrated.ok) {
    issues.add('', migrated.error);
    return refused();
  }
  const current = migrated.doc;
  for (const key of Object.keys(current)) if (!FILE_FIELDS.has(key)) issues.leaveOut(key);

  if (!isIsoTimestamp(current.savedAt)) issues.expected('savedAt', 'an ISO timestamp such as "2026-11-23T14:05:00Z"', current.savedAt);
  const serviceAreas = readRecords(current.serviceAreas, 'serviceAreas', issues, limits.maxServiceAreas, readServiceArea);
  const targets = readRecords(current.targets, 'targets', issues, limits.maxTargets, (item, at, found) =>
    readTarget(item, at, found, options.dates),
  );
  const diversityTargets = readRecords(
    current.diversityTargets,
    'diversityTargets',
    issues,
    limits.maxDiversityTargets,
    readDiversityTarget,
  );
  const candidates = readRecords(current.candidates, 'candidates', issues, limits.maxCandidates, (item, at, found) =>
    readCandidate(item, at, found, options.dates),
  );
  const assumptions = readAssumptions(current.assumptions, issues, limits, options.validateAssumptions);
  const view = readView(current.view, issues, limits);

  const serviceAreaIds = checkUniqueIds(serviceAreas ?? [], 'serviceAreas', issues);
  const targetIds = checkUniqueIds(targets ?? [], 'targets', issues);
  checkUniqueIds(diversityTargets ?? [], 'diversityTargets', issues);
  checkUniqueIds(candidates ?? [], 'candidates', issues);
  // References are only checked against lists that read cleanly, or every id would look unknown.
  if (serviceAreas?.every(Boolean)) {
    targets?.forEach(
      (target, index) =>
        target && checkRegionReference(target.region, childPath(childPath('targets', index), 'region'), serviceAreaIds, issues),
    );
  }
  if (targets?.every(Boolean)) {
    diversityTargets?.forEach((diversity, index) => {
      if (diversity?.targetId != null && !targetIds.has(diversity.targetId)) {
        issues.add(childPath(childPath('diversityTargets', index), 'targetId'), `unknown target id ${describeValue(diversity.targetId)}`);
      }
    });
  }
  if (issues.count > 0) return refused();

  const workspace: Workspace = {
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    savedAt: current.savedAt as string,
    serviceAreas: serviceAreas as Workspace['serviceAreas'],
    targets: targets as Workspace['targets'],
    diversityTargets: diversityTargets as Workspace['diversityTargets'],
    candidates: candidates as Workspace['candidates'],
    assumptions: assumptions!,
    ...(view ? { view } : {}),
  };
  const leftOut = issues.leftOut;
  return done(
    version < WORKSPACE_SCHEMA_VERSION ? { ok: true, workspace, leftOut, migratedFrom: version } : { ok: true, workspace, leftOut },
  );
}

/**
 * Checks a workspace already held as an object (the records saved in this browser, put together),
 * exactly as a file is checked; it must carry the format marker and its schema version.
 */
export function readWorkspaceDocument(doc: unknown, options: ParseWorkspaceOptions = {}): WorkspaceParseResult {
  return checkDocument(doc, options, { ...DEFAULT_WORKSPACE_LIMITS, ...options.limits }).result;
}

export function parseWorkspaceFile(text: string, options: ParseWorkspaceOptions = {}): WorkspaceParseResult {
  const limits = { ...DEFAULT_WORKSPACE_LIMITS, ...options.limits };
  if (text.length > limits.maxFileChars) {
    return { ok: false, errors: [`this file is too large: ${text.length} characters, at most ${limits.maxFileChars} allowed`] };
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: ['this file is empty'] };
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    return { ok: false, errors: [`this file is not valid JSON (${(error as Error).message})`] };
  }
  const first = checkDocument(doc, options, limits);
  if (first.result.ok || !first.sawNonFinite) return first.result;
  // Some number overflowed to Infinity; read again so the messages quote it as written (1e309).
  const second = checkDocument(parseKeepingOverflowLiterals(body), options, limits);
  return second.result.ok ? first.result : second.result;
}
