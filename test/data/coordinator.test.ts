import { describe, it, expect, beforeAll } from 'vitest';
import { Coordinator, namedQuery } from '../../src/data/coordinator';
import { createNodeEngine } from '../helpers/duckdb-node';

let coordinator: Coordinator;
beforeAll(async () => {
  coordinator = new Coordinator(await createNodeEngine());
});

describe('Coordinator', () => {
  it('runs a query once and serves repeats from its cache', async () => {
    await coordinator.engine.query('CREATE TABLE t AS SELECT range AS v FROM range(3)');
    const q = namedQuery<{ n: number }>('count', 'SELECT count(*)::INTEGER AS n FROM t');
    const before = coordinator.queriesRun;
    const [a, b] = await Promise.all([coordinator.query(q), coordinator.query(q)]);
    expect(a).toEqual([{ n: 3 }]);
    expect(b).toBe(a);
    expect(coordinator.queriesRun - before).toBe(1);
  });

  it('re-runs queries and notifies views after the data changes', async () => {
    const q = namedQuery<{ n: number }>('count', 'SELECT count(*)::INTEGER AS n FROM t');
    await coordinator.query(q);
    let notified = 0;
    const stop = coordinator.subscribe(() => notified++);
    await coordinator.engine.query('INSERT INTO t VALUES (10)');
    coordinator.dataChanged();
    expect(notified).toBe(1);
    expect(await coordinator.query(q)).toEqual([{ n: 4 }]);
    stop();
  });

  it('does not cache failures', async () => {
    const bad = namedQuery('bad', 'SELECT * FROM no_such_table');
    await expect(coordinator.query(bad)).rejects.toThrow(/no_such_table/);
    const before = coordinator.queriesRun;
    await expect(coordinator.query(bad)).rejects.toThrow();
    expect(coordinator.queriesRun - before).toBe(1);
  });
});
