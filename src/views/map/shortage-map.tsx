import { useEffect, useMemo, useRef, useState } from 'react';
import type { AreaValue } from '../../data/queries/shortage';
import { loadUsShapes, type UsShapes } from '../../data/geo';
import { mapHeading, mapSpec } from '../../app/map-spec';
import { choropleth, recolor } from '../../charts/choropleth';
import { colorLegend } from '../../charts/legend';
import { METRICS, type MapView } from '../../model/map-view';
import type { ServiceArea } from '../../model/types';
import type { QueryState } from '../use-query';
import { SourceLine } from './source-line';
import { useAtlas } from '../atlas-context';

/** Says plainly when the shortage data in use cover part of the country only. */
function CoverageNote({ metric }: { metric: MapView['metric'] }) {
  const { datasets } = useAtlas();
  const partial = METRICS[metric].hpsa ? datasets.filter((d) => d.table === 'hpsa' && !d.replacedBy && d.coverage) : [];
  return partial.length ? (
    <p className="coverage-note" data-testid="coverage-note">
      {partial.map((d) => d.coverage).join(' ')}
    </p>
  ) : null;
}

export function ShortageMap({
  view,
  state,
  onSelect,
  area,
}: {
  view: MapView;
  state: QueryState<AreaValue>;
  onSelect: (geo: string) => void;
  /** The service area to outline. */
  area: ServiceArea | undefined;
}) {
  const [shapes, setShapes] = useState<UsShapes | null>(null);
  const [shapeError, setShapeError] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const legendHost = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement | null>(null);
  const [painted, setPainted] = useState('');
  useEffect(() => {
    loadUsShapes().then(setShapes, (e: Error) => setShapeError(e.message));
  }, []);

  const levelShapes = shapes ? (view.level === 'county' ? shapes.counties : shapes.states) : null;
  // The report draws the same spec (app/map-spec.ts): same colours, outline and zoom.
  const spec = useMemo(
    () => (shapes && state.rows ? mapSpec({ view, rows: state.rows, shapes, area }) : null),
    [shapes, state.rows, view, area],
  );

  // Build the SVG when the level changes; later changes only repaint it.
  useEffect(() => {
    if (!shapes || !host.current) return;
    const el = choropleth(mapSpec({ view: { ...view, selected: '' }, rows: [], shapes, area: undefined }));
    el.addEventListener('click', (e) => {
      const geo = (e.target as Element).getAttribute('data-geo');
      if (geo) onSelectRef.current(geo);
    });
    host.current.replaceChildren(el);
    svg.current = el;
    return () => {
      svg.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shapes, view.level]);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!svg.current || !spec || !state.rows) return;
    recolor(svg.current, spec);
    legendHost.current?.replaceChildren(colorLegend(spec.scale, spec.legend.label, spec.legend.format));
    setPainted(JSON.stringify([view, state.rows.length]));
  }, [spec, state.rows, view]);

  const done = !state.pending && !!shapes && painted === JSON.stringify([view, state.rows?.length ?? -1]);
  return (
    <figure
      className="card map-card"
      data-testid="shortage-map"
      data-query-state={done ? 'done' : 'loading'}
      data-shapes={levelShapes?.length ?? 0}
    >
      <figcaption>
        <h2>{mapHeading(view)}</h2>
      </figcaption>
      <CoverageNote metric={view.metric} />
      {shapeError && <p className="msg error">The map shapes could not be loaded: {shapeError}</p>}
      {state.error && <p className="msg error">{state.error.message}</p>}
      <div className="map-host" ref={host} />
      <div ref={legendHost} />
      <p className="note">
        Click a {view.level} for its designations. Alaska, Hawaii and Puerto Rico are shown inset; the other island areas are in the table
        only.
      </p>
      <SourceLine metric={view.metric} />
    </figure>
  );
}
