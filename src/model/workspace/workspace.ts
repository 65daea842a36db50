// The workspace: everything a user has entered, saved locally and exported as a file.

import type { Candidate, DiversityTarget, ServiceArea, Target } from '../types';

export const WORKSPACE_SCHEMA_VERSION = 3;
/** Marker every exported workspace file carries, so other JSON files are refused clearly. */
export const WORKSPACE_FORMAT = 'shortage-atlas-workspace';

export interface Workspace {
  schemaVersion: number;
  /** ISO timestamp of the last save. */
  savedAt: string;
  serviceAreas: ServiceArea[];
  targets: Target[];
  diversityTargets: DiversityTarget[];
  candidates: Candidate[];
  /** Timing-model assumptions; their shape is owned and validated by the timing model. */
  assumptions: Record<string, unknown>;
  /** UI state worth restoring (selected area, filters); free-form. */
  view?: Record<string, unknown>;
}

/** Nothing entered yet (or everything deleted): no records and no changed assumption. */
export const holdsNothing = (ws: Workspace): boolean =>
  !ws.serviceAreas.length &&
  !ws.targets.length &&
  !ws.diversityTargets.length &&
  !ws.candidates.length &&
  !Object.keys(ws.assumptions).length;

export function emptyWorkspace(now: Date = new Date()): Workspace {
  return {
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    savedAt: now.toISOString(),
    serviceAreas: [],
    targets: [],
    diversityTargets: [],
    candidates: [],
    assumptions: {},
  };
}
