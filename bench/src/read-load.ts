// A child process of the replica bench (bench/src/replicas.ts): heavy list and search reads on one
// inventory instance at fixed concurrency for a fixed time, in a process of its own so that its
// event loop never delays the bench's write requests. Prints its LoadResult as one JSON line.
// Input (environment): READ_LOAD = JSON of ReadLoadInput.
import { drive, type Scenario } from './load';
import { READ_LOAD_RESULT, type ReadLoadInput } from './read-load-input';
import { searchVariants } from './search-scenarios';

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
void drive(mixed, { seconds: input.seconds, connections: input.connections }).then((result) =>
  console.log(`${READ_LOAD_RESULT}${JSON.stringify(result)}`),
);
