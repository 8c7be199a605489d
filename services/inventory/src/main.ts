import './apm';
import { runService } from '@showroom/server-kit';
import { composeInventory } from './app';
import { loadInventoryConfig } from './config';

runService(
  'inventory',
  () => loadInventoryConfig(),
  async (config, logger, isShuttingDown) => {
    const inventory = composeInventory(config, { logger, isShuttingDown });
    const applied = await inventory.migrate();
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    return inventory;
  },
);
