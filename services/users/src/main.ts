import './apm';
import { runService } from '@showroom/server-kit';
import { composeUsers } from './app';
import { loadUsersConfig } from './config';

runService(
  'users',
  () => loadUsersConfig(),
  async (config, logger, isShuttingDown) => {
    const users = composeUsers(config, { logger, isShuttingDown });
    const applied = await users.migrate();
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    return users;
  },
);
