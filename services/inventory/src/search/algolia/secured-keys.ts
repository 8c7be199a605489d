import type { SearchAccess } from '@showroom/contracts';
import { replicaIndexNames } from './index-settings';
import { quoted } from './search-params';
import type { AlgoliaClient } from './algolia-client';

/** Whose public cars a key may see: one rooftop's, or every rooftop of a dealer group. */
export type SearchKeyScope = { dealershipId: string } | { groupId: string };

export interface SecuredSearchKeySettings {
  appId: string;
  /** The search-only key the secured keys derive from (never the admin key). */
  searchApiKey: string;
  indexName: string;
  /** How long a handed-out key works; a website asks again before then. */
  ttlSeconds: number;
}

/**
 * Search keys for shoppers' browsers: derived offline from the search-only key, with the scope's
 * filter, "available and published" baked in, valid for the index and its replicas only, expiring.
 * Algolia enforces the baked filters on every query made with the key: a browser cannot widen them.
 */
export class SecuredSearchKeys {
  constructor(
    private readonly client: AlgoliaClient,
    private readonly settings: SecuredSearchKeySettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  accessFor(scope: SearchKeyScope): Extract<SearchAccess, { engine: 'algolia' }> {
    const validUntil = Math.floor(this.clock().getTime() / 1000) + this.settings.ttlSeconds;
    const apiKey = this.client.generateSecuredApiKey({
      parentApiKey: this.settings.searchApiKey,
      restrictions: {
        filters: publicCarsOf(scope),
        validUntil,
        restrictIndices: [this.settings.indexName, ...replicaIndexNames(this.settings.indexName)],
      },
    });
    return {
      engine: 'algolia',
      appId: this.settings.appId,
      apiKey,
      indexName: this.settings.indexName,
      validUntil: new Date(validUntil * 1000).toISOString(),
    };
  }
}

/** `dealershipId:"…" AND status:available AND published:true` (or the group's). */
export function publicCarsOf(scope: SearchKeyScope): string {
  const owner =
    'dealershipId' in scope
      ? `dealershipId:${quoted(scope.dealershipId)}`
      : `groupId:${quoted(scope.groupId)}`;
  return `${owner} AND status:available AND published:true`;
}
