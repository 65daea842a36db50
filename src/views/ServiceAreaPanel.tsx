import { useState } from 'react';
import { nextId } from '../model/targets';
import type { ServiceArea } from '../model/types';
import type { MapView } from '../model/map-view';
import type { AreaValue } from '../data/queries/shortage';
import { useWorkspace } from './workspace-context';

/** The service area being built on the map: saved in the workspace, used by the targets screen. */
export function activeServiceArea(ws: ReturnType<typeof useWorkspace>['workspace']): ServiceArea | undefined {
  const id = ws.view?.activeServiceArea;
  return ws.serviceAreas.find((a) => a.id === id) ?? ws.serviceAreas[0];
}

export function ServiceAreaPanel({ view, rows }: { view: MapView; rows: AreaValue[] }) {
  const { workspace, update } = useWorkspace();
  const [name, setName] = useState('');
  const area = activeServiceArea(workspace);
  const setArea = (changed: ServiceArea) => update((ws) => ({ ...ws, serviceAreas: ws.serviceAreas.map((a) => (a.id === changed.id ? changed : a)) }));
  const add = (geos: string[]) => {
    if (!area) return;
    const counties = geos.filter((g) => g.length === 5);
    const states = rows.filter((r) => geos.includes(r.geo) && r.geo.length === 2).map((r) => r.state);
    setArea({ ...area, counties: [...new Set([...area.counties, ...counties])].sort(), states: [...new Set([...area.states, ...states])].sort() });
  };
  function create() {
    const trimmed = name.trim();
    if (!trimmed) return;
    update((ws) => {
      const id = nextId('area', ws.serviceAreas.map((a) => a.id));
      return { ...ws, serviceAreas: [...ws.serviceAreas, { id, name: trimmed, counties: [], states: [] }], view: { ...ws.view, activeServiceArea: id } };
    });
    setName('');
  }
  const selectedName = rows.find((r) => r.geo === view.selected)?.name;
  return (
    <section className="card service-area" aria-labelledby="sa-title" data-testid="service-area">
      <h2 id="sa-title">Service area</h2>
      {workspace.serviceAreas.length > 0 && (
        <label>
          Editing
          <select
            data-testid="service-area-select"
            value={area?.id ?? ''}
            onChange={(e) => update((ws) => ({ ...ws, view: { ...ws.view, activeServiceArea: e.target.value } }))}
          >
            {workspace.serviceAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="inline-form">
        <label>
          New service area name
          <input type="text" data-testid="service-area-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && create()} />
        </label>
        <button type="button" onClick={create} disabled={!name.trim()} data-testid="service-area-create">
          Create
        </button>
      </div>
      {area && (
        <>
          <div className="button-row">
            <button type="button" className="secondary" disabled={!view.selected} onClick={() => add([view.selected])} data-testid="service-area-add-selected">
              Add {selectedName ?? `the selected ${view.level}`}
            </button>
            <button type="button" className="secondary" disabled={!rows.length} onClick={() => add(rows.map((r) => r.geo))} data-testid="service-area-add-all">
              Add all {rows.length} in the table
            </button>
          </div>
          <p className="note" data-testid="service-area-summary">
            {area.name}: {area.states.length} whole state{area.states.length === 1 ? '' : 's'}
            {area.states.length ? ` (${area.states.join(', ')})` : ''}, {area.counties.length} count{area.counties.length === 1 ? 'y' : 'ies'}. Outlined on the map.
          </p>
          {(area.counties.length > 0 || area.states.length > 0) && (
            <button type="button" className="secondary" onClick={() => setArea({ ...area, counties: [], states: [] })}>
              Clear {area.name}
            </button>
          )}
        </>
      )}
    </section>
  );
}
