// Service areas: the active one, and adding counties or whole states to one.
import type { ServiceArea } from './types';
import type { Workspace } from './workspace';
import { isStateCode } from './workspace';

/** The service area being edited: the one the workspace remembers, else the first. */
export function activeServiceArea(ws: Pick<Workspace, 'serviceAreas' | 'view'>): ServiceArea | undefined {
  const id = ws.view?.activeServiceArea;
  return ws.serviceAreas.find((a) => a.id === id) ?? ws.serviceAreas[0];
}

/** The area with these counties and whole states added, each list sorted and without repeats. */
export function addToServiceArea(area: ServiceArea, add: { counties?: readonly string[]; states?: readonly string[] }): ServiceArea {
  return {
    ...area,
    counties: [...new Set([...area.counties, ...(add.counties ?? [])])].sort(),
    states: [...new Set([...area.states, ...(add.states ?? [])])].sort(),
  };
}

const COUNTY = /^\d{5}$/;

export type AreaCodes = { ok: true; counties: string[]; states: string[] } | { ok: false; message: string };

/** "06019, 06107 nv": five-digit county FIPS codes and two-letter state codes, any separators, any case. */
export function parseAreaCodes(text: string): AreaCodes {
  const tokens = text
    .split(/[\s,;]+/)
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
  const bad = tokens.filter((t) => !(COUNTY.test(t) || isStateCode(t)));
  if (bad.length)
    return {
      ok: false,
      message: `Not a county FIPS code or state code: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}. Nothing was added.`,
    };
  return { ok: true, counties: tokens.filter((t) => COUNTY.test(t)), states: tokens.filter(isStateCode) };
}
