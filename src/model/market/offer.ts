// "Your offer" against peers' offers: where an annual salary falls among the wages other employers
// filed for the same specialty and place, and the H-1B wage level it most likely meets.
//
// The level: from FY2027 a registration counts at the highest OEWS wage level (I–IV) that the
// offered wage equals or exceeds for the SOC code and area (S7, S9). A filing's PW_WAGE_LEVEL is
// the level its prevailing wage was set at, and the law requires its offered wage to be at least
// that prevailing wage. So every filing at level L or above offered at least the level-L wage of
// its area: a low percentile of those offers estimates the level-L threshold. The lowest offers
// come from the state's cheapest areas, so the lower quartile is taken rather than the minimum: an
// offer is not told it reaches a level only the cheapest area's threshold would grant. The official
// answer is DOL's prevailing wage for the SOC code and worksite area.

export type WageLevel = 1 | 2 | 3 | 4;
export const WAGE_LEVELS: readonly WageLevel[] = [1, 2, 3, 4];
export const LEVEL_NUMERAL: Record<WageLevel, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

export interface PeerOffer {
  annualWage: number;
  /** The filing's prevailing-wage level; null where the file leaves it blank. */
  level: WageLevel | null;
}

/** Which low percentile of the offers at level ≥ L stands for the level-L threshold. */
export const THRESHOLD_PERCENTILE = 0.25;
/** Fewer filings at level ≥ L than this and the level-L threshold is not estimated. */
export const MIN_FILINGS_FOR_THRESHOLD = 5;

export interface LevelThreshold {
  level: WageLevel;
  /** Filings with a level of `level` or above and a usable wage. */
  filings: number;
  /** Estimated lowest annual wage that meets the level; null when too few filings. */
  annualWage: number | null;
}

/** Quantile by linear interpolation between sorted values (DuckDB's quantile_cont); null for none. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Thresholds per level, kept non-decreasing (a higher level never needs less). */
export function levelThresholds(peers: PeerOffer[]): LevelThreshold[] {
  let floor = 0;
  return WAGE_LEVELS.map((level) => {
    const wages = peers.filter((p) => p.level !== null && p.level >= level).map((p) => p.annualWage);
    const filings = wages.length;
    if (filings < MIN_FILINGS_FOR_THRESHOLD) return { level, filings, annualWage: null };
    floor = Math.max(floor, quantile(wages, THRESHOLD_PERCENTILE)!);
    return { level, filings, annualWage: floor };
  });
}

export interface OfferAssessment {
  annualWage: number;
  /** Peer filings with a usable wage. */
  peers: number;
  /** Share of peers' offers below this one (ties count half), 0–1. */
  percentile: number;
  /** Highest level whose estimated threshold the offer meets; I when below every estimate; null when none could be estimated. */
  level: WageLevel | null;
  /** Why: the threshold met (or "below every estimated threshold"). */
  levelWhy: string;
  thresholds: LevelThreshold[];
}

export function assessOffer(annualWage: number, peers: PeerOffer[]): OfferAssessment | null {
  const total = peers.length;
  if (!(annualWage > 0) || total === 0) return null;
  const below = peers.reduce((s, p) => s + (p.annualWage < annualWage ? 1 : p.annualWage === annualWage ? 0.5 : 0), 0);
  const thresholds = levelThresholds(peers);
  const met = [...thresholds].reverse().find((t) => t.annualWage !== null && annualWage >= t.annualWage);
  const known = thresholds.filter((t) => t.annualWage !== null);
  const level = met?.level ?? (known.length ? 1 : null);
  const levelWhy = met
    ? `meets the estimated level ${LEVEL_NUMERAL[met.level]} threshold (${Math.round(THRESHOLD_PERCENTILE * 100)}th percentile of ${met.filings} filings at level ${LEVEL_NUMERAL[met.level]} or above)`
    : known.length
      ? 'below every estimated threshold: level I (an offer below the level I wage still registers at level I)'
      : `too few filings with a wage level (fewer than ${MIN_FILINGS_FOR_THRESHOLD}) to estimate any threshold`;
  return { annualWage, peers: total, percentile: below / total, level, levelWhy, thresholds };
}

export const OFFICIAL_LEVEL_ROUTE =
  'Official route: the wage level is set by DOL’s prevailing wage for the SOC code and the worksite’s area — the OFLC wage data for the area, or a prevailing wage determination (Form ETA-9141) from DOL’s National Prevailing Wage Center. This estimate only reads the pattern in other employers’ filings.';
