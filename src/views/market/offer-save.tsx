import { useMemo, useState } from 'react';
import {
  offerForecastChange,
  offerToSave,
  targetsForOffer,
  type OfferForecastChange,
  type OfferRequest,
  type OfferResult,
} from '../../app/market/market-offer';
import { targetLabel } from '../../app/common/labels';
import { setTargetOffer } from '../../model/targets';
import { stateRegionMap } from '../../app/map/regions';
import { stateRegions } from '../../data/queries/pipeline';
import { LEVEL_NUMERAL, WAGE_LEVELS, type WageLevel } from '../../model/market/offer';
import { formatNumber } from '../../model/format';
import { useClock } from '../clock-context';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';

const pct = (p: number) => `${formatNumber(p * 100, 0)}%`;

/** Saves the offer on a target (its level sets the forecast's odds for the target's candidates) and shows P(met) before and after. */
export function OfferSave({ result, request }: { result: OfferResult; request: OfferRequest }) {
  const { workspace, update } = useWorkspace();
  const today = useClock().today();
  const regions = stateRegionMap(useQuery(useMemo(stateRegions, [])).rows);
  const targets = targetsForOffer(workspace.targets, request.occupation);
  const [targetId, setTargetId] = useState('');
  const [confirmed, setConfirmed] = useState<WageLevel | null>(null);
  const [change, setChange] = useState<{ text: string; value?: OfferForecastChange; running?: boolean } | null>(null);
  const chosen = targets.find((t) => t.id === targetId) ?? targets[0];
  const offer = offerToSave(result, request, today, confirmed);
  if (!targets.length)
    return <p className="note">Add a target for this profession (Targets) to save the offer on it and see what it does to the forecast.</p>;
  async function save() {
    if (!offer || !chosen) return;
    const next = { ...workspace, targets: setTargetOffer(workspace.targets, chosen.id, offer) };
    update(() => next);
    setChange({ text: 'Running the forecast with and without the offer…', running: true });
    try {
      const value = await offerForecastChange(next, regions, chosen.id, offer, today);
      setChange(value ? { text: '', value } : { text: 'The target is gone.' });
    } catch (e) {
      setChange({ text: `The forecast could not run: ${(e as Error).message}` });
    }
  }
  return (
    <div className="offer-save">
      <label>
        Target
        <select data-testid="offer-target" value={chosen?.id ?? ''} onChange={(e) => setTargetId(e.target.value)}>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {targetLabel(t, workspace.serviceAreas)}
              {t.offer ? ` (offer saved: level ${LEVEL_NUMERAL[t.offer.wageLevel]})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Level from DOL’s prevailing wage, if you have it
        <select
          data-testid="offer-confirmed-level"
          value={confirmed ?? ''}
          onChange={(e) => setConfirmed(e.target.value ? (Number(e.target.value) as WageLevel) : null)}
        >
          <option value="">Use the estimate</option>
          {WAGE_LEVELS.map((l) => (
            <option key={l} value={l}>
              Level {LEVEL_NUMERAL[l]} (confirmed)
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="offer-save" disabled={!offer || change?.running} onClick={() => void save()}>
        Save the offer on this target
      </button>
      <div aria-live="polite" data-testid="offer-forecast" data-state={change?.value ? 'done' : change?.running ? 'running' : 'idle'}>
        {change?.text && <p className="note">{change.text}</p>}
        {change?.value && <ForecastChange change={change.value} level={offer?.wageLevel} />}
      </div>
    </div>
  );
}

function ForecastChange({ change, level }: { change: OfferForecastChange; level?: WageLevel }) {
  if (change.capSubjectCandidates === 0)
    return (
      <p className="note">
        Saved. None of the target’s {change.matchedCandidates} matched candidates is on the cap-subject H-1B route, so the forecast does not
        change: P(target met) stays {pct(change.after)}.
      </p>
    );
  return (
    <p data-testid="offer-pmet">
      Saved. P(target met): <strong>{pct(change.before)}</strong> at the default wage level → <strong>{pct(change.after)}</strong> at level{' '}
      {level ? LEVEL_NUMERAL[level] : '—'} ({change.capSubjectCandidates} cap-subject candidate
      {change.capSubjectCandidates === 1 ? '' : 's'} of {change.matchedCandidates} matched).
    </p>
  );
}
