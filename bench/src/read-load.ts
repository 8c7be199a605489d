// A child process of the replica bench (bench/src/replicas.ts): heavy list and search reads on one
// inventory instance at fixed concurrency for a fixed time, in a process of its own so that its
// event loop never delays the bench's write requests. Prints its LoadResult as one JSON line.
// Input (environment): READ_LOAD = JSON of ReadLoadInput.
import { drive, type Scenario } from './load';
import { searchVariants } from './search-scenarios';

export interface ReadLoadInput {
  url: string;
  token: string;
  dealershipIds: string[];
  seconds: number;
  connections: number;
}

export const READ_LOAD_RESULT = 'read-load result: ';

const input = JSON.parse(process.env['READ_LOAD'] ?? '{}') as ReadLoadInput;
const [filters, text] = searchVariants({
  token: input.token,
  dealershipIds: input.dealershipIds,
  group: [],
}).map((variant) => variant.scenario(input.url)) as [Scenario, Scenario];
let n = 0;
const mixed: Scenario = {
  name: 'list and search reads',
  url: filters.url,
  headers: filters.headers,
  // Every other request a filtered list page, then a text search with a typo; each a new price cap.
  nextRequest: () => (n++ % 2 === 0 ? filters : text).nextRequest?.() ?? {},
};
const result = await drive(mixed, { seconds: input.seconds, connections: input.connections });
console.log(`${READ_LOAD_RESULT}${JSON.stringify(result)}`);
