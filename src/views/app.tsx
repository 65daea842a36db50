import { lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { BootStep, Booting } from '../data/engine/boot';
import { Coordinator } from '../data/cache/coordinator';
import { deferredEngine } from '../data/engine/engine';
import type { Snapshot } from '../data/cache/snapshot';
import type { LoadedDataset } from '../data/loaders/dataset';
import { withUpload } from '../data/loaders/dataset';
import { bootFailure } from '../app/common/boot-failure';
import type { FileLoad, LoadOptions } from '../app/data/load-file';
import { AtlasContext, type Atlas, type EngineState } from './atlas-context';
import { LoadStatus } from './data/load-status';
import { DataSources } from './data/data-sources';
import { UploadZone } from './data/upload-zone';
import { Overview } from './data/overview';
import { MapScreen } from './map/map-screen';
import { Tabs, type Tab } from './tabs';
import { WorkspaceProvider } from './workspace-context';
import { PipelineSync } from './pipeline-sync';
import { LiveForecastProvider } from './live-forecast-context';
import { SharedReportProvider } from './plan/shared-report';
import { PlanStrip } from './plan/plan-strip';
import { TABLE_WORD } from './table-word';
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

/**
 * The loaders' chunk: not part of the first screen, and fetched once the engine is up, so that a
 * first upload does not wait for it (~25 ms here, a network round trip on a real host).
 */
const loaders = () => import('../app/data/load-file');

type Phase = { kind: 'loading' } | { kind: 'ready'; coordinator: Coordinator } | { kind: 'failed'; message: string };

/** `onReady`: called once the coordinator exists (the benchmark build hooks in there). */
export function App({ booting, onReady }: { booting: Booting; onReady?: (coordinator: Coordinator) => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [engine, setEngine] = useState<EngineState>('starting');
  const [drawn, setDrawn] = useState(false);
  const [steps, setSteps] = useState<Map<string, string>>(new Map());
  const [datasets, setDatasets] = useState<LoadedDataset[]>([]);

  useEffect(() => {
    const onStep = (s: BootStep) => setSteps((m) => new Map(m).set(s.kind === 'dataset' ? s.id : s.kind, s.text));
    const unsubscribe = booting.subscribe(onStep);
    let coordinator: Coordinator | null = null;
    const start = (first: Snapshot | null) => {
      if (coordinator) return;
      if (first) setDatasets(first.datasets);
      // Queries wait for the engine, in order; the first screen's are answered from the build's snapshot.
      const db = deferredEngine(
        booting.engine.then((r) => r.engine),
        booting.startEngine,
      );
      coordinator = new Coordinator(db, { known: first?.results });
      onReady?.(coordinator);
      setPhase({ kind: 'ready', coordinator });
    };
    // The map draws from the build's first screen; without one, once the engine is up.
    booting.firstScreen.then(
      (first) => first && start(first),
      () => undefined,
    );
    booting.engine.then(
      ({ datasets }) => {
        setDatasets(datasets);
        setEngine('ready');
        // Asked again by the first upload if this fails (offline): that upload says so, not the start.
        loaders().catch(() => undefined);
        start(null);
      },
      (e: unknown) => {
        setEngine('failed');
        setSteps((m) => new Map(m).set('engine', `The query engine could not start: ${bootFailure(e)}`));
        void booting.firstScreen.then((first) => !first && setPhase({ kind: 'failed', message: bootFailure(e) }));
      },
    );
    return unsubscribe;
  }, [booting, onReady]);

  const loadFile = useCallback(
    async (file: File, options: LoadOptions = {}): Promise<FileLoad> => {
      if (phase.kind !== 'ready') return { outcome: { ok: false, text: 'The app is still loading; try again in a moment.', details: [] } };
      const { loadDataFile } = await loaders();
      const loaded = await loadDataFile(phase.coordinator, file, file.name, options);
      const { added, remaining } = loaded;
      if (added) setDatasets((ds) => withUpload(ds, added, remaining ?? {}));
      return loaded;
    },
    [phase],
  );
  const markDrawn = useCallback(() => {
    setDrawn(true);
    // The engine starts once the map is on screen (boot.ts): after the frame that paints it.
    requestAnimationFrame(() => setTimeout(booting.startEngine));
  }, [booting]);

  const atlas = useMemo<Atlas | null>(
    () => (phase.kind === 'ready' ? { coordinator: phase.coordinator, datasets, loadFile, engine, markDrawn } : null),
    [phase, datasets, loadFile, engine, markDrawn],
  );
  // Ready: the map is drawn and its filters work, or (another screen first) the engine has taken over.
  const ready = phase.kind === 'ready' && (drawn || engine === 'ready');

  return (
    <div className="app" data-ready={ready ? 'true' : 'false'} data-engine={engine}>
      {/* Named after its card's heading plus this word, a table's scroll box is not a second landmark of the same name. */}
      <span id={TABLE_WORD} hidden>
        (table)
      </span>
      <header className="app-header">
        <div className="brand">
          <h1>Shortage Atlas</h1>
          <p className="tagline">Where the shortage is, whom to recruit, and whether the international pipeline will get you there.</p>
        </div>
      </header>
      <LoadStatus
        steps={[...steps.values()]}
        engine={engine}
        drawn={ready}
        datasets={datasets}
        error={phase.kind === 'failed' ? phase.message : undefined}
      />
      {atlas && (
        <AtlasContext.Provider value={atlas}>
          <WorkspaceProvider>
            <PipelineSync />
            <LiveForecastProvider>
              <SharedReportProvider>
                <UploadZone>
                  <Tabs tabs={TABS} banner={(open) => <PlanStrip screen={open} />} />
                </UploadZone>
              </SharedReportProvider>
            </LiveForecastProvider>
          </WorkspaceProvider>
        </AtlasContext.Provider>
      )}
    </div>
  );
}
