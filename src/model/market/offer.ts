// "Your offer" against peers' offers: where an annual salary falls among the wages other employers
// filed for the same specialty and place, and the H-1B wage level it most likely meets.
//
// The level: from FY2027 a registration counts at the highest OEWS wage level (I–IV) that the
// offered wage equals or exceeds for the SOC code and area (S7, S9). A filing's PW_WAGE_LEVEL is
// the level its prevailing wage was set at, and the law requires its offered wage to be at least
// that prevailing wage. So every filing at level L or above offered at least the level-L wage of
// its area: a low percentile of those offers estimates the level-L threshold. The lowest offers
// come from the state's cheapest areas, so the lower quartile is taken rather than the minimum: an
// offer is not told it reaches a level only the cheapest area's threshold would grant. A threshold
// rests on at least ~30 filings (casebook D2): where the state has fewer at a level, it is taken
// from the state's Census division, then the nation, and says so. The official answer is DOL's
// prevailing wage (OFLC's OEWS wage) for the SOC code and area of employment.

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
/** Fewer filings at level ≥ L than this in a place and the level-L threshold is taken from a wider place (casebook D2: ~30). */
export const MIN_FILINGS_FOR_THRESHOLD = 30;

/** The filings of one place, narrowest first when several are given: the state, its Census division, the nation. */
export interface PeerPlace {
  /** "Texas", "the West South Central division", "the United States". */
  label: string;
  peers: PeerOffer[];
}

export interface LevelThreshold {
  level: WageLevel;
  /** Filings with a level of `level` or above and a usable wage, in the place the threshold comes from. */
  filings: number;
  /** That place; the last one given when none has enough filings. */
  place: string;
  /** The narrower places passed over for too few filings, with their counts. */
  tooFew: { place: string; filings: number }[];
  /** Estimated lowest annual wage that meets the level; null when no place has enough filings. */
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

/**
 * Thresholds per level, each from the narrowest place with enough filings at that level or above,
 * kept non-decreasing (a higher level never needs less). `places`: narrowest first.
 */
export function levelThresholds(places: readonly PeerPlace[]): LevelThreshold[] {
  let floor = 0;
  return WAGE_LEVELS.map((level) => {
    const tooFew: LevelThreshold['tooFew'] = [];
    for (const place of places) {
      const wages = place.peers.filter((p) => p.level !== null && p.level >= level).map((p) => p.annualWage);
      if (wages.length >= MIN_FILINGS_FOR_THRESHOLD) {
        floor = Math.max(floor, quantile(wages, THRESHOLD_PERCENTILE)!);
        return { level, filings: wages.length, place: place.label, tooFew, annualWage: floor };
      }
      tooFew.push({ place: place.label, filings: wages.length });
    }
    const last = tooFew.pop() ?? { place: '', filings: 0 };
    return { level, filings: last.filings, place: last.place, tooFew, annualWage: null };
  });
}

/** "too few nearer: Texas 18; 30 needed": why a threshold comes from a wider place (or none); empty when it does not. */
export function thresholdNote(t: LevelThreshold): string {
  if (!t.tooFew.length) return '';
  const narrower = t.tooFew.map((p) => `${p.place} ${p.filings}`).join(', ');
  return t.annualWage === null
    ? `not estimated: fewer than ${MIN_FILINGS_FOR_THRESHOLD} filings at level ${LEVEL_NUMERAL[t.level]} or above anywhere (${narrower}, ${t.place} ${t.filings})`
    : `too few nearer: ${narrower}; ${MIN_FILINGS_FOR_THRESHOLD} needed`;
}

export interface OfferAssessment {
  annualWage: number;
  /** Peer filings with a usable wage (the place the offer is placed among). */
  peers: number;
  /** Share of peers' offers below this one (ties count half), 0–1. */
  percentile: number;
  /** Peers' offers below this one, and equal to it (the counts the percentile is made of). */
  lower: number;
  same: number;
  /** Highest level whose estimated threshold the offer meets; I when below every estimate; null when none could be estimated. */
  level: WageLevel | null;
  /** Why: the threshold met, how many filings it rests on and where (or "below every estimated threshold"). */
  levelWhy: string;
  thresholds: LevelThreshold[];
}

/**
 * The offer among `peers` (its percentile) and the level its wage most likely meets, from the
 * thresholds of `places` (narrowest first; by default the peers alone).
 */
export function assessOffer(
  annualWage: number,
  peers: PeerOffer[],
  places: readonly PeerPlace[] = [{ label: 'the place', peers }],
): OfferAssessment | null {
  const total = peers.length;
  if (!(annualWage > 0) || total === 0) return null;
  const lower = peers.filter((p) => p.annualWage < annualWage).length;
  const same = peers.filter((p) => p.annualWage === annualWage).length;
  const thresholds = levelThresholds(places);
  const met = [...thresholds].reverse().find((t) => t.annualWage !== null && annualWage >= t.annualWage);
  const known = thresholds.filter((t) => t.annualWage !== null);
  const level = met?.level ?? (known.length ? 1 : null);
  const levelWhy = met
    ? `meets the estimated level ${LEVEL_NUMERAL[met.level]} threshold (${Math.round(THRESHOLD_PERCENTILE * 100)}th percentile of ${met.filings} filings at level ${LEVEL_NUMERAL[met.level]} or above in ${met.place}${met.tooFew.length ? `, as ${met.tooFew.map((p) => `${p.place} has ${p.filings}`).join(' and ')}` : ''})`
    : known.length
      ? 'below every estimated threshold: level I (an offer below the level I wage still registers at level I)'
      : `too few filings with a wage level (fewer than ${MIN_FILINGS_FOR_THRESHOLD} at level I or above, even nationwide) to estimate any threshold`;
  return { annualWage, peers: total, percentile: (lower + same / 2) / total, lower, same, level, levelWhy, thresholds };
}

export const OFFICIAL_LEVEL_ROUTE =
  'Official route: the wage level is set by OFLC’s OEWS prevailing wage for the SOC code and the area of employment (a prevailing wage determination, Form ETA-9141, from DOL’s National Prevailing Wage Center is optional for H-1B); employers exempt from the ACWIA fee (universities, their affiliated nonprofits, research organisations) use the ACWIA–Higher Education wages. This estimate only reads the pattern in other employers’ filings.';
