import { useEffect, useRef, useState } from 'react';
import { viewFromParams } from '../../model/map-view';
import { buildReportHtml } from '../../report/build-report';
import { gatherReport, type GatheredReport } from '../../app/gather-report';
import { describeView } from '../../app/map-spec';
import { isUnavailable, type ReportInput } from '../../app/report-input';
import { tableCsv } from '../../report/report-table';
import { reportTables } from '../../report/report-tables';
import { useAtlas } from '../atlas-context';
import { useClock } from '../clock-context';
import { downloadText } from '../download';
import { useWorkspace } from '../workspace-context';

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

export function ReportScreen() {
  const { coordinator, datasets } = useAtlas();
  const { workspace } = useWorkspace();
  const clock = useClock();
  const [includeCandidates, setIncludeCandidates] = useState(false);
  const [gathered, setGathered] = useState<{ report?: GatheredReport; error?: string }>({});
  const printFrame = useRef<HTMLIFrameElement | null>(null);

  useEffect(() => {
    let live = true;
    setGathered({});
    const view = viewFromParams(new URLSearchParams(location.search));
    gatherReport({ coordinator, datasets, workspace, view, clock }).then(
      (report) => live && setGathered({ report }),
      (e: Error) => live && setGathered({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [coordinator, datasets, workspace, clock]);
  useEffect(() => () => printFrame.current?.remove(), []);

  const report = gathered.report;
  const input = (): ReportInput | null => (report ? { ...report, generatedAt: clock.now().toISOString(), includeCandidates } : null);
  const tables = report ? reportTables({ ...report, includeCandidates }) : [];

  function exportHtml() {
    const built = input();
    if (built) downloadText(`shortage-atlas-report-${clock.today()}.html`, buildReportHtml(built), 'text/html;charset=utf-8');
  }
  function print() {
    const built = input();
    if (built) printFrame.current = printReport(buildReportHtml(built), printFrame.current);
  }

  return (
    <div className="report-screen">
      <section className="card" aria-labelledby="report-title">
        <h2 id="report-title">Share the analysis as a report</h2>
        <p className="note">
          One HTML file for a board or a colleague: the shortage map for the view chosen on the map screen with its table, the service
          areas, targets and diversity targets, the pipeline by stage, the forecast against each target, and the assumptions with their
          sources. It opens in any browser without the internet, runs no code, and prints on A4 or Letter.
        </p>
        {report && !isUnavailable(report.map) && (
          <p className="note" data-testid="report-map-view">
            Map: {report.map.heading} — {describeView(report.map.view).join(', ')}. Change it on the Shortage map tab.
          </p>
        )}
        {!report && !gathered.error && (
          <p className="busy" role="status">
            Preparing the report (map, forecast)…
          </p>
        )}
        {gathered.error && (
          <p className="msg error" role="alert">
            The report could not be prepared: {gathered.error}
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
          <button type="button" onClick={exportHtml} disabled={!report} data-testid="export-report">
            Download the report (HTML)
          </button>
          <button type="button" className="secondary" onClick={print} disabled={!report} data-testid="print-report">
            Print / save as PDF
          </button>
        </div>
      </section>
      {tables.length > 0 && (
        <section className="card" aria-labelledby="report-tables-title">
          <h2 id="report-tables-title">The report’s tables as CSV</h2>
          <p className="note">Each table as it appears in the report, for a spreadsheet.</p>
          <ul className="report-tables" data-testid="report-tables">
            {tables.map((t) => (
              <li key={t.id}>
                {t.title}{' '}
                <span className="note">
                  ({t.rows.length.toLocaleString('en-US')} {t.rows.length === 1 ? 'row' : 'rows'})
                </span>{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => downloadText(`report-${t.id}-${clock.today()}.csv`, tableCsv(t), 'text/csv;charset=utf-8')}
                  data-testid={`report-csv-${t.id}`}
                >
                  Download CSV<span className="visually-hidden"> of {t.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
