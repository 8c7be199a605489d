import baseConfig from '../../eslint.config.mjs';
import { tenancy } from '../../tools/tenancy-lint/tenancy.mjs';

export default [
  ...baseConfig,
  // Statements on tenant tables go through forDealership (libs/server/mysql). outbox_deliveries,
  // outbox_consumer_runs and acknowledgement_recipients have no dealership_id.
  ...tenancy({
    tenantTables: [
      'lead_settings',
      'leads',
      'lead_submissions',
      'lead_documents',
      'idempotency_keys',
      'lead_notes',
      'lead_tasks',
      'outbox',
      'deal_leads',
    ],
    acrossDealerships: {
      'src/warehouse/leads-exporter.ts':
        'the nightly warehouse export reads every dealership’s leads of the day (and their sold/lost moves)',
      'src/outbox/relay.ts': 'the relay publishes every dealership’s events',
      'src/outbox/worker.ts': 'a job names only its event; the event row names the dealership',
      'src/outbox/sweeper.ts': 'the sweeper looks after every dealership’s unfinished events',
      'src/outbox/consumer-runs.ts': 'the backlog metric counts the whole service’s unpublished events',
      'src/settings/settings-repository.ts': 'an ingest key’s hash is what names its dealership',
    },
  }),
];
