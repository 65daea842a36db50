import { useAtlas } from '../atlas-context';
import { partlyReplacedText } from '../../app/data/data-used';

export function DataSources() {
  const { datasets } = useAtlas();
  return (
    <section className="card data-sources" aria-labelledby="sources-title" data-testid="datasets">
      <h2 id="sources-title">Data sources</h2>
      <ul>
        {datasets
          .map((d) => ({ d, partly: partlyReplacedText(d, datasets) }))
          .map(({ d, partly }) => (
            <li key={d.id} className={d.replacedBy ? 'replaced' : ''} data-dataset={d.id}>
              <p className="ds-title">
                {d.title} {d.sample && <span className="badge sample">sample — generated, not published figures</span>}
                {d.estimate && <span className="badge estimate">estimate</span>}
                {d.origin === 'upload' && <span className="badge upload">your file</span>}
                {d.replacedBy && <span className="badge replaced">replaced by your file</span>}
                {partly && <span className="badge replaced">{partly}</span>}
              </p>
              <p className="ds-meta">
                {d.publisher} · {d.vintage} · {d.summary}
              </p>
              <p className="ds-source">
                Source: {d.source} Licence: {d.license}.{d.coverage ? ` Coverage: ${d.coverage}` : ''}
              </p>
            </li>
          ))}
      </ul>
    </section>
  );
}
