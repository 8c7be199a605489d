import type { Migration } from 'kysely/migration';
import { leads } from './0001_leads';
import { outboxConsumerRuns } from './0002_outbox_consumer_runs';
import { leadDocuments } from './0003_lead_documents';
import { websiteOrigins } from './0004_website_origins';
import { dealLeads } from './0005_deal_leads';
import { dropLeadAnalytics } from './0006_drop_lead_analytics';
import { leadTrafficSource } from './0007_lead_traffic_source';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const leadsMigrations: Record<string, Migration> = {
  '0001_leads': leads,
  '0002_outbox_consumer_runs': outboxConsumerRuns,
  '0003_lead_documents': leadDocuments,
  '0004_website_origins': websiteOrigins,
  '0005_deal_leads': dealLeads,
  '0006_drop_lead_analytics': dropLeadAnalytics,
  '0007_lead_traffic_source': leadTrafficSource,
};
