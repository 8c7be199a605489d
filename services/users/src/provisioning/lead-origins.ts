import type { LeadsWebsiteRegistration } from '@showroom/contracts';
import { putToService, type ServiceTokens } from '@showroom/server-kit';

/** Tells the leads service which origins may post a dealership's website forms. */
export class LeadOrigins {
  constructor(
    private readonly leadsApiUrl: string,
    private readonly tokens: ServiceTokens,
  ) {}

  async allow(dealershipId: string, registration: LeadsWebsiteRegistration): Promise<string> {
    await putToService(
      this.leadsApiUrl,
      `/api/leads/internal/dealerships/${encodeURIComponent(dealershipId)}/website`,
      registration,
      this.tokens,
    );
    return `lead forms accepted from ${registration.siteOrigins.join(', ')}`;
  }
}
