// The FY2027 wage-weighted H-1B selection, as the offer panel explains it: a registration is entered
// once per wage level (I = 1 entry … IV = 4; S7), and a person entered k times is still selected at
// most once. The per-level chances are DHS's projection in the rule's analysis (proposed rule,
// 90 FR 45986, adopted by the final rule of Dec 29, 2025; S7, S9), not measured rates, so they are
// shown as assumptions, with the user's edited value if any.
import type { Assumptions } from '../timing/assumptions';
import { WAGE_LEVELS, type WageLevel } from './offer';

/** DHS's projected chance of selection for everyone under the old random selection, which the level odds are compared with. */
export const RANDOM_SELECTION_PROJECTION = 0.2959;

export interface LevelOdds {
  level: WageLevel;
  entries: number;
  probability: number;
  /** How many times level I's chance: near the number of entries. */
  timesLevelOne: number;
  /** Relative change against random selection's projected chance (−0.48 for level I). */
  againstRandomSelection: number;
}

export const LOTTERY_ODDS_SOURCE =
  'FY2027 rule (final rule of Dec 29, 2025, effective Feb 27, 2026): 1–4 entries for wage levels I–IV, the lowest level counts when several employers register one person, a person is selected at most once, no health-care exemption (S7, S9). Per-level chances: DHS’s projection in the rule’s analysis (proposed rule, 90 FR 45986) — 15.29 / 30.58 / 45.87 / 61.16% for levels I–IV, i.e. −48 / +3 / +55 / +107% against 29.59% under random selection — not a measured rate: an assumption, editable under Pipeline → assumptions, until USCIS publishes FY2027’s selection figures (S8).';

export function selectionProbabilityAt(level: WageLevel, assumptions: Assumptions): number {
  return assumptions[`h1bSelectionProbabilityLevel${level}`];
}

export function levelOdds(assumptions: Assumptions): LevelOdds[] {
  const first = selectionProbabilityAt(1, assumptions);
  return WAGE_LEVELS.map((level) => {
    const probability = selectionProbabilityAt(level, assumptions);
    return {
      level,
      entries: level,
      probability,
      timesLevelOne: first > 0 ? probability / first : NaN,
      againstRandomSelection: probability / RANDOM_SELECTION_PROJECTION - 1,
    };
  });
}

/** The wage level the forecast assumes for a profession's cap-subject candidates without a saved offer. */
export function defaultWageLevel(profession: 'physician' | 'mls', assumptions: Assumptions): WageLevel {
  const level = profession === 'mls' ? assumptions.h1bWageLevelMls : assumptions.h1bWageLevelPhysician;
  return Math.min(4, Math.max(1, Math.round(level))) as WageLevel;
}
