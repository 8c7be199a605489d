import { createPool } from 'mysql2';

/** Where a dealership's website stands, as the users service's provisioning records it. */
export interface SiteState {
  dealershipId: string;
  name: string;
  slug: string;
  /** ProvisioningStatus.state, or `not requested` when provisioning never heard of the site. */
  state: 'pending' | 'running' | 'live' | 'failed' | 'not requested';
}

interface Row {
  id: string;
  name: string;
  slug: string;
  state: SiteState['state'] | null;
}

/**
 * The sites of these dealerships, read from the users schema (`usersDatabaseUrl`) until every one is
 * live or `timeoutMs` has passed. Live means every provisioning step is done: the configuration is
 * published and the site's origins may post the leads form, so a platform run is ready for shoppers.
 */
export async function waitForLiveSites(
  usersDatabaseUrl: string,
  dealershipIds: readonly string[],
  timeoutMs: number,
): Promise<SiteState[]> {
  const pool = createPool({ uri: usersDatabaseUrl, connectionLimit: 1, connectTimeout: 3000 }).promise();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const [rows] = await pool.query(
        `SELECT d.id, d.name, d.slug, p.state
           FROM dealerships d LEFT JOIN website_provisioning p ON p.dealership_id = d.id
          WHERE d.id IN (?)`,
        [dealershipIds],
      );
      const found = new Map((rows as Row[]).map((row) => [row.id, row]));
      const sites = dealershipIds.flatMap((id): SiteState[] => {
        const row = found.get(id);
        return row
          ? [{ dealershipId: id, name: row.name, slug: row.slug, state: row.state ?? 'not requested' }]
          : [];
      });
      const allLive = sites.length === dealershipIds.length && sites.every((site) => site.state === 'live');
      if (allLive || Date.now() >= deadline) return sites;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await pool.end();
  }
}
