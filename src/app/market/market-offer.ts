// "Your offer": an annual salary for an occupation in a state, compared with the wages other
// employers filed there; the H-1B wage level it most likely meets, the lottery odds at that level,
// the offer saved on a target, and what it does to the target's forecast.
import type { Coordinator } from '../../data/cache/coordinator';
import { peerOffers } from '../../data/queries/market';
import { stateRegions } from '../../data/queries/pipeline';
import { assessOffer, LEVEL_NUMERAL, type OfferAssessment, type PeerOffer, type WageLevel } from '../../model/market/offer';
import { defaultWageLevel, levelOdds, selectionProbabilityAt, type LevelOdds } from '../../model/market/lottery-odds';
import { groupOf, occupationLabel, type MarketOccupation, type MarketRegion } from '../../model/market/market-view';
import type { Assumptions } from '../../model/timing/assumptions';
import type { IsoDate, Target, TargetOffer } from '../../model/types';
import { stateByCode, type Workspace } from '../../model/workspace';
import { matchTargets } from '../../model/forecast/target-matching';
import { setTargetOffer } from '../../model/targets';
import { regionContainsFor } from '../../model/region-contains';
import { forecastWorkspace, type ForecastRunner } from '../pipeline/forecast';
import { stateRegionMap, type StateRegions } from '../map/regions';

/** Fewer peers with a usable wage than this in the state, and the comparison widens to the Census region, then the nation. */
export const MIN_PEERS = 10;

export interface OfferRequest {
  occupation: MarketOccupation;
  state: string;
  annualWage: number;
}

export interface OfferResult {
  assessment: OfferAssessment;
  /** Where the peers are: the state, or a wider place when the state has too few filings. */
  place: { region: MarketRegion; label: string };
  /** Said when the comparison had to widen. */
  widened: string | null;
  period: string;
  /** One line for the saved offer: what the estimate rests on. */
  basis: string;
}

async function peersIn(coordinator: Coordinator, occupation: MarketOccupation, region: MarketRegion): Promise<PeerOffer[]> {
  const rows = await coordinator.query(peerOffers({ occupation, region }));
  return rows.map((r) => ({ annualWage: r.annual_wage, level: (r.wage_level as WageLevel | null) ?? null }));
}

/** The offer against the peers of the state, or of its Census region or the nation when the state has too few. */
export async function assessMarketOffer(coordinator: Coordinator, req: OfferRequest, period: string): Promise<OfferResult | null> {
  const stateName = stateByCode(req.state)?.name ?? req.state;
  const census = stateRegionMap(await coordinator.query(stateRegions())).get(req.state)?.census;
  const places: { region: MarketRegion; label: string }[] = [
    { region: { kind: 'state', state: req.state }, label: stateName },
    ...(census ? [{ region: { kind: 'census-region' as const, name: census }, label: `the ${census} (Census region)` }] : []),
    { region: { kind: 'nation' }, label: 'the United States' },
  ];
  let counted: string[] = [];
  for (const [i, place] of places.entries()) {
    const peers = await peersIn(coordinator, req.occupation, place.region);
    if (peers.length >= MIN_PEERS || i === places.length - 1) {
      const assessment = assessOffer(req.annualWage, peers);
      if (!assessment) return null;
      return {
        assessment,
        place,
        widened: counted.length ? `Only ${counted.join(', ')}: compared with ${place.label} instead.` : null,
        period,
        basis: `${assessment.peers} DOL wage filings for ${occupationLabel(req.occupation)} in ${place.label}, ${period}`,
      };
    }
    counted = [...counted, `${peers.length} filing(s) with a wage in ${place.label}`];
  }
  return null;
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
