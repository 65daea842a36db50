import { useEffect, useMemo, useRef, useState } from 'react';
import { viewFromParams } from '../../model/map-view';
import { marketViewFromParams } from '../../model/market/market-view';
import { buildReportHtml } from '../../report/build-report';
import { gatherReport, type GatheredReport } from '../../app/report/gather-report';
import { describeView } from '../../app/map/map-spec';
import { isUnavailable, type ReportInput } from '../../app/report/report-input';
import { reportTables } from '../../report/report-tables';
import { useAtlas } from '../atlas-context';
import { useClock } from '../clock-context';
import { downloadText } from '../download';
import { useWorkspace } from '../workspace-context';
import { useLiveForecast } from '../live-forecast-context';
import { ReportPreview } from './report-preview';
import { ReportTablesCard } from './report-tables-card';
import { useRecordShared } from '../plan/shared-report';

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

/** Gathers the report whenever the workspace or the live forecast changes; never with an out-of-date forecast. */
function useGatheredReport() {
  const { coordinator, datasets } = useAtlas();
  const { workspace } = useWorkspace();
  const clock = useClock();
  const live = useLiveForecast();
  const forecast = live.kind === 'current' ? live.forecast : null;
  const updating = live.kind === 'updating';
  const [gathered, setGathered] = useState<{ report?: GatheredReport; error?: string }>({});
  useEffect(() => {
    if (updating) return; // the report waits for the forecast of the workspace as it is now
    let on = true;
    setGathered({});
    const params = new URLSearchParams(location.search);
    const view = viewFromParams(params);
    const marketView = marketViewFromParams(params);
    gatherReport({ coordinator, datasets, workspace, view, marketView, clock, forecast }).then(
      (report) => on && setGathered({ report }),
      (e: Error) => on && setGathered({ error: e.message }),
    );
    return () => {
      on = false;
    };
  }, [coordinator, datasets, workspace, clock, forecast, updating]);
  return { ...gathered, updating };
}

export function ReportScreen() {
  const clock = useClock();
  const [includeCandidates, setIncludeCandidates] = useState(false);
  const { report, error, updating } = useGatheredReport();
  const recordShared = useRecordShared();
  const printFrame = useRef<HTMLIFrameElement | null>(null);
  useEffect(() => () => printFrame.current?.remove(), []);
  const input: ReportInput | null = report ? { ...report, includeCandidates } : null;
  // One string: the preview shows it, the download saves it, the print frame prints it.
  const html = useMemo(() => (input ? buildReportHtml(input) : null), [report, includeCandidates]); // eslint-disable-line react-hooks/exhaustive-deps
  const tables = input ? reportTables(input) : [];
  const ready = !!html && !updating;

  return (
    <div className="report-screen">
      <section className="card" aria-labelledby="report-title">
        <h2 id="report-title">Share the analysis as a report</h2>
        <p className="note">
          One HTML file for a board or a colleague: the shortage map for the view chosen on the map screen with its table, the service
          areas, targets and diversity targets, the pipeline by stage, the forecast against each target, the market (who else files and what
          they offer) for the view chosen on the Market screen, and the assumptions with their sources. It opens in any browser without the
          internet, runs no code, and prints on A4 or Letter.
        </p>
        {report && !isUnavailable(report.map) && (
          <p className="note" data-testid="report-map-view">
            Map: {report.map.heading} — {describeView(report.map.view).join(', ')}. Change it on the Shortage map tab.
          </p>
        )}
        {report && !isUnavailable(report.market) && (
          <p className="note" data-testid="report-market-view">
            Market: {report.market.heading}. Change it on the Market tab.
          </p>
        )}
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
          Off: the pipeline appears as counts by stage only. On: one row per candidate (id, specialty, stage, visa route, site) — share such
          a report only with people allowed to see candidate data.
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
