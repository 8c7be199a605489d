import type {
  AdfCaptureResult,
  CaptureResult,
  LeadIntent,
  LeadList,
  WebsiteLeadReceipt,
} from '@showroom/contracts';
import { DEMO_USERS } from '@showroom/demo-data';
import { portalOrigin } from './env';
import { passwordRealmToken } from './seed';
import type { TestShopper } from './test-shoppers';

/**
 * How leads reach a dealership from outside, as the stories send them: a shopper's browser posting
 * the dealer website's form, a marketplace posting ADF/XML with the dealership's ingest key. Both go
 * to the portal's origin (`/api/leads/…`), like everything else, so the suite needs no other address.
 */

/** What a dealer website's lead form sends (services/leads/README.md, `WebsiteLeadInputSchema`). */
export interface WebsiteForm {
  intent: LeadIntent;
  firstName: string;
  lastName?: string;
  email?: string;
  phone?: string;
  preferredContact?: 'email' | 'phone' | 'text' | 'any';
  message?: string;
}

/** The form a shopper fills in on the dealer's website, for `intent`. */
export function websiteFormOf(shopper: TestShopper, intent: LeadIntent, message?: string): WebsiteForm {
  return {
    intent,
    firstName: shopper.firstName,
    lastName: shopper.lastName,
    email: shopper.email,
    ...(message === undefined ? {} : { message }),
  };
}

/**
 * The public form allows 10 posts a minute per client address, counted in Redis: on a shared
 * environment (or a machine whose platforms share one Redis) other runs count too, and it says 429.
 */
const MAX_RETRY_AFTER_S = 60;

/**
 * A lead story's time limit: the usual 90 s, plus room for the posts that wait out a 429's
 * `Retry-After` (up to three times a minute each) on a busy environment.
 */
export const LEAD_STORY_TIMEOUT_MS = 240_000;

async function post(url: string, init: RequestInit, what: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, init);
    const retryAfter = Number(response.headers.get('retry-after'));
    const waitable = retryAfter > 0 && retryAfter <= MAX_RETRY_AFTER_S;
    if (response.status !== 429 || attempt === 4 || !waitable) return response;
    // The service says when it takes posts again; waiting for exactly that is no guess.
    console.log(`[e2e] ${what} answered 429; trying again in ${retryAfter} s as Retry-After asks`);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
}

/** The form's answer (an opaque receipt) and the lead it became, as staff find it. */
export interface SubmittedForm extends WebsiteLeadReceipt {
  leadId: string;
}

/**
 * Posts the form as the shopper's browser would, minus the browser: plain `fetch`, no token, no
 * Origin (the service lets servers post; the rate limit still applies). The service answers only
 * a receipt, so the lead is then looked up as staff would find it: the owner's inbox search for
 * the shopper's e-mail (or phone), which must find exactly one lead.
 */
export async function submitWebsiteForm(dealershipId: string, form: WebsiteForm): Promise<SubmittedForm> {
  const path = `/api/leads/public/dealerships/${encodeURIComponent(dealershipId)}/leads`;
  const response = await post(
    new URL(path, portalOrigin()).href,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form) },
    `POST ${path}`,
  );
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${path} answered HTTP ${response.status}: ${text}`);
  const { receipt } = JSON.parse(text) as WebsiteLeadReceipt;
  return { receipt, leadId: await theShoppersLead(dealershipId, form.email?.trim() || form.phone || '') };
}

/** The one lead of a shopper, searched for by e-mail or phone in the owner's inbox. */
async function theShoppersLead(dealershipId: string, contact: string): Promise<string> {
  const token = await passwordRealmToken(DEMO_USERS.owner.email);
  const url = new URL('/api/leads/leads', portalOrigin());
  url.searchParams.set('q', contact);
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, 'x-dealership-id': dealershipId },
  });
  const list = (await response.json()) as LeadList;
  if (response.status !== 200 || list.items.length !== 1) {
    throw new Error(
      `the inbox search for ${contact} answered HTTP ${response.status} with ${list.items?.length} leads`,
    );
  }
  return list.items[0]?.id ?? '';
}

/** A marketplace lead: who sent it (provider), its id at the provider, and the shopper. */
export interface AdfLead {
  shopper: TestShopper;
  /** The provider's name: the lead's source in the portal ("Marketplace · <provider>"). */
  provider: string;
  /** `<id source="…">`: the provider's own id for the lead; one source and id is stored once. */
  idSource: string;
  externalId: string;
  comments: string;
}

/** The ADF 1.0 document a marketplace posts (one prospect, shaped like `TYPICAL_ADF_SAMPLE`). */
export function adfDocument(lead: AdfLead): string {
  const { shopper } = lead;
  return `<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf>
  <prospect status="new">
    <id sequence="1" source="${lead.idSource}">${lead.externalId}</id>
    <requestdate>${new Date().toISOString()}</requestdate>
    <vehicle interest="buy" status="used">
      <year>2021</year>
      <make>Honda</make>
      <model>Accord</model>
    </vehicle>
    <customer>
      <contact primarycontact="1">
        <name part="first">${shopper.firstName}</name>
        <name part="last">${shopper.lastName}</name>
        <email>${shopper.email}</email>
      </contact>
      <comments>${lead.comments}</comments>
    </customer>
    <provider>
      <name part="full">${lead.provider}</name>
      <service>Used Car Leads</service>
    </provider>
  </prospect>
</adf>
`;
}

/** Posts ADF/XML to `endpoint` as a marketplace does, with the dealership's ingest key. */
export async function submitAdf(endpoint: string, ingestKey: string, xml: string): Promise<CaptureResult[]> {
  const response = await post(
    endpoint,
    {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${ingestKey}` },
      body: xml,
    },
    `POST ${endpoint}`,
  );
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${endpoint} answered HTTP ${response.status}: ${text}`);
  return (JSON.parse(text) as AdfCaptureResult).leads;
}
