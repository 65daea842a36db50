// The FY2027 wage-weighted H-1B selection, as the offer panel explains it: a registration is entered
// once per wage level (I = 1 entry … IV = 4; S7), and the per-level chance of selection is one
// law-firm estimate (S9), so it is shown as an assumption, with the user's edited value if any.
import type { Assumptions } from '../timing/assumptions';
import { LEVEL_NUMERAL, WAGE_LEVELS, type WageLevel } from './offer';

export interface LevelOdds {
  level: WageLevel;
  entries: number;
  probability: number;
  /** How many times level I's chance: near the number of entries. */
  timesLevelOne: number;
}

export const LOTTERY_ODDS_SOURCE =
  'FY2027 rule (effective Feb 27, 2026): 1–4 entries for wage levels I–IV, lowest level counts when several employers register one person, no health-care exemption (S7, S9). Per-level odds: one law-firm estimate (S9) — an assumption, editable under Pipeline → assumptions.';

export function selectionProbabilityAt(level: WageLevel, assumptions: Assumptions): number {
  return assumptions[`h1bSelectionProbabilityLevel${level}`];
}

export function levelOdds(assumptions: Assumptions): LevelOdds[] {
  const first = selectionProbabilityAt(1, assumptions);
  return WAGE_LEVELS.map((level) => {
    const probability = selectionProbabilityAt(level, assumptions);
    return { level, entries: level, probability, timesLevelOne: first > 0 ? probability / first : NaN };
  });
}

/** One line per level: "Level III: 3 entries → 45% per lottery (3.0 × level I)". */
export function oddsArithmetic(assumptions: Assumptions): string[] {
  return levelOdds(assumptions).map(
    (o) =>
      `Level ${LEVEL_NUMERAL[o.level]}: ${o.entries} entr${o.entries === 1 ? 'y' : 'ies'} → ${Math.round(o.probability * 100)}% per lottery${o.level === 1 ? '' : ` (${o.timesLevelOne.toFixed(1)} × level I)`}`,
  );
}

/** The wage level the forecast assumes for a profession's cap-subject candidates without a saved offer. */
export function defaultWageLevel(profession: 'physician' | 'mls', assumptions: Assumptions): WageLevel {
  const level = profession === 'mls' ? assumptions.h1bWageLevelMls : assumptions.h1bWageLevelPhysician;
  return Math.min(4, Math.max(1, Math.round(level))) as WageLevel;
}
