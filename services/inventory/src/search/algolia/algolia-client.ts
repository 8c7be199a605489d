import { algoliasearch, type SearchClient, type SearchClientNodeHelpers } from 'algoliasearch';

/** Where the client connects and with which key. */
export interface AlgoliaAccess {
  appId: string;
  apiKey: string;
}

/** The client's own options: tests pass a `requester` (or local `hosts`) here, production nothing. */
export type AlgoliaClientOptions = NonNullable<Parameters<typeof algoliasearch>[2]>;

/** The search API of the official client, with the helpers its Node build adds (secured keys). */
export type AlgoliaClient = SearchClient & SearchClientNodeHelpers;

/** The official client, used through its search API only (v5: every call names its index). */
export function createAlgoliaClient(
  access: AlgoliaAccess,
  options: AlgoliaClientOptions = {},
): AlgoliaClient {
  // The package's types describe the browser build; on Node it is the Node build, with the helpers.
  return algoliasearch(access.appId, access.apiKey, options) as unknown as AlgoliaClient;
}
