// The real DuckDB-wasm under Node, behind the same SqlEngine interface the app uses.
export { createNodeEngine } from '../../src/data/engine/node';
