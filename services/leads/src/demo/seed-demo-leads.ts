import type { Kysely } from 'kysely';
import { DEMO_DEALERSHIPS, generateDemoVehicles, seedFromText } from '@showroom/demo-data';
import type { WebsiteLeadInputParsed } from '@showroom/contracts';
import { createStatementBatchPool, forDealership } from '@showroom/server-mysql';
import { CaptureRepository } from '../capture/capture-repository';
import { CaptureService } from '../capture/capture-service';
import { websiteDraft } from '../capture/lead-draft';
import type { LeadsDatabase } from '../database';
import { SettingsRepository } from '../settings/settings-repository';
import { defaultSettings } from '../settings/settings-service';

/** Each demo dealership's website, as the public form's allowed origin. */
export const demoSiteOrigin = (slug: string) => `https://www.${slug}.example`;

/** Each came from a website visit, so analytics counts it under that visit's source (as the storefront sends it). */
const DEMO_SHOPPERS: WebsiteLeadInputParsed[] = [
  {
    intent: 'check_availability',
    trafficSource: 'google',
    firstName: 'Maya',
    lastName: 'Patel',
    email: 'maya.patel@example.com',
    phone: '(614) 555-0142',
    preferredContact: 'text',
    message: 'Is this still on the lot? I could come by Saturday morning.',
  },
  {
    intent: 'schedule_test_drive',
    trafficSource: 'facebook',
    firstName: 'Jordan',
    lastName: 'Reyes',
    email: 'jordan.reyes@example.com',
    preferredContact: 'email',
    message: 'I would like to test drive it after 5 pm on a weekday.',
  },
  {
    intent: 'value_trade_in',
    trafficSource: 'direct',
    firstName: 'Sam',
    lastName: 'Okafor',
    phone: '+1 614-555-0199',
    preferredContact: 'phone',
    message: 'Trading in a 2016 Civic with 98k miles.',
    tradeIn: { year: 2016, make: 'Honda', model: 'Civic', mileage: 98000 },
  },
  {
    intent: 'get_pre_approved',
    trafficSource: 'bing',
    firstName: 'Lena',
    lastName: 'Kowalski',
    email: 'lena.k@example.com',
    preferredContact: 'any',
  },
];

/**
 * Registers the demo dealerships with their websites and, on an empty schema, files a few website
 * leads through the real capture path: the service routes, e-mails and timelines them when it starts.
 */
export async function seedDemoLeads(db: Kysely<LeadsDatabase>, databaseUrl: string): Promise<void> {
  const batches = createStatementBatchPool(databaseUrl, 1);
  try {
    await seedDealerships(db, new CaptureService(new CaptureRepository(db, batches), () => undefined));
  } finally {
    await batches.promise().end();
  }
}

async function seedDealerships(db: Kysely<LeadsDatabase>, capture: CaptureService): Promise<void> {
  const settings = new SettingsRepository(db);
  for (const dealership of Object.values(DEMO_DEALERSHIPS)) {
    await settings.insertIfMissing(
      defaultSettings(dealership.id, dealership.name, [demoSiteOrigin(dealership.slug)]),
    );
    const existing = await forDealership(db, dealership.id)
      .selectFrom('leads')
      .select('id')
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    // The first cars of the demo inventory (same generator, same seed): most shoppers ask about one.
    const cars = generateDemoVehicles({ count: DEMO_SHOPPERS.length, seed: seedFromText(dealership.slug) });
    for (const [i, shopper] of DEMO_SHOPPERS.entries()) {
      const car = shopper.intent === 'get_pre_approved' ? undefined : cars[i];
      const vehicle = car && { stockNumber: car.stockNumber };
      await capture.capture(dealership.id, [websiteDraft({ ...shopper, vehicle })]);
    }
  }
}
