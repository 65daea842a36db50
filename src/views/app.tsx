import { lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { BootStep, Booting } from '../data/boot';
import { Coordinator } from '../data/coordinator';
import { loadUserFile, type LoadedDataset } from '../data/datasets';
import { DataLoadError, describeDuckDbError } from '../data/hpsa-loader';
import { AtlasContext, type Atlas, type UploadOutcome } from './atlas-context';
import { LoadStatus } from './data/load-status';
import { DataSources } from './data/data-sources';
import { UploadZone } from './data/upload-zone';
import { Overview } from './data/overview';
import { MapScreen } from './map/map-screen';
import { Tabs, type Tab } from './tabs';
import { WorkspaceProvider } from './workspace-context';
import { PipelineSync } from './pipeline-sync';
import { registerPipelineHook } from './bench-hooks';
// Screens other than the map load on first use, keeping the initial JavaScript small.
const TargetsScreen = lazy(() => import('./targets/targets-screen').then((m) => ({ default: m.TargetsScreen })));
const PipelineScreen = lazy(() => import('./pipeline/pipeline-screen').then((m) => ({ default: m.PipelineScreen })));
const ReportScreen = lazy(() => import('./report/report-screen').then((m) => ({ default: m.ReportScreen })));

const TABS: Tab[] = [
  { id: 'map', label: 'Shortage map', render: () => <MapScreen /> },
  { id: 'targets', label: 'Targets', render: () => <TargetsScreen /> },
  { id: 'pipeline', label: 'Pipeline & forecast', render: () => <PipelineScreen /> },
  { id: 'report', label: 'Report', render: () => <ReportScreen /> },
  {
    id: 'data',
    label: 'Data sources',
    render: () => (
      <>
        <Overview />
        <DataSources />
      </>
    ),
  },
];

type Phase = { kind: 'loading' } | { kind: 'ready'; coordinator: Coordinator } | { kind: 'failed'; message: string };

function markReplaced(datasets: LoadedDataset[], added: LoadedDataset): LoadedDataset[] {
  const covered = new Set(added.disciplines);
  const replaced = datasets.map((d) =>
    !d.replacedBy && d.table === added.table && d.disciplines.length && d.disciplines.every((x) => covered.has(x))
      ? { ...d, replacedBy: added.source }
      : d,
  );
  return [...replaced, added];
}

export function App({ booting }: { booting: Booting }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [steps, setSteps] = useState<Map<string, string>>(new Map());
  const [datasets, setDatasets] = useState<LoadedDataset[]>([]);

  useEffect(() => {
    const onStep = (s: BootStep) => setSteps((m) => new Map(m).set(s.kind === 'dataset' ? s.id : s.kind, s.text));
    const unsubscribe = booting.subscribe(onStep);
    booting.done.then(
      ({ engine, datasets }) => {
        setDatasets(datasets);
        const coordinator = new Coordinator(engine);
        registerPipelineHook(coordinator);
        setPhase({ kind: 'ready', coordinator });
      },
      (e: unknown) => {
        const message = e instanceof DataLoadError ? [e.message, ...e.details].join(' ') : describeDuckDbError(e);
        setPhase({ kind: 'failed', message });
      },
    );
    return unsubscribe;
  }, [booting]);

  const loadFile = useCallback(
    async (file: File): Promise<UploadOutcome> => {
      if (phase.kind !== 'ready') return { ok: false, text: 'The app is still loading; try again in a moment.', details: [] };
      try {
        const added = await loadUserFile(phase.coordinator.engine, file, file.name);
        setDatasets((ds) => markReplaced(ds, added));
        phase.coordinator.dataChanged();
        return { ok: true, text: `Loaded ${file.name}: ${added.summary}.`, warnings: added.warnings };
      } catch (e) {
        if (e instanceof DataLoadError) return { ok: false, text: e.message, details: e.details };
        return {
          ok: false,
          text: `${file.name} could not be loaded; the data already loaded is unchanged.`,
          details: [describeDuckDbError(e)],
        };
      }
    },
    [phase],
  );

  const atlas = useMemo<Atlas | null>(
    () => (phase.kind === 'ready' ? { coordinator: phase.coordinator, datasets, loadFile } : null),
    [phase, datasets, loadFile],
  );

  return (
    <div className="app" data-ready={phase.kind === 'ready' ? 'true' : 'false'}>
      <header className="app-header">
        <div className="brand">
          <h1>Shortage Atlas</h1>
          <p className="tagline">Where the shortage is, whom to recruit, and whether the international pipeline will get you there.</p>
        </div>
      </header>
      <LoadStatus steps={[...steps.values()]} ready={phase.kind === 'ready'} error={phase.kind === 'failed' ? phase.message : undefined} />
      {atlas && (
        <AtlasContext.Provider value={atlas}>
          <WorkspaceProvider>
            <PipelineSync />
            <UploadZone>
              <Tabs tabs={TABS} />
            </UploadZone>
          </WorkspaceProvider>
        </AtlasContext.Provider>
      )}
    </div>
  );
}
