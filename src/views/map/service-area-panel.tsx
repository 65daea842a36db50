import { useState } from 'react';
import { isSampleItem } from '../../app/plan/sample-data';
import { nextId } from '../../model/targets';
import type { ServiceArea } from '../../model/types';
import { activeServiceArea } from '../../model/service-areas';
import type { MapView } from '../../model/map-view';
import type { AreaValue } from '../../data/queries/shortage';
import { useWorkspace } from '../workspace-context';
import { ServiceAreaEditor } from './service-area-editor';

/**
 * Choose, create and edit the service area. On the map it also adds the selected area or the whole
 * filtered table (`map`); the Targets screen shows it without, so a first target needs no detour.
 */
export function ServiceAreaPanel({ map }: { map?: { view: MapView; rows: AreaValue[] } }) {
  const { workspace, update } = useWorkspace();
  const [name, setName] = useState('');
  const area = activeServiceArea(workspace);
  const setArea = (changed: ServiceArea) =>
    update((ws) => ({ ...ws, serviceAreas: ws.serviceAreas.map((a) => (a.id === changed.id ? changed : a)) }));
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
  return (
    <section className="card service-area" aria-labelledby="sa-title" data-testid="service-area">
      <h2 id="sa-title">Service area{area && isSampleItem(area) && <span className="badge sample">sample</span>}</h2>
      {!area && (
        <p className="empty-state" data-testid="service-area-empty">
          Next: name the area you recruit for (a hospital’s catchment, a region), then add its counties by name.
        </p>
      )}
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
            placeholder="e.g. Central Valley clinics"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && create()}
          />
        </label>
        <button type="button" onClick={create} disabled={!name.trim()} data-testid="service-area-create">
          Create
        </button>
      </div>
      {area && <ServiceAreaEditor area={area} onChange={setArea} map={map} />}
    </section>
  );
}
