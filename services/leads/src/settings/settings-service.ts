import type { Insertable } from 'kysely';
import type { LeadSettings, LeadSettingsUpdate, LeadsWebsiteRegistration } from '@showroom/contracts';
import type { SiteOrigins } from '@showroom/server-kit';
import type { LeadSettingsTable, SettingsRow } from '../database';
import type { SettingsRepository } from './settings-repository';

export const DEFAULT_ACK_SUBJECT = 'Thanks for contacting {{dealershipName}}';
export const DEFAULT_ACK_BODY = `Hi {{firstName}},

Thank you for your interest in {{vehicle}}. {{assigneeName}} will be in touch shortly.

{{dealershipName}}`;

/** A dealership's settings before anyone changed them. */
export function defaultSettings(
  dealershipId: string,
  dealershipName: string,
  siteOrigins: string[] = [],
): Insertable<LeadSettingsTable> {
  return {
    dealership_id: dealershipId,
    dealership_name: dealershipName,
    site_origins: JSON.stringify(siteOrigins),
    ack_enabled: true,
    ack_subject: DEFAULT_ACK_SUBJECT,
    ack_body: DEFAULT_ACK_BODY,
    crm_forward_email: null,
    from_name: dealershipName,
    reply_to: null,
  };
}

function settingsOf(row: SettingsRow): LeadSettings {
  return {
    dealershipId: row.dealership_id,
    siteOrigins: JSON.parse(row.site_origins) as string[],
    acknowledgement: { enabled: Boolean(row.ack_enabled), subject: row.ack_subject, body: row.ack_body },
    crmForwardEmail: row.crm_forward_email,
    ingestKeyHint: row.ingest_key_hint ? `…${row.ingest_key_hint}` : null,
    ingestKeyRotatedAt: row.ingest_key_rotated_at?.toISOString() ?? null,
    fromName: row.from_name,
    replyTo: row.reply_to,
  };
}

/** A dealership's lead settings. The row is created on first use, so every dealership has defaults. */
export class SettingsService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly origins: SiteOrigins,
  ) {}

  /** Registers a dealership with default settings; does nothing when it already exists. */
  async register(dealershipId: string, dealershipName: string, siteOrigins: string[] = []): Promise<void> {
    await this.settings.insertIfMissing(defaultSettings(dealershipId, dealershipName, siteOrigins));
  }

  /**
   * Website provisioning (users) names the origins Showroom serves the dealership's site on: they
   * replace the previous ones, the origins the dealer typed in stay. The dealership is registered
   * when it has no settings yet (a rooftop just onboarded).
   */
  async registerWebsite(dealershipId: string, registration: LeadsWebsiteRegistration): Promise<void> {
    await this.register(dealershipId, registration.dealershipName);
    await this.settings.update(dealershipId, {
      dealership_name: registration.dealershipName,
      website_origins: JSON.stringify([...new Set(registration.siteOrigins)]),
      updated_at: new Date(),
    });
    this.origins.forget(dealershipId);
  }

  async get(dealershipId: string, dealershipName: string): Promise<LeadSettings> {
    // Reading settings writes only the first time, when the dealership has none yet.
    let row = await this.settings.find(dealershipId);
    if (!row) {
      await this.register(dealershipId, dealershipName);
      row = await this.settings.find(dealershipId);
    }
    if (!row) throw new Error(`lead settings of ${dealershipId} vanished while being created`);
    return settingsOf(row);
  }

  async update(
    dealershipId: string,
    dealershipName: string,
    update: LeadSettingsUpdate,
  ): Promise<LeadSettings> {
    await this.register(dealershipId, dealershipName);
    await this.settings.update(dealershipId, {
      ...(update.siteOrigins ? { site_origins: JSON.stringify([...new Set(update.siteOrigins)]) } : {}),
      ...(update.acknowledgement
        ? {
            ack_enabled: update.acknowledgement.enabled,
            ack_subject: update.acknowledgement.subject,
            ack_body: update.acknowledgement.body,
          }
        : {}),
      ...(update.crmForwardEmail !== undefined ? { crm_forward_email: update.crmForwardEmail } : {}),
      ...(update.fromName ? { from_name: update.fromName } : {}),
      ...(update.replyTo !== undefined ? { reply_to: update.replyTo } : {}),
      updated_at: new Date(),
    });
    this.origins.forget(dealershipId);
    return this.get(dealershipId, dealershipName);
  }
}
