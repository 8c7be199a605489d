import './apm';
import { createErrorReporter, runService } from '@showroom/server-kit';
import { composeLeads } from './compose';
import { loadLeadsConfig } from './config';

runService(
  'leads',
  () => loadLeadsConfig(),
  async (config, logger, isShuttingDown) => {
    const leads = await composeLeads(config, logger, {
      reporter: createErrorReporter(config, logger),
      isShuttingDown,
    });
    return { app: leads.app, closers: [() => leads.close()] };
  },
);
