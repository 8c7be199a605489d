// `npm run search:configure` / `npm run search:reindex` (and `node search-admin.js <command>` in the
// image): the Algolia index's settings, replicas and synonyms from the repo, and a full rebuild.
import { createDatabase } from '@showroom/server-mysql';
import { serviceTokensFrom, ConfigError } from '@showroom/server-kit';
import { loadInventoryConfig } from './config';
import type { InventoryDatabase } from './database';
import { UsersServiceRooftops } from './rooftops/rooftop-directory';
import { algoliaAdminAccess, configureCommand, reindexCommand } from './search/algolia/admin-commands';
import { createAlgoliaClient } from './search/algolia/algolia-client';
import { MysqlIndexCursorStore } from './search/algolia/mysql-cursor-store';
import { MysqlVehicleChanges } from './search/changes';
import { MysqlSearchDocuments } from './search/documents';
import { configuredSynonyms } from './search/synonyms';

const COMMANDS = ['configure', 'reindex'] as const;
type Command = (typeof COMMANDS)[number];

const log = (line: string) => console.log(`search-admin: ${line}`);

async function main(command: Command): Promise<void> {
  const config = loadInventoryConfig();
  const access = algoliaAdminAccess(config);
  const client = createAlgoliaClient({ appId: access.appId, apiKey: access.adminApiKey });
  const synonyms = configuredSynonyms(config.SEARCH_SYNONYMS_FILE);
  if (command === 'configure') {
    await configureCommand(client, access.indexName, synonyms, log);
    return;
  }
  const database = createDatabase<InventoryDatabase>({
    writerUrl: config.INVENTORY_DATABASE_URL,
    readerUrls: [],
    connectionLimit: 2,
  });
  try {
    const tokens = serviceTokensFrom(config);
    await reindexCommand({
      client,
      indexName: access.indexName,
      synonyms,
      changes: new MysqlVehicleChanges(database.writer),
      documents: new MysqlSearchDocuments(
        database.writer,
        new UsersServiceRooftops(config.USERS_API_URL, tokens),
      ),
      cursors: new MysqlIndexCursorStore(database.writer),
      log,
    });
  } finally {
    await database.close();
  }
}

const command = process.argv[2];
if (!COMMANDS.includes(command as Command)) {
  console.error(`usage: search-admin <${COMMANDS.join('|')}>`);
  process.exit(2);
}
main(command as Command).then(
  () => process.exit(0),
  (error: unknown) => {
    // A ConfigError names the missing variables; nothing here ever prints a key's value.
    console.error(
      `search-admin ${command} failed:`,
      error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? `${error.name}: ${error.message}`
          : error,
    );
    process.exit(1);
  },
);
