// The queries of the map screen as it first opens (no address parameters): the build runs them on
// the embedded data (tools/first-screen.ts), so the map draws before the query engine is up.
// Views outside the map (county names for the plan strip) wait for the engine.
import type { NamedQuery } from '../../data/cache/coordinator';
import { hpsaSources } from '../../data/queries/hpsa-sources';
import { filterOptions, regionPipeline, specialtyOptions } from '../../data/queries/shortage';
import { stateRegions } from '../../data/queries/pipeline';
import { viewFromParams } from '../../model/map-view';
import type { HpsaSource } from '../../model/hpsa-sources';
import { shortageView } from './shortage-view';

/** `run`: the rows of a query (the sources decide which HRSA table the map shows). */
export async function firstScreenQueries(run: <Row>(q: NamedQuery<Row>) => Promise<Row[]>): Promise<NamedQuery<unknown>[]> {
  const view = viewFromParams(new URLSearchParams());
  const sources = hpsaSources();
  const shown = shortageView(view, await run<HpsaSource>(sources));
  return [
    sources,
    shown.values,
    ...(shown.summary ? [shown.summary] : []),
    filterOptions(),
    specialtyOptions(),
    regionPipeline(view),
    stateRegions(),
  ];
}
