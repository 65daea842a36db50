// Suggested targets from shortage data: a share of the measured need, with the arithmetic shown.

import type { SpecialtyId } from '../specialties';
import type { Priority, Profession, RegionRef } from '../types';
import { MAX_HIRES } from '../workspace/entities';
import type { TargetDraft } from './crud';
import { isQuarterLabel } from '../calendar';

/** One shortage figure for a service area. */
export type ShortageFigure =
  | {
      source: 'HPSA';
      /** HRSA discipline: "Primary Care", "Mental Health" or "Dental Health". */
      discipline: string;
      /** Practitioner FTEs needed to remove the designations. */
      fteNeeded: number;
      /** Number of HPSAs the need is summed over. */
      designations: number;
      estimate: boolean;
    }
  | { source: 'specialty gap'; specialty: SpecialtyId; fteNeeded: number; estimate: boolean }
  | { source: 'lab workforce gap'; fteNeeded: number; estimate: boolean };

export interface SuggestTargetsOptions {
  /** Share of the need to fill, above 0 and at most 1 (e.g. 0.33). */
  share: number;
  dueQuarter: string;
  /** Where the suggested targets apply, usually the service area the figures describe. */
  region: RegionRef;
  priority?: Priority;
  owner?: string;
}

export interface TargetSuggestion {
  figure: ShortageFigure;
  /** Ready for addTarget; its note carries the explanation. */
  draft: TargetDraft;
  /** e.g. "12.4 FTE needed in 5 primary care HPSAs → suggest 5 hires by 2027-Q4 at a 33% share of need" */
  explanation: string;
}

export interface SkippedFigure {
  figure: ShortageFigure;
  reason: string;
}

export interface TargetSuggestions {
  suggested: TargetSuggestion[];
  notSuggested: SkippedFigure[];
}

type Role = { profession: Profession; specialty: string } | { outOfScope: string };

/** HRSA HPSA disciplines mapped to the hires that address them. */
function roleForHpsa(discipline: string): Role {
  const key = discipline.trim().toLowerCase();
  // HRSA's primary care: the "primary care" group (family medicine, general internal medicine, pediatrics, OB/GYN).
  if (key === 'primary care') return { profession: 'physician', specialty: 'primary care' };
  // HRSA counts mental-health HPSA need in psychiatrist FTEs.
  if (key === 'mental health') return { profession: 'physician', specialty: 'psychiatry' };
  if (key === 'dental' || key === 'dental health') {
    return { outOfScope: 'dental HPSAs need dentists, who are outside this plan (IMG physicians and lab scientists)' };
  }
  return { outOfScope: `unknown HPSA discipline ${JSON.stringify(discipline)}` };
}

function roleFor(figure: ShortageFigure): Role {
  switch (figure.source) {
    case 'HPSA':
      return roleForHpsa(figure.discipline);
    case 'specialty gap':
      return { profession: 'physician', specialty: figure.specialty };
    case 'lab workforce gap':
      return { profession: 'mls', specialty: 'clinical laboratory' };
  }
}

/** ceil(share × need), from 1 to the largest target a workspace holds; rounded first so 0.07 × 100 is 7, not 7.000000000000001 → 8. */
export function suggestedHires(fteNeeded: number, share: number): number {
  const exact = Math.round(share * fteNeeded * 1e6) / 1e6;
  return Math.min(MAX_HIRES, Math.max(1, Math.ceil(exact)));
}

const formatFte = (fte: number) => String(Math.round(fte * 10) / 10);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function needText(figure: ShortageFigure): string {
  const fte = `${formatFte(figure.fteNeeded)} FTE`;
  switch (figure.source) {
    case 'HPSA':
      return `${fte} needed in ${plural(figure.designations, `${figure.discipline.trim().toLowerCase()} HPSA`, `${figure.discipline.trim().toLowerCase()} HPSAs`)}`;
    case 'specialty gap':
      return `${fte} ${figure.specialty} specialty gap`;
    case 'lab workforce gap':
      return `${fte} lab workforce gap`;
  }
}

export function suggestTargets(figures: readonly ShortageFigure[], options: SuggestTargetsOptions): TargetSuggestions {
  if (!(options.share > 0 && options.share <= 1)) throw new RangeError(`share must be above 0 and at most 1, got ${options.share}`);
  if (!isQuarterLabel(options.dueQuarter)) throw new RangeError(`not a quarter label: ${JSON.stringify(options.dueQuarter)}`);
  const result: TargetSuggestions = { suggested: [], notSuggested: [] };
  for (const figure of figures) {
    const role = roleFor(figure);
    if ('outOfScope' in role) {
      result.notSuggested.push({ figure, reason: role.outOfScope });
      continue;
    }
    if (!(figure.fteNeeded > 0) || !Number.isFinite(figure.fteNeeded)) {
      result.notSuggested.push({ figure, reason: `no shortage to fill (${needText(figure)})` });
      continue;
    }
    const hires = suggestedHires(figure.fteNeeded, options.share);
    const explanation =
      `${needText(figure)}${figure.estimate ? ' (estimate)' : ''} → suggest ${plural(hires, 'hire', 'hires')} ` +
      `by ${options.dueQuarter} at a ${Math.round(options.share * 100)}% share of need`;
    result.suggested.push({
      figure,
      explanation,
      draft: {
        ...role,
        region: options.region,
        hires,
        dueQuarter: options.dueQuarter,
        priority: options.priority ?? 'medium',
        owner: options.owner ?? '',
        note: explanation,
      },
    });
  }
  return result;
}
