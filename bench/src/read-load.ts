// A child process of the replica bench (bench/src/replicas.ts): heavy reads at fixed concurrency for a
// fixed time, in a process of its own so that its event loop never delays the bench's write requests.
// Half the connections read vehicle lists and searches from an inventory instance, half read the
// leads inbox (pages and searches of the very tables the writes go to) from a leads instance.
// Prints its ReadLoadResult as one JSON line. Input (environment): READ_LOAD = JSON of ReadLoadInput.
import { drive, type Scenario } from './load';
import { READ_LOAD_RESULT, type ReadLoadInput, type ReadLoadResult } from './read-load-input';
import { searchVariants } from './search-scenarios';

const input = JSON.parse(process.env['READ_LOAD'] ?? '{}') as ReadLoadInput;
const [filters, text] = searchVariants({
  token: input.token,
  dealershipIds: input.dealershipIds,
  group: [],
}).map((variant) => variant.scenario(input.url)) as [Scenario, Scenario];
let n = 0;
const vehicles: Scenario = {
  name: 'vehicle lists and searches',
  url: filters.url,
  headers: filters.headers,
  // Every other request a filtered list page, then a text search with a typo; each a new price cap.
  nextRequest: () => (n++ % 2 === 0 ? filters : text).nextRequest?.() ?? {},
};

/** The inbox as a manager works it: open leads newest first, then a search by a shopper's name. */
const INBOX_PAGES = [
  '/api/leads/leads?status=new,contacted&sort=newest&pageSize=25',
  '/api/leads/leads?q=Shopper%204&pageSize=25',
];
let i = 0;
const inbox: Scenario = {
  name: 'leads inbox pages and searches',
  url: `${input.leadsUrl}${INBOX_PAGES[0]}`,
  headers: { authorization: `Bearer ${input.token}` },
  nextRequest: () => ({
    path: INBOX_PAGES[i % INBOX_PAGES.length],
    headers: {
      'x-dealership-id': input.dealershipIds[Math.floor(i++ / 2) % input.dealershipIds.length] ?? '',
    },
  }),
};

/** One request of each kind first: a read load that only collects refusals would measure nothing. */
async function probe(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers });
  if (!response.ok)
    throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
}

const half = Math.max(1, Math.floor(input.connections / 2));
void Promise.all([
  probe(vehicles.url, { ...vehicles.headers }),
  probe(inbox.url, { ...inbox.headers, 'x-dealership-id': input.dealershipIds[0] ?? '' }),
])
  .then(() =>
    Promise.all([
      drive(vehicles, { seconds: input.seconds, connections: half }),
      drive(inbox, { seconds: input.seconds, connections: Math.max(1, input.connections - half) }),
    ]),
  )
  .then(([vehicleReads, inboxReads]) => {
    const result: ReadLoadResult = { vehicles: vehicleReads, inbox: inboxReads };
    console.log(`${READ_LOAD_RESULT}${JSON.stringify(result)}`);
  })
  .catch((error: unknown) => {
    console.error(`read load: ${(error as Error).message}`);
    process.exitCode = 1;
  });
