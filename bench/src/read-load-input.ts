/** What the replica bench tells its read-load child (bench/src/read-load.ts), as JSON in READ_LOAD. */
import type { LoadResult } from './load';

export interface ReadLoadInput {
  /** The inventory instance of the vehicle lists and searches. */
  url: string;
  /** The leads instance of the inbox pages and searches. */
  leadsUrl: string;
  token: string;
  dealershipIds: string[];
  seconds: number;
  connections: number;
}

/** What the read load measured: vehicle reads and inbox reads, driven side by side. */
export interface ReadLoadResult {
  vehicles: LoadResult;
  inbox: LoadResult;
}

/** How the child's one line of output with its ReadLoadResult begins. */
export const READ_LOAD_RESULT = 'read-load result: ';
