import { lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { BootStep, Booting } from '../data/boot';
import { Coordinator } from '../data/coordinator';
import { withUpload, type LoadedDataset } from '../data/datasets';
import { bootFailure, loadDataFile, type UploadOutcome } from '../app/load-file';
import { AtlasContext, type Atlas } from './atlas-context';
import { LoadStatus } from './data/load-status';
import { DataSources } from './data/data-sources';
import { UploadZone } from './data/upload-zone';
import { Overview } from './data/overview';
import { MapScreen } from './map/map-screen';
import { Tabs, type Tab } from './tabs';
import { WorkspaceProvider } from './workspace-context';
import { PipelineSync } from './pipeline-sync';
import { LiveForecastProvider } from './live-forecast-context';
import { PlanStrip } from './plan/plan-strip';
// Screens other than the map load on first use, keeping the initial JavaScript small.
const TargetsScreen = lazy(() => import('./targets/targets-screen').then((m) => ({ default: m.TargetsScreen })));
const PipelineScreen = lazy(() => import('./pipeline/pipeline-screen').then((m) => ({ default: m.PipelineScreen })));
const MarketScreen = lazy(() => import('./market/market-screen').then((m) => ({ default: m.MarketScreen })));
const ReportScreen = lazy(() => import('./report/report-screen').then((m) => ({ default: m.ReportScreen })));

const TABS: Tab[] = [
  { id: 'map', label: 'Shortage map', render: () => <MapScreen /> },
  { id: 'targets', label: 'Targets', render: () => <TargetsScreen /> },
  { id: 'market', label: 'Market', render: () => <MarketScreen /> },
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

/** `onReady`: called once the engine and datasets are up (the benchmark build hooks in there). */
export function App({ booting, onReady }: { booting: Booting; onReady?: (coordinator: Coordinator) => void }) {
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
        onReady?.(coordinator);
        setPhase({ kind: 'ready', coordinator });
      },
      (e: unknown) => setPhase({ kind: 'failed', message: bootFailure(e) }),
    );
    return unsubscribe;
  }, [booting, onReady]);

  const loadFile = useCallback(
    async (file: File): Promise<UploadOutcome> => {
      if (phase.kind !== 'ready') return { ok: false, text: 'The app is still loading; try again in a moment.', details: [] };
      const { outcome, added } = await loadDataFile(phase.coordinator, file, file.name);
      if (added) setDatasets((ds) => withUpload(ds, added));
      return outcome;
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
            <LiveForecastProvider>
              <UploadZone>
                <Tabs tabs={TABS} banner={(open) => <PlanStrip screen={open} />} />
              </UploadZone>
            </LiveForecastProvider>
          </WorkspaceProvider>
        </AtlasContext.Provider>
      )}
    </div>
  );
}
