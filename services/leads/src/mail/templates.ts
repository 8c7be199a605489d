import { leadSourceLabel } from '@showroom/contracts';
import type { LeadRow, SettingsRow } from '../database';

export function vehicleLine(lead: LeadRow): string {
  const words = [lead.vehicle_year, lead.vehicle_make, lead.vehicle_model, lead.vehicle_trim].filter(Boolean);
  if (words.length > 0) return words.join(' ');
  if (lead.vehicle_stock) return `stock #${lead.vehicle_stock}`;
  if (lead.vehicle_vin) return `VIN ${lead.vehicle_vin}`;
  return '';
}

const shopperName = (lead: LeadRow) => [lead.first_name, lead.last_name].filter(Boolean).join(' ');

/** Fills {{placeholders}} with plain text; an unknown placeholder stays as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The shopper's first name as it may appear in mail to an address nobody verified: letters (any
 * script), spaces, hyphens, apostrophes and dots, at most 40 characters, nothing shaped like a host
 * name. Anything else (a link, an @, digits, markup) and the mail says "there" instead: whoever
 * typed the address must not be able to make the dealership send their words to someone else.
 */
export function cleanFirstName(typed: string): string {
  const name = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
  const plain = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u.test(name) && name.length <= 40;
  // Letters and dots can still spell a host name (www.example.com): not a name.
  return plain && !/\p{L}{2}\.\p{L}{2}/u.test(name) ? name : 'there';
}

/**
 * The dealership's acknowledgement to the shopper. Sent to an unverified address, so it carries
 * nothing the shopper typed but the cleaned first name: no message, no last name, and the vehicle
 * only as inventory describes it (once the lead is matched), never the stock number or VIN typed.
 */
export function acknowledgement(lead: LeadRow, settings: SettingsRow, assigneeName: string | null) {
  const values = {
    firstName: cleanFirstName(lead.first_name),
    dealershipName: settings.dealership_name,
    vehicle: (lead.vehicle_id && vehicleLine(lead)) || 'the vehicle you asked about',
    assigneeName: assigneeName ?? `the ${settings.dealership_name} team`,
  };
  return {
    subject: fillTemplate(settings.ack_subject, values),
    text: fillTemplate(settings.ack_body, values),
  };
}

export function assigneeNotice(lead: LeadRow, portalUrl: string, returning: boolean) {
  const name = shopperName(lead);
  const link = `${portalUrl.replace(/\/$/, '')}/leads/${lead.id}`;
  const lines = [
    returning ? `${name} came back with a new enquiry.` : `A new lead is yours: ${name}.`,
    '',
    `Source: ${leadSourceLabel(lead.source)}`,
    lead.email ? `E-mail: ${lead.email}` : '',
    lead.phone ? `Phone: ${lead.phone}` : '',
    vehicleLine(lead) ? `Vehicle: ${vehicleLine(lead)}` : '',
    lead.message ? `\nMessage:\n${lead.message}` : '',
    '',
    `Open the lead: ${link}`,
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
  return {
    subject: `${returning ? 'Returning shopper' : 'New lead'}: ${name} (${leadSourceLabel(lead.source)})`,
    text: lines.join('\n'),
  };
}
