import { useEffect, useMemo, useRef, useState } from 'react';
import type { AreaValue } from '../../data/queries/shortage';
import { loadUsShapes, type UsShapes } from '../../data/geo';
import { choropleth, colorScale, recolor } from '../../charts/choropleth';
import { colorLegend } from '../../charts/legend';
import { METRICS, type MapView } from '../../model/map-view';
import { formatNumber } from '../../model/format';
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

const geographicFilter = (v: MapView) => v.states.length > 0 || !!v.censusRegion || !!v.censusDivision || !!v.hhsRegion;

/** Zoom to the areas shown when a region is filtered, or when the loaded data cover only a few states. */
function zoomTarget(v: MapView, rows: AreaValue[]): string[] {
  const states = new Set(rows.map((r) => r.geo.slice(0, 2)));
  return rows.length && (geographicFilter(v) || states.size <= 3) ? rows.map((r) => r.geo) : [];
}

export function ShortageMap({
  view,
  state,
  onSelect,
  outlined,
}: {
  view: MapView;
  state: QueryState<AreaValue>;
  onSelect: (geo: string) => void;
  /** Service-area outline: whole states by state FIPS, and counties. */
  outlined: { states: Set<string>; counties: Set<string> };
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

  const metric = METRICS[view.metric];
  const levelShapes = shapes ? (view.level === 'county' ? shapes.counties : shapes.states) : null;
  const values = useMemo(() => new Map((state.rows ?? []).map((r) => [r.geo, r.value])), [state.rows]);
  const names = useMemo(() => new Map((state.rows ?? []).map((r) => [r.geo, r.name])), [state.rows]);
  const scheme = metric.scheme;

  // Build the SVG when the level changes; later changes only repaint it.
  useEffect(() => {
    if (!shapes || !levelShapes || !host.current) return;
    const el = choropleth({
      shapes: levelShapes,
      borders: view.level === 'county' ? shapes.stateBorders : undefined,
      values: new Map(),
      scale: colorScale([], scheme),
      width: shapes.width,
      height: shapes.height,
      insets: shapes.insets,
      title: '',
      tooltip: () => '',
    });
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
    if (!svg.current || !levelShapes || !state.rows) return;
    const digits = metric.digits;
    const scale = colorScale(
      [...values.values()].filter((v): v is number => v != null),
      scheme,
    );
    const title = `Map of ${view.level === 'county' ? 'counties' : 'states'} coloured by ${metric.label.toLowerCase()}${metric.hpsa ? ` (${view.discipline})` : ''}`;
    recolor(svg.current, {
      shapes: levelShapes,
      values,
      scale,
      title,
      selected: view.selected,
      outlined:
        view.level === 'state'
          ? outlined.states
          : new Set([...outlined.counties, ...levelShapes.filter((c) => outlined.states.has(c.id.slice(0, 2))).map((c) => c.id)]),
      width: shapes!.width,
      height: shapes!.height,
      zoomTo: zoomTarget(view, state.rows),
      tooltip: (shape, v) =>
        `${names.get(shape.id) ?? shape.name}: ${v == null ? 'no value in the loaded data' : `${formatNumber(v, digits)} — ${metric.unit}`}`,
    });
    legendHost.current?.replaceChildren(colorLegend(scale, `${metric.label} (${metric.unit})`, (v) => formatNumber(v, digits)));
    setPainted(JSON.stringify([view, state.rows.length]));
  }, [shapes, levelShapes, values, names, state.rows, view, metric, scheme, outlined]);

  const done = !state.pending && !!shapes && painted === JSON.stringify([view, state.rows?.length ?? -1]);
  return (
    <figure
      className="card map-card"
      data-testid="shortage-map"
      data-query-state={done ? 'done' : 'loading'}
      data-shapes={levelShapes?.length ?? 0}
    >
      <figcaption>
        <h2>
          {metric.label}
          {metric.hpsa ? ` — ${view.discipline}` : view.metric === 'specialty_gap' ? ` — ${view.specialty}` : ''}
        </h2>
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
