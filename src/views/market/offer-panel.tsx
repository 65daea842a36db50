import { useEffect, useMemo, useState } from 'react';
import { assessMarketOffer, type OfferResult } from '../../app/market/market-offer';
import { filterOptions } from '../../data/queries/shortage';
import { marketSources } from '../../data/queries/market';
import { occupationLabel, type MarketView } from '../../model/market/market-view';
import { useAtlas } from '../atlas-context';
import { useQuery } from '../use-query';
import { OfferResultView } from './offer-result';
import { OfferSave } from './offer-save';

/** A salary typed in is read as whole dollars: "$85,000" and "85000" alike. */
const dollars = (text: string) => {
  const n = Number(text.replace(/[$,\s]/g, ''));
  return Number.isFinite(n) && n > 0 ? n : null;
};

/** "Your offer": where a salary falls among peers' offers, its likely wage level, the odds, and saving it on a target. */
export function OfferPanel({ view }: { view: MarketView }) {
  const { coordinator } = useAtlas();
  const states = useQuery(useMemo(filterOptions, [])).rows ?? [];
  const period = (useQuery(useMemo(marketSources, [])).rows ?? [])
    .filter((s) => s.table_name === 'lca_filings')
    .map((s) => s.period)
    .join(', ');
  const [state, setState] = useState(view.region.kind === 'state' ? view.region.state : '');
  const [salary, setSalary] = useState('');
  const [result, setResult] = useState<{ key: string; value: OfferResult | null; error?: string } | null>(null);
  useEffect(() => {
    if (view.region.kind === 'state') setState(view.region.state);
  }, [view.region]);
  const annualWage = dollars(salary);
  const key = JSON.stringify([view.occupation, state, annualWage, period]);
  useEffect(() => {
    if (!state || annualWage === null) return;
    let live = true;
    assessMarketOffer(coordinator, { occupation: view.occupation, state, annualWage }, period).then(
      (value) => live && setResult({ key, value }),
      (e: Error) => live && setResult({ key, value: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [coordinator, key, view.occupation, state, annualWage, period]);
  const current = result?.key === key ? result : null;
  return (
    <section className="card offer-panel" aria-labelledby="offer-title" data-testid="offer-panel">
      <div className="offer-inputs">
        <h2 id="offer-title">Your offer</h2>
        <p className="note">
          For {occupationLabel(view.occupation)} (change the occupation on the left): where your salary falls among other employers’ H-1B
          offers, the wage level it likely meets, and the lottery odds.
        </p>
        <label>
          State of the job
          <select data-testid="offer-state" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">Choose a state…</option>
            {states.map((s) => (
              <option key={s.state} value={s.state}>
                {s.state_name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Annual salary offered (US$)
          <input
            data-testid="offer-salary"
            type="text"
            inputMode="numeric"
            value={salary}
            placeholder="e.g. 85,000"
            onChange={(e) => setSalary(e.target.value)}
            aria-invalid={salary !== '' && annualWage === null}
          />
        </label>
        {salary !== '' && annualWage === null && <p className="msg error">Type the salary as a number of dollars a year, e.g. 85000.</p>}
      </div>
      <div
        className="offer-output"
        aria-live="polite"
        data-testid="offer-result"
        data-state={current ? 'done' : state && annualWage ? 'loading' : 'idle'}
      >
        {current?.error && <p className="msg error">{current.error}</p>}
        {current && !current.error && !current.value && (
          <p className="note">No filings with a wage for this occupation in the loaded data.</p>
        )}
        {current?.value && (
          <>
            <OfferResultView result={current.value} occupation={view.occupation} />
            <OfferSave result={current.value} request={{ occupation: view.occupation, state, annualWage: annualWage! }} />
          </>
        )}
      </div>
    </section>
  );
}
