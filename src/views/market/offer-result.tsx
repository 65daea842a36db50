import { offerOdds, offerPercentileText, type OfferResult } from '../../app/market/market-offer';
import {
  LEVEL_NUMERAL,
  MIN_FILINGS_FOR_THRESHOLD,
  OFFICIAL_LEVEL_ROUTE,
  THRESHOLD_PERCENTILE,
  thresholdNote,
} from '../../model/market/offer';
import { LOTTERY_ODDS_SOURCE } from '../../model/market/lottery-odds';
import type { MarketOccupation } from '../../model/market/market-view';
import { formatNumber } from '../../model/format';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { useWorkspace } from '../workspace-context';

const pct = (p: number) => `${formatNumber(p * 100, 0)}%`;

/** The offer's percentile, its likely wage level with the thresholds behind it, and the lottery odds by level. */
export function OfferResultView({ result, occupation }: { result: OfferResult; occupation: MarketOccupation }) {
  const { workspace } = useWorkspace();
  const a = result.assessment;
  const percentile = offerPercentileText(result);
  const odds = a.level ? offerOdds(a.level, occupation, currentAssumptions(workspace.assumptions)) : null;
  return (
    <div className="offer-result">
      {result.widened && <p className="note">{result.widened}</p>}
      <p data-testid="offer-percentile">
        <strong>{percentile.percentile}</strong> {percentile.text}
      </p>
      <p data-testid="offer-level">
        Most likely wage level: <strong>{a.level ? `Level ${LEVEL_NUMERAL[a.level]}` : 'not estimated'}</strong>{' '}
        <span className="badge estimate">estimate</span> — {a.levelWhy}.
      </p>
      <table data-testid="offer-thresholds">
        <caption>
          Estimated lowest offer meeting each level ({Math.round(THRESHOLD_PERCENTILE * 100)}th percentile of filings at that level or
          above, from at least {MIN_FILINGS_FOR_THRESHOLD} filings: the state’s, else its Census division’s, else the nation’s)
        </caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col" className="num">
              Filings at or above
            </th>
            <th scope="col">From</th>
            <th scope="col" className="num">
              Estimated threshold ($)
            </th>
          </tr>
        </thead>
        <tbody>
          {a.thresholds.map((t) => (
            <tr key={t.level} data-level={t.level}>
              <td>Level {LEVEL_NUMERAL[t.level]}</td>
              <td className="num">{formatNumber(t.filings)}</td>
              <td data-col="from">
                {t.place}
                {t.tooFew.length > 0 && <span className="small"> ({thresholdNote(t)})</span>}
              </td>
              <td className="num">{formatNumber(t.annualWage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{OFFICIAL_LEVEL_ROUTE}</p>
      {odds && (
        <div data-testid="offer-odds">
          <p>
            H-1B lottery at level {LEVEL_NUMERAL[odds.level]}: <strong>{pct(odds.probability)}</strong> per lottery{' '}
            <span className="badge estimate">assumption</span> (the forecast’s default for offers without a saved level: level{' '}
            {LEVEL_NUMERAL[odds.defaultLevel]}, {pct(odds.defaultProbability)}).
          </p>
          <table>
            <caption>Wage-weighted selection: entries and odds by level</caption>
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col" className="num">
                  Entries in the draw
                </th>
                <th scope="col" className="num">
                  P(selected)
                </th>
                <th scope="col" className="num">
                  × level I
                </th>
              </tr>
            </thead>
            <tbody>
              {odds.levels.map((l) => (
                <tr key={l.level} className={l.level === odds.level ? 'current' : undefined}>
                  <td>Level {LEVEL_NUMERAL[l.level]}</td>
                  <td className="num">{l.entries}</td>
                  <td className="num">{pct(l.probability)}</td>
                  <td className="num">{formatNumber(l.timesLevelOne, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{LOTTERY_ODDS_SOURCE}</p>
          {!odds.wageWeighted && (
            <p className="msg warn">The forecast is set to flat odds (Pipeline → assumptions): a saved offer’s level will not change it.</p>
          )}
        </div>
      )}
    </div>
  );
}
