import { describeEngineContract } from '../engine-contract';
import { ElasticsearchEngine } from './elasticsearch-engine';
import { FakeElasticsearch } from './test/fake-elasticsearch';

// The shared engine contract, answered by the Elasticsearch engine through the client's mock
// connection into an in-memory cluster that evaluates the engine's query DSL and aggregations
// (test/fake-elasticsearch.ts). Its percentiles interpolate linearly like DuckDB's quantile_cont;
// a real cluster uses TDigest, whose hybrid digest (8.9+) does the same below 2,000 values a bucket.
describeEngineContract('elasticsearch', () => new ElasticsearchEngine(new FakeElasticsearch().client()));
