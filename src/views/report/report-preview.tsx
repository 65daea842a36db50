/**
 * The report as it will be downloaded, shown in a frame that runs no script: `sandbox` without
 * allow-scripts (nor allow-same-origin), and the document comes from memory (srcdoc), not from a URL.
 */
export function ReportPreview({ html, stale }: { html: string; stale: boolean }) {
  return (
    <section className="card report-preview" aria-labelledby="report-preview-title" data-testid="report-preview">
      <h2 id="report-preview-title">Preview — exactly the file you download</h2>
      {stale && (
        <p className="stale-note" role="status">
          Out of date: the forecast is updating for your latest change; the preview follows when it is done.
        </p>
      )}
      <iframe className={stale ? 'stale' : undefined} sandbox="" srcDoc={html} title="Report preview" data-testid="report-frame" />
    </section>
  );
}
