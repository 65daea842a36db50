// Suggested targets from HRSA's shortage figures only: a share of the FTE HRSA says is needed to
// remove the area's designations, with the arithmetic, the rounding and what the figure means said
// in one sentence. Specialty and laboratory targets are the user's own numbers (with context beside
// them): no published figure measures their shortage, so none is suggested.
import type { Priority, Profession, RegionRef } from '../types';
import { MAX_HIRES } from '../workspace/entities';
import { countOf, formatNumber } from '../format';
import type { TargetDraft } from './crud';
import { isQuarterLabel } from '../calendar';
import type { ShortageFigure } from './shortage-figures';

export type { ShortageFigure } from './shortage-figures';

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
  /** One sentence: the source and date, the need, what it means, the designations behind it, the share and the rounding. */
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

/** HRSA HPSA disciplines mapped to the hires that remove them. */
function roleFor(discipline: string): Role {
  const key = discipline.trim().toLowerCase();
  // HRSA's primary care: family medicine, general internal medicine, pediatrics, OB/GYN (the "primary care" group).
  if (key === 'primary care') return { profession: 'physician', specialty: 'primary care' };
  // HRSA measures most mental-health HPSAs by population per psychiatrist.
  if (key === 'mental health') return { profession: 'physician', specialty: 'psychiatry' };
  if (key === 'dental' || key === 'dental health') {
    return { outOfScope: 'dental HPSAs need dentists, who are outside this plan (IMG physicians and lab scientists)' };
  }
  return { outOfScope: `unknown HPSA discipline ${JSON.stringify(discipline)}` };
}

/**
 * ceil(share × need), from 1 to the largest target a workspace holds. The product is first rounded
 * to the hundredth the sentence shows: 0.07 × 100 is 7, not 7.000000000000001 → 8, and HRSA's
 * 205.0033 FTE (four decimals in its file) at 100% is the 205 hires shown, not 206.
 */
export function suggestedHires(fteNeeded: number, share: number): number {
  return Math.min(MAX_HIRES, Math.max(1, Math.ceil(exactShare(fteNeeded, share))));
}

const exactShare = (fteNeeded: number, share: number) => Math.round(share * fteNeeded * 100) / 100;

/** A figure with up to two decimals ("55.43", "18.3", "12"). */
const decimal = (v: number) => formatNumber(v, 2).replace(/\.?0+$/, '');
const ratio = (goal: string) => goal.replace(/^(\d+)(:)/, (_, n: string, colon: string) => formatNumber(Number(n)) + colon);

/** What HRSA's figure is: the FTE that brings each area to its ratio goal, a floor, not a recruiting target. */
function floorText(figure: ShortageFigure): string {
  const goals = figure.ratioGoals.length
    ? `its ratio goal (${figure.ratioGoals.map(ratio).join(' or ')})`
    : figure.discipline === 'Primary Care'
      ? '3,500:1, or 3,000:1 where need is high'
      : "HRSA's ratio goal for the discipline";
  return `HRSA's floor, the FTE that brings each area to ${goals}, not a recruiting target`;
}

/** How many designations carry an FTE figure, and how many facility designations do not. */
function designationsText(figure: ShortageFigure): string {
  if (figure.withFte === null) return 'the published summary does not say how many designations carry an FTE figure';
  const n = figure.designations;
  const parts = [
    figure.withFte !== n
      ? `${formatNumber(figure.withFte)} of the ${formatNumber(n)} carry an FTE figure`
      : n === 1
        ? 'it carries an FTE figure'
        : `all ${formatNumber(n)} carry an FTE figure`,
  ];
  if (figure.facilityWithoutFte)
    parts.push(`${countOf(figure.facilityWithoutFte, 'facility designation', 'facility designations')} carry none`);
  if (figure.otherWithoutFte) parts.push(`${countOf(figure.otherWithoutFte, 'other designation', 'other designations')} carry none`);
  return parts.join(', ');
}

/** "at a 33% share, 18.29 → 19 hires, rounded up" */
function roundingText(figure: ShortageFigure, share: number, hires: number): string {
  const exact = exactShare(figure.fteNeeded, share);
  const pct = `${decimal(share * 100)}%`;
  if (exact > MAX_HIRES)
    return `at a ${pct} share, ${decimal(exact)} → ${formatNumber(hires)} hires, capped at the largest target a workspace holds`;
  if (Number.isInteger(exact) && exact >= 1) return `at a ${pct} share, exactly ${countOf(hires, 'hire', 'hires')}`;
  return `at a ${pct} share, ${decimal(exact)} → ${countOf(hires, 'hire', 'hires')}, rounded up`;
}

function explain(figure: ShortageFigure, options: SuggestTargetsOptions, hires: number): string {
  const where = figure.basis === 'summary' ? ` for ${figure.states.join(', ')}` : '';
  return (
    `${figure.discipline}, ${figure.source}${where}: ${decimal(figure.fteNeeded)} FTE needed to remove ` +
    `${countOf(figure.designations, 'designation', 'designations')} — ${floorText(figure)}; ${designationsText(figure)}; ` +
    `${roundingText(figure, options.share, hires)}, by ${options.dueQuarter}.`
  );
}

export function suggestTargets(figures: readonly ShortageFigure[], options: SuggestTargetsOptions): TargetSuggestions {
  if (!(options.share > 0 && options.share <= 1)) throw new RangeError(`share must be above 0 and at most 1, got ${options.share}`);
  if (!isQuarterLabel(options.dueQuarter)) throw new RangeError(`not a quarter label: ${JSON.stringify(options.dueQuarter)}`);
  const result: TargetSuggestions = { suggested: [], notSuggested: [] };
  for (const figure of figures) {
    const role = roleFor(figure.discipline);
    if ('outOfScope' in role) {
      result.notSuggested.push({ figure, reason: role.outOfScope });
      continue;
    }
    if (!(figure.fteNeeded > 0) || !Number.isFinite(figure.fteNeeded)) {
      result.notSuggested.push({
        figure,
        reason: `${figure.discipline}, ${figure.source}: no FTE needed to remove the ${countOf(figure.designations, 'designation', 'designations')}`,
      });
      continue;
    }
    const hires = suggestedHires(figure.fteNeeded, options.share);
    const explanation = explain(figure, options, hires);
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
