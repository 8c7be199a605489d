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

export function acknowledgement(lead: LeadRow, settings: SettingsRow, assigneeName: string | null) {
  const values = {
    firstName: lead.first_name,
    dealershipName: settings.dealership_name,
    vehicle: vehicleLine(lead) || 'the vehicle you asked about',
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

export const DEFAULT_ACK_SUBJECT = 'Thanks for contacting {{dealershipName}}';
export const DEFAULT_ACK_BODY = `Hi {{firstName}},

Thank you for your interest in {{vehicle}}. {{assigneeName}} will be in touch shortly.

{{dealershipName}}`;
