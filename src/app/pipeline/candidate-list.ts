// The candidate list's rows: each candidate in plain words with the latest forecast's figures,
// written to DuckDB (data/tables/candidate-list.ts) whenever the candidates or the forecast change,
// so the list's search, filters, sort and pages are DuckDB queries (data/queries/candidate-list.ts).
import type { Coordinator } from '../../data/cache/coordinator';
import { CANDIDATE_LIST_TABLE, writeCandidateList, type CandidateListRecord } from '../../data/tables/candidate-list';
import type { CandidateForecast, ForecastResult } from '../../model/forecast/result';
import { professionName, routeName, stageName } from '../../model/names';
import { specialtyLabel } from '../../model/specialties';
import { STAGES, type Candidate } from '../../model/types';
import { stateByCode } from '../../model/workspace';
import { siteLabel, type CountyNames } from '../common/county-names';
import { AT_RISK_BELOW } from '../report/plan-page';

/** The matched target a candidate is least likely to arrive in time for (the soonest due among equals); null without one. */
export function leastLikelyTarget(c: Pick<CandidateForecast, 'byTarget'>): CandidateForecast['byTarget'][number] | null {
  return [...c.byTarget].sort((a, b) => a.probability - b.probability || a.dueDate.localeCompare(b.dueDate))[0] ?? null;
}

const inProgress = (c: Candidate) => c.stage !== 'arrived' && c.stage !== 'withdrawn';

/** What the list says instead of a month: the same words as the candidate forecast table. */
export function arrivalNote(c: CandidateForecast | undefined, result: Pick<ForecastResult, 'months'> | null): string {
  if (!c || !result) return 'not forecast yet';
  if (!c.detailed) return 'not computed (beyond the first 20,000 candidates)';
  if (c.standing.kind === 'withdrawn' || c.standing.kind === 'blocked') return 'not in any run';
  return `after ${result.months[result.months.length - 1]} or never`;
}

/**
 * One record per candidate, in workspace order. `result` is the latest forecast (perhaps of an
 * earlier state of the pipeline): a candidate it does not know has no figures yet.
 */
export function candidateListRecords(
  candidates: readonly Candidate[],
  result: ForecastResult | null,
  names: CountyNames,
): CandidateListRecord[] {
  const forecasts = new Map(result?.candidates.map((c) => [c.candidateId, c]));
  return candidates.map((candidate, position): CandidateListRecord => {
    const f = forecasts.get(candidate.id);
    const worst = f ? leastLikelyTarget(f) : null;
    const record = {
      position,
      id: candidate.id,
      specialty_code: candidate.specialty,
      specialty: specialtyLabel(candidate.specialty),
      stage_code: candidate.stage,
      stage: stageName(candidate.stage),
      stage_order: STAGES.indexOf(candidate.stage),
      route_code: candidate.visaRoute,
      route: routeName(candidate.visaRoute),
      site: siteLabel(candidate, names),
      arrival_p10: f?.arrivalP10 ?? null,
      arrival_median: f?.arrivalMedian ?? null,
      arrival_p90: f?.arrivalP90 ?? null,
      arrival_note: arrivalNote(f, result),
      target_id: worst?.targetId ?? null,
      due_date: worst?.dueDate ?? null,
      chance: worst?.probability ?? null,
      at_risk: inProgress(candidate) && worst !== null && worst.probability < AT_RISK_BELOW,
    };
    const state = stateByCode(candidate.siteState)?.name ?? '';
    const words = [record.id, record.specialty, record.stage, record.route, record.site, state, professionName(candidate.profession)];
    return { ...record, search_text: words.join(' ').toLowerCase() };
  });
}

const pending = new WeakMap<Coordinator, { records: CandidateListRecord[] | null; running: Promise<void> }>();

/**
 * Writes the list's table and tells the views reading it. Calls made while a write runs are
 * coalesced: only the newest records are written next, so the table ends as the last call asked.
 */
export function syncCandidateList(coordinator: Coordinator, records: CandidateListRecord[]): Promise<void> {
  let state = pending.get(coordinator);
  if (state) {
    state.records = records;
    return state.running;
  }
  state = { records, running: Promise.resolve() };
  pending.set(coordinator, state);
  const own = state;
  own.running = (async () => {
    try {
      while (own.records) {
        const next = own.records;
        own.records = null;
        await writeCandidateList(coordinator.engine, next);
        await coordinator.dataChanged([CANDIDATE_LIST_TABLE]);
      }
    } finally {
      pending.delete(coordinator);
    }
  })();
  return own.running;
}
