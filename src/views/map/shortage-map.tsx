import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AreaValue } from '../../data/queries/shortage';
import { loadUsShapes, type UsShapes } from '../../data/geo';
import { mapHeading, mapSpec } from '../../app/map/map-spec';
import { choropleth, recolor } from '../../charts/choropleth';
import { colorLegend } from '../../charts/legend';
import { METRICS, type MapView } from '../../model/map-view';
import { NATIONAL_DETAIL_STATES, STATES_AND_DC, type HpsaSource } from '../../model/hpsa-sources';
import type { ServiceArea } from '../../model/types';
import type { QueryState } from '../use-query';
import { SourceLine } from './source-line';
import { useAtlas } from '../atlas-context';
import { EngineWait } from '../engine-wait';
import { CONNECTICUT_NOTE, PUERTO_RICO_NOTE } from '../../model/county-supply';

/** Provider figures: Connecticut's counties and planning regions, and Alaska's split census area, said where they are in view. */
function SupplyCoverageNote({ view }: { view: MapView }) {
  const shows = (state: string) => !view.states.length || view.states.includes(state);
  const notes = [
    ...(shows('CT') ? [CONNECTICUT_NOTE] : []),
    ...(shows('PR') ? [PUERTO_RICO_NOTE] : []),
    ...(shows('AK') && view.level === 'county'
      ? [
          'Alaska: Valdez-Cordova Census Area, split in 2019 into Chugach and Copper River, is drawn as one shape; the newer figures of the two are summed into it (counts and people, the rate from the sums).',
        ]
      : []),
  ];
  return notes.length ? (
    <p className="coverage-note" data-testid="coverage-note">
      {notes.join(' ')}
    </p>
  ) : null;
}

/** Says plainly when the figures shown cover part of the country only, and what to load for the rest. */
function CoverageNote({ view, main }: { view: MapView; main: HpsaSource | null }) {
  if (METRICS[view.metric].kind === 'supply') return <SupplyCoverageNote view={view} />;
  if (METRICS[view.metric].kind !== 'hpsa') return null;
  const text = !main
    ? `No HRSA ${view.discipline.toLowerCase()} figures are loaded${view.level === 'county' ? ' at county level' : ''}. Load HRSA's detail file (BCD_HPSA_FCT_DET_${view.discipline === 'Mental Health' ? 'MH' : view.discipline === 'Dental Health' ? 'DH' : 'PC'}.csv) for them.`
    : main.kind === 'detail' && main.states < NATIONAL_DETAIL_STATES
      ? `County detail from the loaded detail file covers ${main.stateList || 'part of the country'} only; load HRSA's national detail file for every county. Every state's total is on the States map.`
      : main.kind === 'summary' && main.states < STATES_AND_DC
        ? `HRSA's ${main.asOf} table here has ${main.states} of ${STATES_AND_DC} states; hatched states are not in it. The complete tables are older (choose the date under the map filters).`
        : '';
  return text ? (
    <p className="coverage-note" data-testid="coverage-note">
      {text}
    </p>
  ) : null;
}

export function ShortageMap({
  view,
  state,
  onSelect,
  area,
  main,
}: {
  view: MapView;
  state: QueryState<AreaValue>;
  onSelect: (geo: string) => void;
  /** The service area to outline. */
  area: ServiceArea | undefined;
  /** The HRSA source the rows come from (HPSA metrics). */
  main: HpsaSource | null;
}) {
  const [shapes, setShapes] = useState<UsShapes | null>(null);
  const [shapeError, setShapeError] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const legendHost = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement | null>(null);
  /** What the paths show: the rows' token (query and data version) and the view's selection and outline. */
  const [painted, setPainted] = useState({ paints: '', shown: '' });
  const { markDrawn } = useAtlas();
  useEffect(() => {
    let current = true;
    setShapeError(null);
    loadUsShapes(view.level).then(
      (s) => current && setShapes(s),
      (e: Error) => current && setShapeError(e.message),
    );
    return () => {
      current = false;
    };
  }, [view.level]);

  /** The shapes of the level shown: none while another level's are still on hand. */
  const levelShapes = shapes?.level === view.level ? shapes : null;
  // The report draws the same spec (app/map-spec.ts): same colours, outline and zoom.
  const spec = useMemo(
    () => (levelShapes && state.rows ? mapSpec({ view, rows: state.rows, shapes: levelShapes, area, main }) : null),
    [levelShapes, state.rows, view, area, main],
  );

  // Build the SVG when the level's shapes arrive; later changes only repaint it. Layout effects: the
  // map's paths change in the same frame as the table and the cards, never a frame later.
  useLayoutEffect(() => {
    if (!host.current) return;
    if (!levelShapes) {
      // Not another level's map, nor its legend, while this level's shapes load (or failed to).
      host.current.replaceChildren();
      legendHost.current?.replaceChildren();
      return;
    }
    const el = choropleth(mapSpec({ view: { ...view, selected: '' }, rows: [], shapes: levelShapes, area: undefined, main: null }));
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
  }, [levelShapes]);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  const paints = JSON.stringify([state.shown, view, area?.id ?? '']);
  useLayoutEffect(() => {
    if (!svg.current || !spec || !state.rows) return;
    recolor(svg.current, spec);
    legendHost.current?.replaceChildren(colorLegend(spec.scale, spec.legend.label, spec.legend.format, spec.legend));
    setPainted({ paints, shown: state.shown });
    markDrawn();
  }, [spec, state.rows, state.shown, paints, markDrawn]);

  const done = !state.pending && !!levelShapes && painted.paints === paints;
  return (
    <figure
      className="card map-card"
      data-testid="shortage-map"
      data-query-state={done ? 'done' : 'loading'}
      data-data-version={painted.shown || undefined}
      data-shapes={levelShapes?.areas.length ?? 0}
    >
      <figcaption>
        <h2>{mapHeading(view)}</h2>
        {spec && (
          <p className="vintage" data-testid="map-vintage">
            {spec.vintage}
          </p>
        )}
      </figcaption>
      <CoverageNote view={view} main={main} />
      {shapeError && <p className="msg error">The map shapes could not be loaded: {shapeError}</p>}
      {state.error && <p className="msg error">{state.error.message}</p>}
      <EngineWait pending={state.pending} />
      <div className="map-host" ref={host} />
      <div ref={legendHost} />
      <p className="note">
        Click a {view.level} for{' '}
        {view.level === 'state'
          ? 'every figure published for it'
          : 'every provider figure with its year, its 2014–2021 trend and its designations'}
        . Alaska, Hawaii and Puerto Rico are shown inset; the other island areas are in the table only.
      </p>
      <SourceLine metric={view.metric} />
    </figure>
  );
}
