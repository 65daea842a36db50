import { useMemo, useRef, useState } from 'react';
import { isSampleCandidate, parsePipelineCsv, pipelineTemplateCsv, type PipelineRowError } from '../../model/pipeline';
import { FORECAST_SETTINGS } from '../../model/forecast/settings';
import { STAGES, type Candidate } from '../../model/types';
import { nextAction } from '../../model/timing/next-action';
import type { ForecastResult } from '../../model/forecast/result';
import { regionContainsFor } from '../../model/region-contains';
import { targetNextStep } from '../../model/forecast/next-step';
import { matchTargets } from '../../model/forecast/target-matching';
import { funnelChart } from '../../charts/funnel';
import { arrivalsChart } from '../../charts/arrivals';
import { shortageCounties, stateRegions } from '../../data/queries/pipeline';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';
import { downloadCsv, downloadText } from '../download';
import { PlotHost } from '../plot-host';
import { regionLabel } from '../region-label';
import { runForecastInWorker } from '../forecast-client';
import { formatNumber } from '../../model/format';
import { DiversityTargets } from '../targets/diversity-targets';
import { AssumptionsPanel, FeeScenarioSwitch, currentAssumptions } from './assumptions-panel';

const today = () => new Date().toISOString().slice(0, 10);
const pct = (p: number) => `${Math.round(p * 100)}%`;
const SAMPLE_FILE = 'datasets/sample/pipeline-sample.csv';

/** A date to act by; one already past is flagged, since the step it names is late. */
function ActionDate({ date }: { date: string | null }) {
  if (!date) return <>—</>;
  return date < today() ? (
    <>
      {date} <span className="badge warn">overdue</span>
    </>
  ) : (
    <>{date}</>
  );
}

/** Imported rows replace candidates with the same id; everyone else already saved stays. */
function mergeCandidates(saved: Candidate[], imported: Candidate[]): Candidate[] {
  const byId = new Map(saved.map((c) => [c.id, c]));
  for (const c of imported) byId.set(c.id, c);
  return [...byId.values()];
}

export function PipelineScreen() {
  const { workspace, update } = useWorkspace();
  const [message, setMessage] = useState<{ ok: boolean; text: string; errors: PipelineRowError[] } | null>(null);
  const [forecast, setForecast] = useState<{ result?: ForecastResult; error?: string; running?: boolean; key?: string }>({});
  const input = useRef<HTMLInputElement>(null);
  const shortage = useQuery(useMemo(shortageCounties, [])).rows;
  const regions = useQuery(useMemo(stateRegions, [])).rows;
  const candidates = workspace.candidates;
  const assumptions = useMemo(() => currentAssumptions(workspace.assumptions), [workspace.assumptions]);

  function importText(text: string, fileName: string) {
    const r = parsePipelineCsv(text, fileName);
    if (r.missingColumns.length) {
      setMessage({
        ok: false,
        text: `${fileName} was not imported: it lacks the column(s) ${r.missingColumns.join(', ')}. Download the template for the expected columns. Your saved pipeline is unchanged.`,
        errors: r.errors,
      });
    } else {
      update((ws) => ({ ...ws, candidates: mergeCandidates(ws.candidates, r.candidates) }));
      setMessage({
        ok: r.errors.length === 0,
        text: `Imported ${r.candidates.length} candidate(s) from ${fileName}${r.errors.length ? `; ${r.errors.length} problem(s) below — those rows were not imported` : ''}.`,
        errors: r.errors,
      });
    }
    if (input.current) input.current.value = '';
  }
  async function importSample() {
    const res = await fetch(new URL(SAMPLE_FILE, document.baseURI));
    if (res.ok) importText(await res.text(), 'pipeline-sample.csv (generated sample)');
    else setMessage({ ok: false, text: `The sample pipeline could not be loaded (HTTP ${res.status}).`, errors: [] });
  }
  const samples = candidates.filter(isSampleCandidate).length;

  const funnel = STAGES.map((stage) => ({ stage, count: candidates.filter((c) => c.stage === stage).length }));
  const shortageSet = new Set((shortage ?? []).map((r) => r.county_fips));
  const actions = candidates
    .filter((c) => c.stage !== 'withdrawn' && c.stage !== 'arrived')
    .map((c) => ({ c, next: nextAction(c, assumptions, today()) }));

  const forecastKey = JSON.stringify([candidates, workspace.targets, assumptions]);
  async function run() {
    setForecast({ running: true });
    try {
      const stateMap = new Map((regions ?? []).map((r) => [r.state, { census: r.census_region ?? '', hhs: r.hhs_region ?? 0 }]));
      const result = await runForecastInWorker({
        candidates,
        targets: workspace.targets,
        assumptions,
        now: today(),
        ...FORECAST_SETTINGS,
        regionContains: regionContainsFor(workspace.serviceAreas, stateMap),
      });
      setForecast({ result, key: forecastKey });
    } catch (e) {
      setForecast({ error: (e as Error).message });
    }
  }
  const result = forecast.result;
  const targetLabel = (id: string) => {
    const t = workspace.targets.find((x) => x.id === id);
    return t ? `${t.specialty} — ${regionLabel(t.region, workspace.serviceAreas)}` : id;
  };
  const matched = useMemo(() => {
    if (!result) return new Map<string, number[]>();
    const contains = regionContainsFor(
      workspace.serviceAreas,
      new Map((regions ?? []).map((r) => [r.state, { census: r.census_region ?? '', hhs: r.hhs_region ?? 0 }])),
    );
    const members = matchTargets(candidates, workspace.targets, contains);
    return new Map(workspace.targets.map((t, i) => [t.id, members[i]]));
  }, [result, candidates, workspace.targets, workspace.serviceAreas, regions]);
  const stale = result && forecast.key !== forecastKey;

  return (
    <div className="pipeline-screen">
      <section className="card" aria-labelledby="pipe-import-title">
        <h2 id="pipe-import-title">
          Candidate pipeline ({candidates.length})
          {samples > 0 && <span className="badge sample">{samples} sample candidates — generated, not real people</span>}
        </h2>
        <p className="note">
          Candidate data stays in this browser. Import a CSV in the template’s columns; rows with problems are listed and left out, and
          candidates already saved are kept (a row with the same candidate id replaces it).
        </p>
        <div className="button-row">
          <label className="button" htmlFor="pipeline-upload">
            Import candidates CSV…
          </label>
          <input
            id="pipeline-upload"
            data-testid="pipeline-upload"
            className="visually-hidden-file"
            type="file"
            accept=".csv,text/csv"
            ref={input}
            onChange={(e) => e.target.files?.[0] && void e.target.files[0].text().then((t) => importText(t, e.target.files![0].name))}
          />
          <button type="button" className="secondary" onClick={() => void importSample()} data-testid="pipeline-sample">
            Try the sample pipeline
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => downloadText('pipeline-template.csv', pipelineTemplateCsv(), 'text/csv;charset=utf-8')}
          >
            Download the template
          </button>
          {candidates.length > 0 && (
            <button type="button" className="secondary" onClick={() => update((ws) => ({ ...ws, candidates: [] }))}>
              Remove all candidates
            </button>
          )}
        </div>
        {message && (
          <div className={message.ok ? 'msg ok' : 'msg error'} data-testid="pipeline-message" role={message.ok ? 'status' : 'alert'}>
            <p>{message.text}</p>
            {message.errors.length > 0 && (
              <table className="errors" data-testid="pipeline-errors">
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Column</th>
                    <th scope="col">Value</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {message.errors.slice(0, 200).map((e, i) => (
                    <tr key={i}>
                      <td>{e.line}</td>
                      <td>{e.column}</td>
                      <td>{e.value}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </section>
      {candidates.length > 0 && (
        <>
          <section className="card" aria-labelledby="funnel-title" data-testid="pipeline-funnel">
            <h2 id="funnel-title">Pipeline by stage</h2>
            <PlotHost make={() => funnelChart(funnel, { title: 'Candidates by pipeline stage' })} deps={[JSON.stringify(funnel)]} />
            <table data-testid="funnel-table">
              <thead>
                <tr>
                  {funnel.map((f) => (
                    <th key={f.stage} scope="col" className="num">
                      {f.stage}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {funnel.map((f) => (
                    <td key={f.stage} className="num" data-stage={f.stage}>
                      {f.count}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="forecast-title" data-testid="forecast">
            <div className="card-head">
              <h2 id="forecast-title">Forecast against the targets</h2>
              <button type="button" onClick={() => void run()} disabled={forecast.running} data-testid="forecast-run">
                {forecast.running ? 'Simulating…' : result ? 'Run again' : 'Run the forecast'}
              </button>
            </div>
            <p className="note">
              {FORECAST_SETTINGS.runs.toLocaleString('en-US')} simulated futures (seed {FORECAST_SETTINGS.seed}) of every candidate’s
              remaining steps — licensure, credentialing, the H-1B lottery and calendar, Conrad 30 slots per state and fiscal year — with
              the default assumptions (sources in the model). {stale && <strong>The pipeline or targets changed since this run.</strong>}
            </p>
            <FeeScenarioSwitch />
            {forecast.error && <p className="msg error">{forecast.error}</p>}
            {result && (
              <>
                <PlotHost
                  make={() =>
                    arrivalsChart(
                      result.months.map((m, i) => ({
                        month: new Date(`${m}-01T00:00:00Z`),
                        mean: result.total.cumulative.mean[i],
                        p10: result.total.cumulative.p10[i],
                        p90: result.total.cumulative.p90[i],
                      })),
                      {
                        target: workspace.targets.reduce((s, t) => s + t.hires, 0),
                        title:
                          'Cumulative expected arrivals of all candidates with the 10th–90th percentile band, against the sum of target hires',
                      },
                    )
                  }
                  deps={[result]}
                />
                <p className="note">Line: expected cumulative arrivals; band: 10th–90th percentile; dashed: all targets’ hires combined.</p>
                <details>
                  <summary>The figures behind the charts (every third month)</summary>
                  <div className="table-scroll" tabIndex={0} role="region" aria-label="Cumulative expected arrivals by month">
                    <table data-testid="arrivals-table">
                      <thead>
                        <tr>
                          <th scope="col">End of month</th>
                          <th scope="col" className="num">
                            All candidates (10th–90th)
                          </th>
                          {result.targets.map((f) => (
                            <th key={f.targetId} scope="col" className="num">
                              {targetLabel(f.targetId)}
                            </th>
                          ))}
                          {result.bySpecialtyState.map((g) => (
                            <th key={`${g.specialty}|${g.state}`} scope="col" className="num">
                              {g.specialty}, {g.state}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {result.months.map((m, i) =>
                          i % 3 === 2 ? (
                            <tr key={m}>
                              <td>{m}</td>
                              <td className="num">
                                {formatNumber(result.total.cumulative.mean[i], 1)} ({formatNumber(result.total.cumulative.p10[i])}–
                                {formatNumber(result.total.cumulative.p90[i])})
                              </td>
                              {result.targets.map((f) => (
                                <td key={f.targetId} className="num">
                                  {formatNumber(f.cumulative.mean[i], 1)}
                                </td>
                              ))}
                              {result.bySpecialtyState.map((g) => (
                                <td key={`${g.specialty}|${g.state}`} className="num">
                                  {formatNumber(g.cumulative.mean[i], 1)}
                                </td>
                              ))}
                            </tr>
                          ) : null,
                        )}
                      </tbody>
                    </table>
                  </div>
                  <p className="note">
                    Expected cumulative arrivals; columns after the targets: every specialty and state in the pipeline.
                  </p>
                </details>
                <table data-testid="forecast-table">
                  <thead>
                    <tr>
                      <th scope="col">Target</th>
                      <th scope="col" className="num">
                        Hires
                      </th>
                      <th scope="col">Due</th>
                      <th scope="col" className="num">
                        Matching candidates
                      </th>
                      <th scope="col" className="num">
                        Expected arrivals (10th–90th)
                      </th>
                      <th scope="col" className="num">
                        P(met)
                      </th>
                      <th scope="col" className="num">
                        Expected shortfall
                      </th>
                      <th scope="col">Next action</th>
                      <th scope="col">By</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.targets.map((f) => {
                      const step = targetNextStep(
                        f,
                        result.targetProbability,
                        (matched.get(f.targetId) ?? [])
                          .map((i) => candidates[i])
                          .filter((c) => c.stage !== 'arrived' && c.stage !== 'withdrawn')
                          .map((c) => nextAction(c, assumptions, today())),
                      );
                      return (
                        <tr key={f.targetId} data-target={f.targetId}>
                          <td>{targetLabel(f.targetId)}</td>
                          <td className="num">{f.hires}</td>
                          <td>{f.dueDate}</td>
                          <td className="num">{f.matchedCandidates}</td>
                          <td className="num">
                            {formatNumber(f.expectedArrivals, 1)} ({formatNumber(f.arrivalsP10)}–{formatNumber(f.arrivalsP90)})
                          </td>
                          <td className="num" data-col="p-met">
                            {pct(f.probabilityMet)}
                          </td>
                          <td className="num">{formatNumber(f.expectedShortfall, 1)}</td>
                          <td>{step.action}</td>
                          <td>
                            <ActionDate date={step.date} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <h3>Each target over time</h3>
                <div className="small-multiples" data-testid="target-charts">
                  {result.targets.slice(0, 12).map((f) => {
                    const label = targetLabel(f.targetId);
                    return (
                      <figure key={f.targetId} className="small-multiple">
                        <figcaption>
                          {label}: {f.hires} by {f.dueDate} · P(met) {pct(f.probabilityMet)}
                        </figcaption>
                        <PlotHost
                          make={() =>
                            arrivalsChart(
                              result.months.map((m, i) => ({
                                month: new Date(`${m}-01T00:00:00Z`),
                                mean: f.cumulative.mean[i],
                                p10: f.cumulative.p10[i],
                                p90: f.cumulative.p90[i],
                              })),
                              {
                                target: f.hires,
                                dueDate: new Date(`${f.dueDate}T00:00:00Z`),
                                width: 420,
                                title: `${label}: expected cumulative arrivals with the 10th–90th percentile band against the target of ${f.hires} by ${f.dueDate}`,
                              },
                            )
                          }
                          deps={[result, f.targetId]}
                        />
                      </figure>
                    );
                  })}
                </div>
                <p className="note">
                  Each chart: the target’s matching candidates; dashed horizontal line: hires wanted; dotted vertical line: the due date.
                  The numbers are in the table above.
                </p>
                <h3>Known fees per expected hire, by visa route</h3>
                <table data-testid="cost-table">
                  <thead>
                    <tr>
                      <th scope="col">Visa route</th>
                      <th scope="col" className="num">
                        Candidates
                      </th>
                      <th scope="col" className="num">
                        Expected hires
                      </th>
                      <th scope="col" className="num">
                        Expected fees
                      </th>
                      <th scope="col" className="num">
                        Fees per hire
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.costPerHireByRoute.map((r) => (
                      <tr key={r.visaRoute}>
                        <td>{r.visaRoute}</td>
                        <td className="num">{r.candidates}</td>
                        <td className="num">{formatNumber(r.expectedHires, 1)}</td>
                        <td className="num">${formatNumber(r.expectedFeesUsd)}</td>
                        <td className="num">{r.costPerHireUsd == null ? '—' : `$${formatNumber(r.costPerHireUsd)}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="note">
                  Government filing fees only (registration, premium processing, the $100,000 fee where the scenario applies it); not legal
                  or recruitment costs.
                </p>
              </>
            )}
          </section>
          <DiversityTargets editable={false} />
          <AssumptionsPanel />
          <section className="card" aria-labelledby="actions-title">
            <div className="card-head">
              <h2 id="actions-title">Next actions</h2>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  downloadCsv(
                    'next-actions.csv',
                    ['Candidate', 'Specialty', 'Stage', 'Visa route', 'Site', 'Next action', 'Date', 'Site in a shortage county'],
                    actions.map(({ c, next }) => [
                      c.id,
                      c.specialty,
                      c.stage,
                      c.visaRoute,
                      `${c.siteState} ${c.siteCountyFips}`,
                      next.action,
                      next.date ?? '',
                      shortageSet.has(c.siteCountyFips) ? 'yes' : 'no',
                    ]),
                  )
                }
              >
                Export CSV
              </button>
            </div>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="actions-title">
              <table data-testid="actions-table">
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Specialty</th>
                    <th scope="col">Stage</th>
                    <th scope="col">Visa route</th>
                    <th scope="col">Site</th>
                    <th scope="col">Next action</th>
                    <th scope="col">Date</th>
                  </tr>
                </thead>
                <tbody>
                  {actions.slice(0, 500).map(({ c, next }) => (
                    <tr key={c.id}>
                      <td>
                        {c.id}
                        {isSampleCandidate(c) && <span className="badge sample">sample</span>}
                      </td>
                      <td>{c.specialty}</td>
                      <td>{c.stage}</td>
                      <td>{c.visaRoute}</td>
                      <td>
                        {c.siteState} {c.siteCountyFips}
                        {(c.visaRoute === 'j1-conrad30' || c.visaRoute === 'j1-federal-waiver') &&
                          c.siteCountyFips &&
                          !shortageSet.has(c.siteCountyFips) && (
                            <span
                              className="badge warn"
                              title="No current HPSA designation in this county in the loaded data: the site may need a flex slot or an MUA/MUP designation"
                            >
                              check waiver eligibility
                            </span>
                          )}
                      </td>
                      <td>{next.action}</td>
                      <td>
                        <ActionDate date={next.date} /> {next.dateKind && <span className="id">({next.dateKind})</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
