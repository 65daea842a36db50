import { useState } from 'react';
import {
  addTarget,
  deleteTarget,
  duplicateTarget,
  filterTargets,
  sortTargets,
  undoDeleteTarget,
  updateTarget,
  type DeletedTarget,
  type TargetDraft,
  type TargetSortField,
} from '../../model/targets';
import type { ServiceArea, Target } from '../../model/types';
import { useWorkspace } from '../workspace-context';
import { TargetForm } from './target-form';
import { emptyDraft } from '../../app/target-draft';
import { TARGET_COLUMNS, targetCells } from '../../app/target-table';
import { professionLabel, regionLabel } from '../../app/labels';
import { specialtyLabel } from '../../model/specialties';
import { useClock } from '../clock-context';
import { Suggestions } from './suggestions';
import { DiversityTargets } from './diversity-targets';
import { WorkspaceFile } from '../workspace-file';
import { downloadCsv } from '../download';

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
  sort,
  onSort,
  onEdit,
  onDuplicate,
  onDelete,
}: {
  targets: Target[];
  areas: readonly ServiceArea[];
  sort: Sort;
  onSort: (s: Sort) => void;
  onEdit: (t: Target) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const header = (by: TargetSortField, label: string) => <SortHeader by={by} label={label} sort={sort} onSort={onSort} />;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="targets-title">
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
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.id} data-target={t.id}>
              {targetCells(t, areas).map((c, i) => (
                <td key={i} className={i === 3 ? 'num' : ''}>
                  {c}
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
              </td>
            </tr>
          ))}
          {!targets.length && (
            <tr>
              <td colSpan={9} className="note">
                No targets yet. Accept a suggestion above or add one with “New target”.
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
  const [sort, setSort] = useState<Sort>({ by: 'dueQuarter', direction: 'asc' });
  const [filter, setFilter] = useState('');
  const areas = workspace.serviceAreas;
  const today = useClock().today();

  const save = (draft: TargetDraft) => {
    update((ws) => ({
      ...ws,
      targets: editing?.kind === 'edit' ? updateTarget(ws.targets, editing.target.id, draft) : addTarget(ws.targets, draft).targets,
    }));
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
    shownAs: (t) => [professionLabel(t), specialtyLabel(t.specialty), regionLabel(t.region, areas)],
  });
  return (
    <div className="targets-screen">
      <p className={`save-state ${saveState}`} data-testid="save-state" role="status">
        {saveState === 'saved' &&
          `Saved in this browser${workspace.savedAt ? ` at ${new Date(workspace.savedAt).toLocaleTimeString()}` : ''}.`}
        {saveState === 'saving' && 'Saving…'}
        {saveState === 'error' && (saveError ?? 'Not saved.')}
      </p>
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
                  [...TARGET_COLUMNS],
                  shown.map((t) => targetCells(t, areas)),
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
          sort={sort}
          onSort={setSort}
          onEdit={(t) => setEditing({ kind: 'edit', target: t })}
          onDuplicate={(id) => update((ws) => ({ ...ws, targets: duplicateTarget(ws.targets, id)?.targets ?? ws.targets }))}
          onDelete={remove}
        />
      </section>
      <DiversityTargets />
      <WorkspaceFile />
    </div>
  );
}
