import { useState } from 'react';
import { nextId } from '../../model/targets';
import type { ServiceArea } from '../../model/types';
import { activeServiceArea, addToServiceArea, parseAreaCodes } from '../../model/service-areas';
import type { MapView } from '../../model/map-view';
import type { AreaValue } from '../../data/queries/shortage';
import { useWorkspace } from '../workspace-context';

/** "06019, 06107 NV": adds counties and whole states by code; a bad code is named and nothing is added. */
function CodeEntry({ onAdd }: { onAdd: (codes: { counties: string[]; states: string[] }) => void }) {
  const [codes, setCodes] = useState('');
  const [codeError, setCodeError] = useState('');
  function addList() {
    const parsed = parseAreaCodes(codes);
    if (!parsed.ok) return setCodeError(parsed.message);
    onAdd(parsed);
    setCodes('');
    setCodeError('');
  }
  return (
    <>
      <div className="inline-form">
        <label>
          Add by code (county FIPS or state, e.g. 06019, 06107, NV)
          <input
            type="text"
            value={codes}
            maxLength={20000}
            onChange={(e) => setCodes(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && addList()}
            data-testid="service-area-codes"
          />
        </label>
        <button type="button" className="secondary" onClick={addList} disabled={!codes.trim()} data-testid="service-area-add-codes">
          Add
        </button>
      </div>
      {codeError && (
        <p className="msg error" role="alert">
          {codeError}
        </p>
      )}
    </>
  );
}

export function ServiceAreaPanel({ view, rows }: { view: MapView; rows: AreaValue[] }) {
  const { workspace, update } = useWorkspace();
  const [name, setName] = useState('');
  const area = activeServiceArea(workspace);
  const setArea = (changed: ServiceArea) =>
    update((ws) => ({ ...ws, serviceAreas: ws.serviceAreas.map((a) => (a.id === changed.id ? changed : a)) }));
  const add = (geos: string[]) => {
    if (!area) return;
    const counties = geos.filter((g) => g.length === 5);
    const states = rows.filter((r) => geos.includes(r.geo) && r.geo.length === 2).map((r) => r.state);
    setArea(addToServiceArea(area, { counties, states }));
  };
  function create() {
    const trimmed = name.trim();
    if (!trimmed) return;
    update((ws) => {
      const id = nextId(
        'area',
        ws.serviceAreas.map((a) => a.id),
      );
      return {
        ...ws,
        serviceAreas: [...ws.serviceAreas, { id, name: trimmed, counties: [], states: [] }],
        view: { ...ws.view, activeServiceArea: id },
      };
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
          <input
            type="text"
            data-testid="service-area-name"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && create()}
          />
        </label>
        <button type="button" onClick={create} disabled={!name.trim()} data-testid="service-area-create">
          Create
        </button>
      </div>
      {area && (
        <>
          <div className="button-row">
            <button
              type="button"
              className="secondary"
              disabled={!view.selected}
              onClick={() => add([view.selected])}
              data-testid="service-area-add-selected"
            >
              Add {selectedName ?? `the selected ${view.level}`}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!rows.length}
              onClick={() => add(rows.map((r) => r.geo))}
              data-testid="service-area-add-all"
            >
              Add all {rows.length} in the table
            </button>
          </div>
          <CodeEntry onAdd={(codes) => setArea(addToServiceArea(area, codes))} />
          <p className="note" data-testid="service-area-summary">
            {area.name}: {area.states.length} whole state{area.states.length === 1 ? '' : 's'}
            {area.states.length ? ` (${area.states.join(', ')})` : ''}, {area.counties.length} count
            {area.counties.length === 1 ? 'y' : 'ies'}. Outlined on the map.
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
