// Whether a J-1 waiver site qualifies, from the shortage designations at the site, program by
// program, always with the sentence that explains it:
// - Conrad 30: a site in an HPSA, MUA or MUP; up to 10 of a state's 30 "flex" waivers for sites
//   outside them (S17). MUA/MUP designations are not in the loaded data, so they are named, not checked.
// - HHS clinical: a primary-care HPSA (mental-health HPSA for psychiatrists) scored 07 or more and
//   not proposed for withdrawal; primary care or general psychiatry only (R3).
// - ARC: a HPSA site inside the Appalachian Region (R4); DRA: a HPSA, MHPSA, MUA or MUP inside the
//   Delta region (R5). The region's county lists are not loaded, so only its states are checked.
// - VA: a VA facility; no shortage designation is needed (S23).
// A geographic or population HPSA covering the whole county qualifies any site in it; one covering
// only some census tracts needs the site's tract checked; a facility designation (FQHC, rural
// health clinic, tribal site, prison) covers that facility only.

import type { Candidate } from '../types';
import { ROUTES, type WaiverProgram } from './visa-routes';

/** One designation at a county, as the `waiverSiteDesignations` query returns it. */
export interface SiteDesignation {
  countyFips: string;
  countyName: string;
  discipline: string;
  designationType: string;
  status: string;
  score: number | null;
  /** The designation covers the whole county (a single-county component), not some tracts. */
  wholeCounty: boolean;
}

/** Designations at the candidates' sites (the `waiverSiteDesignations` query), as plain data a worker can receive. */
export interface SiteDesignations {
  rows: SiteDesignation[];
  /** "CA|Primary Care": state and discipline pairs the loaded HPSA data cover. */
  loaded: string[];
  /** The sites' counties by FIPS ("Franklin County, OH"), those without a designation too. */
  countyNames?: Record<string, string>;
}

export interface DesignationData {
  /** Designations (not withdrawn) by county FIPS. */
  byCounty: ReadonlyMap<string, readonly SiteDesignation[]>;
  /** "CA|Primary Care": state and discipline pairs the loaded HPSA data cover. */
  loaded: ReadonlySet<string>;
  countyNames: Readonly<Record<string, string>>;
}

/** Indexes the query's rows by county. */
export function indexDesignations(
  rows: readonly SiteDesignation[],
  loaded: readonly string[],
  countyNames: Readonly<Record<string, string>> = {},
): DesignationData {
  const byCounty = new Map<string, SiteDesignation[]>();
  for (const row of rows) {
    let list = byCounty.get(row.countyFips);
    if (!list) byCounty.set(row.countyFips, (list = []));
    list.push(row);
  }
  return { byCounty, loaded: new Set(loaded), countyNames };
}

export type EligibilityStatus = 'eligible' | 'check' | 'flex' | 'not-eligible';

export interface SiteEligibility {
  status: EligibilityStatus;
  /** Which Conrad 30 slots the forecast uses for it; 'none' means the route cannot be used. */
  pool: 'regular' | 'flex' | 'none';
  sentence: string;
}

const AREA_TYPES = new Set(['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population']);
export const ARC_STATES = ['AL', 'GA', 'KY', 'MD', 'MS', 'NY', 'NC', 'OH', 'PA', 'SC', 'TN', 'VA', 'WV'];
export const DRA_STATES = ['AL', 'AR', 'IL', 'KY', 'LA', 'MS', 'MO', 'TN'];

const result = (status: EligibilityStatus, pool: SiteEligibility['pool'], sentence: string): SiteEligibility => ({
  status,
  pool,
  sentence,
});

interface CountyPicture {
  name: string;
  whole: SiteDesignation[];
  partial: SiteDesignation[];
  facility: SiteDesignation[];
}

function picture(
  designations: readonly SiteDesignation[],
  fips: string,
  name: string | undefined,
  keep: (d: SiteDesignation) => boolean,
): CountyPicture {
  const kept = designations.filter(keep);
  const area = kept.filter((d) => AREA_TYPES.has(d.designationType));
  return {
    name: name || designations[0]?.countyName || `county ${fips}`,
    whole: area.filter((d) => d.wholeCounty),
    partial: area.filter((d) => !d.wholeCounty),
    facility: kept.filter((d) => !AREA_TYPES.has(d.designationType)),
  };
}

const kinds = (list: SiteDesignation[]) => [...new Set(list.map((d) => `${d.designationType} (${d.discipline.toLowerCase()})`))].join(', ');
const scoreText = (list: SiteDesignation[]) => {
  const best = Math.max(...list.map((d) => d.score ?? -1));
  return best >= 0 ? `, score up to ${best}` : '';
};

export function waiverSiteEligibility(
  program: WaiverProgram,
  candidate: Pick<Candidate, 'specialty' | 'siteState' | 'siteCountyFips'>,
  data: DesignationData,
  hhsMinimumScore: number,
): SiteEligibility {
  const { siteState: state, siteCountyFips: fips } = candidate;
  if (program === 'va')
    return result(
      'eligible',
      'regular',
      'VA waivers need a VA facility, not a shortage designation: eligible if the site is a VA facility.',
    );
  if (program === 'federal-unknown') {
    return result('check', 'regular', 'Record which federal program (HHS, ARC, DRA or VA): each has its own site rule.');
  }
  if (program === 'arc' && !ARC_STATES.includes(state)) {
    return result('not-eligible', 'none', `${state} is outside the Appalachian Region (ARC waivers: 13 states).`);
  }
  if (program === 'dra' && !DRA_STATES.includes(state)) {
    return result('not-eligible', 'none', `${state} is outside the Delta Regional Authority's eight states.`);
  }
  if (fips === '') return result('check', 'regular', 'No county recorded for the site: add site_county_fips to check the waiver site.');

  const psychiatry = candidate.specialty === 'psychiatry';
  const disciplines = program === 'hhs-clinical' ? [psychiatry ? 'Mental Health' : 'Primary Care'] : ['Primary Care', 'Mental Health'];
  const loaded = disciplines.filter((d) => data.loaded.has(`${state}|${d}`));
  if (loaded.length === 0) {
    const what = disciplines.map((d) => d.toLowerCase()).join(' or ');
    return result('check', 'regular', `No ${what} HPSA data loaded for ${state}: load HRSA's file to check the site.`);
  }
  const all = data.byCounty.get(fips) ?? [];
  const region =
    program === 'arc' && state !== 'WV'
      ? ' Check that the county is in the Appalachian Region.'
      : program === 'dra'
        ? ' Check that the county is in the Delta region.'
        : '';

  if (program === 'hhs-clinical') {
    const discipline = disciplines[0];
    const qualifying = (d: SiteDesignation) =>
      d.discipline === discipline && d.status === 'Designated' && (d.score ?? 0) >= hhsMinimumScore;
    const p = picture(all, fips, data.countyNames[fips], qualifying);
    const kind = discipline.toLowerCase();
    if (p.whole.length)
      return result(
        'eligible',
        'regular',
        `${p.name} is a ${kind} HPSA scored ${Math.max(...p.whole.map((d) => d.score ?? 0))} (HHS needs ${hhsMinimumScore} or more).`,
      );
    if (p.partial.length) {
      return result(
        'check',
        'regular',
        `${p.name}'s ${kind} HPSAs scored ${hhsMinimumScore} or more cover only some census tracts: check the site's census tract.`,
      );
    }
    if (p.facility.length) {
      return result(
        'check',
        'regular',
        `In ${p.name} only facilities are ${kind} HPSAs scored ${hhsMinimumScore} or more (${kinds(p.facility)}): eligible only if the site is one of them.`,
      );
    }
    const any = all.filter((d) => d.discipline === discipline);
    if (any.length === 0)
      return result(
        'not-eligible',
        'none',
        `${p.name} has no ${kind} HPSA: HHS clinical waivers need one scored ${hhsMinimumScore} or more.`,
      );
    if (any.every((d) => d.status !== 'Designated')) {
      return result(
        'not-eligible',
        'none',
        `${p.name}'s ${kind} HPSAs are proposed for withdrawal, which HHS has not accepted since 2023-10-01.`,
      );
    }
    return result(
      'not-eligible',
      'none',
      `${p.name}'s ${kind} HPSAs score at most ${Math.max(...any.map((d) => d.score ?? 0))}, below the ${hhsMinimumScore} HHS needs.`,
    );
  }

  const p = picture(all, fips, data.countyNames[fips], (d) => disciplines.includes(d.discipline));
  if (p.whole.length) {
    const sentence = `${p.name} is designated as a whole: ${kinds(p.whole)}${scoreText(p.whole)}.`;
    return region
      ? result('check', 'regular', sentence + region)
      : result('eligible', 'regular', `${sentence} A site anywhere in it qualifies.`);
  }
  if (p.partial.length) {
    return result(
      'check',
      'regular',
      `${p.name}'s ${kinds(p.partial)} cover only some census tracts: check the site's census tract.${region}`,
    );
  }
  const mua = program === 'arc' ? '' : ' An MUA/MUP designation (not in the loaded data) would also qualify.';
  if (p.facility.length) {
    const otherwise = program === 'conrad30' ? ' Otherwise it needs one of the state’s flex waivers.' : '';
    return result(
      'check',
      program === 'conrad30' ? 'flex' : 'regular',
      `${p.name} has only facility designations (${kinds(p.facility)}), which cover those facilities alone: check the site — eligible only if it is one of them.${otherwise}${mua}${region}`,
    );
  }
  if (program === 'conrad30') {
    return result(
      'flex',
      'flex',
      `${p.name} has no HPSA in the loaded data: the site needs one of the state's flex waivers (up to 10 of 30), unless it is in an MUA/MUP (not in the loaded data).`,
    );
  }
  if (program === 'dra')
    return result(
      'check',
      'regular',
      `${p.name} has no HPSA in the loaded data: DRA also accepts an MUA/MUP (not in the loaded data).${region}`,
    );
  return result('not-eligible', 'none', `${p.name} has no HPSA: ARC waivers need a site in one.`);
}

/**
 * Site eligibility of a candidate on a J-1 waiver route (undefined on other routes, or without
 * designation data), computed once per program, kind of specialty and site; with `program`, for
 * that waiver program instead (the alternatives named when the candidate's route is closed).
 */
export function siteChecker(
  input: SiteDesignations | undefined,
  hhsMinimumScore: number,
): (candidate: Candidate, program?: WaiverProgram) => SiteEligibility | undefined {
  if (!input) return () => undefined;
  const data = indexDesignations(input.rows, input.loaded, input.countyNames);
  const cache = new Map<string, SiteEligibility>();
  return (candidate, program = ROUTES[candidate.visaRoute].waiver) => {
    if (!program) return undefined;
    const key = [program, candidate.specialty === 'psychiatry', candidate.siteState, candidate.siteCountyFips].join('|');
    let result = cache.get(key);
    if (!result) cache.set(key, (result = waiverSiteEligibility(program, candidate, data, hhsMinimumScore)));
    return result;
  };
}
