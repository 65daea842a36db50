import { useState } from 'react';
import {
  addTarget,
  deleteTarget,
  duplicateTarget,
  filterTargets,
  setTargetOffer,
  sortTargets,
  undoDeleteTarget,
  updateTarget,
  changedFields,
  type DeletedTarget,
  type TargetDraft,
  type TargetSortField,
} from '../../model/targets';
import type { RegionRef, ServiceArea, Target } from '../../model/types';
import { useWorkspace } from '../workspace-context';
import { holdsNothing } from '../../model/workspace';
import { TargetForm } from './target-form';
import { emptyDraft, mergeNotice } from '../../app/targets/target-draft';
import { TARGET_COLUMNS, targetCells } from '../../app/targets/target-table';
import { professionLabel, regionLabel } from '../../app/common/labels';
import { specialtyLabel } from '../../model/specialties';
import { useClock } from '../clock-context';
import { Suggestions } from './suggestions';
import { DiversityTargets } from './diversity-targets';
import { WorkspaceFile } from '../workspace-file';
import { downloadCsv } from '../download';
import { useCountyNames } from '../use-county-names';
import { isSampleItem } from '../../app/plan/sample-data';
import type { CountyNames } from '../../app/common/county-names';
import { activeServiceArea } from '../../model/service-areas';
import { ServiceAreaPanel } from '../map/service-area-panel';
import { TABLE_WORD } from '../table-word';

/** The county code a spreadsheet joins on, for county and site targets (the CSV keeps it beside the name). */
const regionCountyFips = (r: RegionRef) => (r.kind === 'county' ? r.fips : r.kind === 'site' ? r.countyFips : '');

type Sort = { by: TargetSortField; direction: 'asc' | 'desc' };

function SortHeader({ by, label, sort, onSort }: { by: TargetSortField; label: string; sort: Sort; onSort: (s: Sort) => void }) {
  return (
    <th scope="col" aria-sort={sort.by === by ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => onSort({ by, direction: sort.by === by && sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
      </button>
    </th>
  );
}

function TargetsTable({
  targets,
  areas,
  names,
  filtered,
  onNew,
  sort,
  onSort,
  onEdit,
  onDuplicate,
  onDelete,
  onClearOffer,
}: {
  targets: Target[];
  areas: readonly ServiceArea[];
  names: CountyNames;
  /** Targets exist but the filter hides them all. */
  filtered: boolean;
  onNew: () => void;
  sort: Sort;
  onSort: (s: Sort) => void;
  onEdit: (t: Target) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
  onClearOffer: (id: string) => void;
}) {
  const header = (by: TargetSortField, label: string) => <SortHeader by={by} label={label} sort={sort} onSort={onSort} />;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`targets-title ${TABLE_WORD}`}>
      <table data-testid="targets-table">
        <thead>
          <tr>
            {header('profession', 'Profession')}
            {header('specialty', 'Specialty')}
            <th scope="col">Region</th>
            {header('hires', 'Hires')}
            {header('dueQuarter', 'Due')}
            {header('priority', 'Priority')}
            {header('owner', 'Owner')}
            <th scope="col">Note</th>
            <th scope="col">{TARGET_COLUMNS[8]}</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.id} data-target={t.id}>
              {targetCells(t, areas, names).map((c, i) => (
                <td key={i} className={i === 3 ? 'num' : ''}>
                  {c}
                  {i === 0 && isSampleItem(t) && <span className="badge sample">sample</span>}
                </td>
              ))}
              <td className="actions">
                <button type="button" className="link" onClick={() => onEdit(t)}>
                  Edit
                </button>{' '}
                <button type="button" className="link" onClick={() => onDuplicate(t.id)}>
                  Duplicate
                </button>{' '}
                <button type="button" className="link" onClick={() => onDelete(t.id)} data-testid="target-delete">
                  Delete
                </button>
                {t.offer && (
                  <>
                    {' '}
                    <button type="button" className="link" onClick={() => onClearOffer(t.id)} data-testid="target-clear-offer">
                      Clear offer
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
          {!targets.length && (
            <tr>
              <td colSpan={10} className="empty-state" data-testid="targets-empty">
                {filtered ? (
                  'No target matches the filter.'
                ) : (
                  <>
                    No targets yet: accept a suggestion above, or set one yourself.{' '}
                    <button type="button" onClick={onNew}>
                      Set a target
                    </button>
                  </>
                )}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

type Editing = { kind: 'new' } | { kind: 'edit'; target: Target } | null;

export function TargetsScreen() {
  const { workspace, update, saveState, saveError } = useWorkspace();
  const [editing, setEditing] = useState<Editing>(null);
  const [undo, setUndo] = useState<DeletedTarget | null>(null);
  /** A target saved from its form after another tab had deleted it. */
  const [restored, setRestored] = useState<string | null>(null);
  /** What a save kept of another tab's changes to the same target (mergeNotice). */
  const [merged, setMerged] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>({ by: 'dueQuarter', direction: 'asc' });
  const [filter, setFilter] = useState('');
  const areas = workspace.serviceAreas;
  const today = useClock().today();
  const names = useCountyNames();
  // Shown while the service area is still to be built here, and kept until the person leaves the screen.
  const [buildArea] = useState(() => {
    const area = activeServiceArea(workspace);
    return !area || area.counties.length + area.states.length === 0;
  });

  const save = (draft: TargetDraft) => {
    const edited = editing?.kind === 'edit' ? editing.target : null;
    // Only the fields this form changed: another tab's changes to the others (saved meanwhile) stay.
    const changes = edited ? changedFields(edited, draft) : draft;
    const current = edited && workspace.targets.find((t) => t.id === edited.id);
    update((ws) => ({ ...ws, targets: edited ? updateTarget(ws.targets, edited, changes) : addTarget(ws.targets, draft).targets }));
    setRestored(edited && !current ? edited.id : null);
    setMerged(edited && current ? mergeNotice(edited, current, changes) : null);
    setEditing(null);
  };
  const remove = (id: string) =>
    update((ws) => {
      const r = deleteTarget({ targets: ws.targets, diversityTargets: ws.diversityTargets }, id);
      if (!r) return ws;
      setUndo(r.undo);
      return { ...ws, ...r.lists };
    });
  const restore = () => {
    if (!undo) return;
    update((ws) => ({ ...ws, ...undoDeleteTarget({ targets: ws.targets, diversityTargets: ws.diversityTargets }, undo) }));
    setUndo(null);
  };
  const shown = filterTargets(sortTargets(workspace.targets, sort), {
    text: filter,
    shownAs: (t) => [professionLabel(t), specialtyLabel(t.specialty), regionLabel(t.region, areas, names)],
  });
  return (
    <div className="targets-screen">
      <p className={`save-state ${saveState}`} data-testid="save-state" role="status">
        {saveState === 'saved' &&
          (holdsNothing(workspace)
            ? 'Nothing entered yet: what you add here is saved in this browser as you go.'
            : `Saved in this browser at ${new Date(workspace.savedAt).toLocaleTimeString()}.`)}
        {saveState === 'saving' && 'Saving…'}
        {saveState === 'error' && (saveError ?? 'Not saved.')}
      </p>
      {buildArea && <ServiceAreaPanel />}
      <Suggestions onAccept={(draft) => update((ws) => ({ ...ws, targets: addTarget(ws.targets, draft).targets }))} />
      <section className="card" aria-labelledby="targets-title">
        <div className="card-head">
          <h2 id="targets-title">Recruitment targets ({workspace.targets.length})</h2>
          <div className="button-row">
            <label className="inline">
              Filter <input type="text" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="targets-filter" />
            </label>
            <button type="button" onClick={() => setEditing({ kind: 'new' })} data-testid="target-new">
              New target
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!shown.length}
              onClick={() =>
                downloadCsv(
                  'targets.csv',
                  [...TARGET_COLUMNS, 'County FIPS'],
                  shown.map((t) => [...targetCells(t, areas, names), regionCountyFips(t.region)]),
                )
              }
              data-testid="targets-csv"
            >
              Export CSV
            </button>
          </div>
        </div>
        {undo && (
          <p className="msg ok" role="status">
            Target deleted.{' '}
            <button type="button" className="link" onClick={restore} data-testid="target-undo">
              Undo
            </button>
          </p>
        )}
        {restored && workspace.targets.some((t) => t.id === restored) && (
          <p className="msg warn" role="status" data-testid="target-restored">
            Another tab had deleted this target while you edited it: it is saved again, with your changes. Delete it if the deletion should
            stand.
          </p>
        )}
        {merged && (
          <p className="msg warn" role="status" data-testid="target-merged">
            {merged}
          </p>
        )}
        {editing && (
          <TargetForm
            key={editing.kind === 'edit' ? editing.target.id : 'new'}
            title={editing.kind === 'edit' ? 'Edit target' : 'New target'}
            initial={editing.kind === 'edit' ? editing.target : emptyDraft(areas, today)}
            areas={areas}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        )}
        <TargetsTable
          targets={shown}
          areas={areas}
          names={names}
          filtered={workspace.targets.length > 0}
          onNew={() => setEditing({ kind: 'new' })}
          sort={sort}
          onSort={setSort}
          onEdit={(t) => setEditing({ kind: 'edit', target: t })}
          onDuplicate={(id) => update((ws) => ({ ...ws, targets: duplicateTarget(ws.targets, id)?.targets ?? ws.targets }))}
          onDelete={remove}
          onClearOffer={(id) => update((ws) => ({ ...ws, targets: setTargetOffer(ws.targets, id, null) }))}
        />
      </section>
      <DiversityTargets />
      <WorkspaceFile />
    </div>
  );
}
