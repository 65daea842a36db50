// "Your offer": an annual salary for an occupation in a state, compared with the wages other
// employers filed there; the H-1B wage level it most likely meets, the lottery odds at that level,
// the offer saved on a target, and what it does to the target's forecast.
import type { Coordinator } from '../../data/cache/coordinator';
import { peerOffersNear, type PeerOfferNearRow } from '../../data/queries/market';
import { assessOffer, LEVEL_NUMERAL, type OfferAssessment, type PeerOffer, type PeerPlace, type WageLevel } from '../../model/market/offer';
import { defaultWageLevel, levelOdds, selectionProbabilityAt, type LevelOdds } from '../../model/market/lottery-odds';
import { groupOf, occupationLabel, type MarketOccupation } from '../../model/market/market-view';
import type { Assumptions } from '../../model/timing/assumptions';
import type { IsoDate, Target, TargetOffer } from '../../model/types';
import { stateByCode, type Workspace } from '../../model/workspace';
import { matchTargets } from '../../model/forecast/target-matching';
import { setTargetOffer } from '../../model/targets';
import { regionContainsFor } from '../../model/region-contains';
import { forecastWorkspace, type ForecastRunner } from '../pipeline/forecast';
import type { StateRegions } from '../map/regions';

/** Fewer peers with a usable wage than this in the state, and the comparison widens to the Census division, then the nation. */
export const MIN_PEERS = 10;

export interface OfferRequest {
  occupation: MarketOccupation;
  state: string;
  annualWage: number;
}

export interface OfferResult {
  assessment: OfferAssessment;
  /** Where the peers the offer is placed among are: the state, or a wider place when the state has too few filings. */
  place: { label: string };
  /** Said when the comparison had to widen. */
  widened: string | null;
  period: string;
  /** One line for the saved offer: what the estimate rests on. */
  basis: string;
}

const peer = (r: PeerOfferNearRow): PeerOffer => ({ annualWage: r.annual_wage, level: (r.wage_level as WageLevel | null) ?? null });

/**
 * The offer against the peers of the state (or of its Census division, or the nation, when the
 * state has too few), and its likely wage level, each level's threshold from the narrowest of the
 * three places with enough filings (casebook D2).
 */
export async function assessMarketOffer(coordinator: Coordinator, req: OfferRequest, period: string): Promise<OfferResult | null> {
  const rows = await coordinator.query(peerOffersNear(req.occupation, req.state));
  const division = rows[0]?.division;
  const places: PeerPlace[] = [
    { label: stateByCode(req.state)?.name ?? req.state, peers: rows.filter((r) => r.in_state).map(peer) },
    ...(division ? [{ label: `the ${division} division`, peers: rows.filter((r) => r.in_division).map(peer) }] : []),
    { label: 'the United States', peers: rows.map(peer) },
  ];
  const among = places.findIndex((p, i) => p.peers.length >= MIN_PEERS || i === places.length - 1);
  const assessment = assessOffer(req.annualWage, places[among].peers, places);
  if (!assessment) return null;
  const skipped = places.slice(0, among).map((p) => `${p.peers.length} filing(s) with a wage in ${p.label}`);
  return {
    assessment,
    place: { label: places[among].label },
    widened: skipped.length ? `Only ${skipped.join(', ')}: compared with ${places[among].label} instead.` : null,
    period,
    basis: `${assessment.peers} DOL LCA filings for ${occupationLabel(req.occupation)} in ${places[among].label}, ${period}`,
  };
}

export interface OfferOdds {
  level: WageLevel;
  probability: number;
  defaultLevel: WageLevel;
  defaultProbability: number;
  /** Every level's entries and odds (the arithmetic, as a table). */
  levels: LevelOdds[];
  /** Whether the forecast uses wage-level odds at all (the assumptions may say flat). */
  wageWeighted: boolean;
}

export function offerOdds(level: WageLevel, occupation: MarketOccupation, assumptions: Assumptions): OfferOdds {
  const defaultLevel = defaultWageLevel(groupOf(occupation) === 'lab' ? 'mls' : 'physician', assumptions);
  return {
    level,
    probability: selectionProbabilityAt(level, assumptions),
    defaultLevel,
    defaultProbability: selectionProbabilityAt(defaultLevel, assumptions),
    levels: levelOdds(assumptions),
    wageWeighted: assumptions.h1bSelectionModel === 'wage-level',
  };
}

/** Targets an offer for this occupation can be saved on: same profession. */
export function targetsForOffer(targets: readonly Target[], occupation: MarketOccupation): Target[] {
  const profession = groupOf(occupation) === 'lab' ? 'mls' : 'physician';
  return targets.filter((t) => t.profession === profession);
}

export function offerToSave(result: OfferResult, req: OfferRequest, today: IsoDate, confirmedLevel: WageLevel | null): TargetOffer | null {
  const level = confirmedLevel ?? result.assessment.level;
  if (level === null) return null;
  return {
    annualWage: req.annualWage,
    wageLevel: level,
    levelSource: confirmedLevel ? 'confirmed' : 'estimated',
    state: req.state,
    basis: confirmedLevel ? `level ${LEVEL_NUMERAL[confirmedLevel]} from DOL's prevailing wage for the job` : result.basis,
    savedOn: today,
  };
}

export interface OfferForecastChange {
  /** P(target met) without any offer on the target (the default wage level), and with this one. */
  before: number;
  after: number;
  matchedCandidates: number;
  capSubjectCandidates: number;
}

/** The target's chance of being met without the offer and with it: two forecasts of the same workspace and seed. */
export async function offerForecastChange(
  ws: Workspace,
  regions: StateRegions,
  targetId: string,
  offer: TargetOffer,
  today: IsoDate,
  run?: ForecastRunner,
): Promise<OfferForecastChange | null> {
  if (!ws.targets.some((t) => t.id === targetId)) return null;
  const [without, withIt] = await Promise.all([
    forecastWorkspace({ ...ws, targets: setTargetOffer(ws.targets, targetId, null) }, regions, today, run),
    forecastWorkspace({ ...ws, targets: setTargetOffer(ws.targets, targetId, offer) }, regions, today, run),
  ]);
  const of = (f: typeof without) => f.result.targets.find((t) => t.targetId === targetId)!;
  const matched = of(withIt);
  return {
    before: of(without).probabilityMet,
    after: matched.probabilityMet,
    matchedCandidates: matched.matchedCandidates,
    capSubjectCandidates: capSubjectCount(ws, regions, targetId),
  };
}

/** Matched candidates still in the pipeline on the cap-subject H-1B route: the only ones a wage level changes. */
function capSubjectCount(ws: Workspace, regions: StateRegions, targetId: string): number {
  const index = ws.targets.findIndex((t) => t.id === targetId);
  const members = matchTargets(ws.candidates, ws.targets, regionContainsFor(ws.serviceAreas, regions))[index] ?? [];
  return members
    .map((i) => ws.candidates[i])
    .filter((c) => c.visaRoute === 'h1b-cap-subject' && c.stage !== 'arrived' && c.stage !== 'withdrawn').length;
}

/** "56th percentile", "1st percentile", "22nd percentile", "13th percentile". */
export function percentileLabel(share: number): string {
  const n = Math.round(share * 100);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix} percentile`;
}

/**
 * The offer's place among its peers, in words that stay true with ties: the percentile (an equal
 * offer counted half lower) and the counts it is made of — "40 of them are lower, 5 the same".
 */
export function offerPercentileText(result: Pick<OfferResult, 'assessment' | 'place' | 'period'>): { percentile: string; text: string } {
  const a = result.assessment;
  const counts = `${a.lower.toLocaleString('en-US')} of them ${a.lower === 1 ? 'is' : 'are'} lower${a.same ? `, ${a.same.toLocaleString('en-US')} the same` : ''}`;
  return {
    percentile: percentileLabel(a.percentile),
    text: `of ${a.peers.toLocaleString('en-US')} offers in ${result.place.label} (${result.period}): ${counts}${a.same ? ' (the percentile counts an equal offer as half lower)' : ''}.`,
  };
}
