export { DuckDbEngine, type DuckDbEngineOptions } from './duckdb-engine';
