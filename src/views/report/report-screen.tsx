import { useEffect, useMemo, useRef, useState } from 'react';
import { MAP_PARAMS, viewFromParams } from '../../model/map-view';
import { MARKET_PARAMS, marketViewFromParams } from '../../model/market/market-view';
import { renderReport } from '../../report/build-report';
import { gatherReport, type GatheredReport } from '../../app/report/gather-report';
import type { ReportInput, ViewChoice } from '../../app/report/report-input';
import { useAtlas } from '../atlas-context';
import { useClock } from '../clock-context';
import { downloadText } from '../download';
import { useWorkspace } from '../workspace-context';
import { useLiveForecast } from '../live-forecast-context';
import { ReportPreview } from './report-preview';
import { ReportTablesCard } from './report-tables-card';
import { useRecordShared } from '../plan/shared-report';
import { useStoredChoice, viewParams } from '../use-url-state';
import { useKeptUploads } from '../data/kept-uploads-context';

const CHOICES: readonly ViewChoice[] = ['plan', 'screen'];

/** Prints the report itself, not this screen: a hidden frame that may show a print dialog but never run script. */
function printReport(html: string, previous: HTMLIFrameElement | null): HTMLIFrameElement {
  previous?.remove();
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.title = 'Report for printing';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
  frame.onload = () => frame.contentWindow?.print();
  frame.srcdoc = html;
  document.body.appendChild(frame);
  return frame;
}

/** The plan's view or the screen's last one, for the map or the market section. */
function ViewChoiceRow(props: {
  name: string;
  label: string;
  value: ViewChoice;
  onChange: (v: ViewChoice) => void;
  words: Record<ViewChoice, string>;
}) {
  return (
    <p className="choice-row">
      <span className="choice-label">{props.label}:</span>
      {CHOICES.map((choice) => (
        <label key={choice} className="radio">
          <input
            type="radio"
            name={`report-${props.name}`}
            checked={props.value === choice}
            onChange={() => props.onChange(choice)}
            data-testid={`report-${props.name}-${choice}`}
          />{' '}
          {props.words[choice]}
        </label>
      ))}
    </p>
  );
}

/** Gathers the report whenever the workspace, the live forecast or the views chosen change; never with an out-of-date forecast. */
function useGatheredReport(views: { map: ViewChoice; market: ViewChoice }) {
  const { coordinator, datasets } = useAtlas();
  const { workspace } = useWorkspace();
  const clock = useClock();
  const live = useLiveForecast();
  const forecast = live.kind === 'current' ? live.forecast : null;
  const updating = live.kind === 'updating';
  const goneNames = useKeptUploads()
    .gone.map((g) => g.name)
    .join('\n');
  const [gathered, setGathered] = useState<{ report?: GatheredReport; error?: string }>({});
  useEffect(() => {
    if (updating) return; // the report waits for the forecast of the workspace as it is now
    let on = true;
    setGathered({});
    // The screens' last views, from the address or as remembered: used where the user chose them.
    const view = viewFromParams(viewParams(MAP_PARAMS));
    const marketView = marketViewFromParams(viewParams(MARKET_PARAMS));
    const goneFiles = goneNames ? goneNames.split('\n') : [];
    gatherReport({ coordinator, datasets, goneFiles, workspace, view, marketView, views, clock, forecast }).then(
      (report) => on && setGathered({ report }),
      (e: Error) => on && setGathered({ error: e.message }),
    );
    return () => {
      on = false;
    };
  }, [coordinator, datasets, goneNames, workspace, clock, forecast, updating, views]);
  return { ...gathered, updating };
}

export function ReportScreen() {
  const clock = useClock();
  const [includeCandidates, setIncludeCandidates] = useState(false);
  const [mapChoice, setMapChoice] = useStoredChoice('report-map', CHOICES, 'plan');
  const [marketChoice, setMarketChoice] = useStoredChoice('report-market', CHOICES, 'plan');
  const views = useMemo(() => ({ map: mapChoice, market: marketChoice }), [mapChoice, marketChoice]);
  const { report, error, updating } = useGatheredReport(views);
  const recordShared = useRecordShared();
  const printFrame = useRef<HTMLIFrameElement | null>(null);
  useEffect(() => () => printFrame.current?.remove(), []);
  const input: ReportInput | null = report ? { ...report, includeCandidates } : null;
  // One string: the preview shows it, the download saves it, the print frame prints it.
  const rendered = useMemo(() => (input ? renderReport(input) : null), [report, includeCandidates]); // eslint-disable-line react-hooks/exhaustive-deps
  const html = rendered?.html ?? null;
  const tables = rendered?.tables ?? [];
  const ready = !!html && !updating;

  return (
    <div className="report-screen">
      <section className="card" aria-labelledby="report-title">
        <h2 id="report-title">Share the analysis as a report</h2>
        <p className="note">
          One HTML file for a board or a colleague. Page one is the plan: the service area and its shortage figures, each target’s expected
          arrivals and chance of being met, the candidates at risk, the fees and the choices behind them. The evidence follows: the shortage
          map, targets, pipeline and forecast, the market, the assumptions and every source with its public address; long tables are in an
          appendix. It opens in any browser without the internet, runs no code, and prints on A4 or Letter.
        </p>
        <fieldset className="report-views" data-testid="report-views">
          <legend>Views in the report</legend>
          <ViewChoiceRow
            name="map"
            label="Map"
            value={mapChoice}
            onChange={setMapChoice}
            words={{ plan: 'your service area (the plan)', screen: 'the view last chosen on the Shortage map tab' }}
          />
          <ViewChoiceRow
            name="market"
            label="Market"
            value={marketChoice}
            onChange={setMarketChoice}
            words={{ plan: 'your targets’ occupations where they recruit', screen: 'the view last chosen on the Market tab' }}
          />
          {report && (
            <>
              <p className="note" data-testid="report-map-view">
                The map shows {report.views.mapText}.
              </p>
              <p className="note" data-testid="report-market-view">
                The market section shows {report.views.marketText}.
              </p>
            </>
          )}
        </fieldset>
        {report && !report.targets.length && (
          <p className="empty-state" data-testid="report-no-targets">
            The report has no target and no forecast yet: set a target first.{' '}
            <a className="button" href="#targets">
              Set a target
            </a>
          </p>
        )}
        {!report && !error && (
          <p className="busy" role="status">
            {updating ? 'Waiting for the forecast to update…' : 'Preparing the report (map, forecast)…'}
          </p>
        )}
        {error && (
          <p className="msg error" role="alert">
            The report could not be prepared: {error}
          </p>
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={includeCandidates}
            onChange={(e) => setIncludeCandidates(e.target.checked)}
            data-testid="report-include-candidates"
          />
          Include candidate-level rows
        </label>
        <p className="note">
          Off: the pipeline appears as counts by stage, and the candidates at risk by their id, specialty and visa route. On: one row per
          candidate (id, specialty, stage, visa route, site) and each one’s forecast, in the appendix — share such a report only with people
          allowed to see candidate data.
        </p>
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              if (!html) return;
              downloadText(`shortage-atlas-report-${clock.today()}.html`, html, 'text/html;charset=utf-8');
              recordShared();
            }}
            disabled={!ready}
            data-testid="export-report"
          >
            Download the report (HTML)
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              if (!html) return;
              printFrame.current = printReport(html, printFrame.current);
              recordShared();
            }}
            disabled={!ready}
            data-testid="print-report"
          >
            Print / save as PDF
          </button>
        </div>
      </section>
      {html && <ReportPreview html={html} stale={updating} />}
      <ReportTablesCard tables={tables} today={clock.today()} />
    </div>
  );
}
