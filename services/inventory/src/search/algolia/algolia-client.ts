import { algoliasearch, type SearchClient } from 'algoliasearch';

/** Where the client connects and with which key. */
export interface AlgoliaAccess {
  appId: string;
  apiKey: string;
}

/** The client's own options: tests pass a `requester` (or local `hosts`) here, production nothing. */
export type AlgoliaClientOptions = NonNullable<Parameters<typeof algoliasearch>[2]>;

/** The official client, used through its search API only (v5: every call names its index). */
export function createAlgoliaClient(access: AlgoliaAccess, options: AlgoliaClientOptions = {}): SearchClient {
  return algoliasearch(access.appId, access.apiKey, options);
}
