/** What the replica bench tells its read-load child (bench/src/read-load.ts), as JSON in READ_LOAD. */
export interface ReadLoadInput {
  url: string;
  token: string;
  dealershipIds: string[];
  seconds: number;
  connections: number;
}

/** How the child's one line of output with its LoadResult begins. */
export const READ_LOAD_RESULT = 'read-load result: ';
