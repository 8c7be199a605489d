import type { DealVehicle, Quote } from '@showroom/contracts';
import { formatCents } from '@showroom/retail-payments';

/** A shopper e-mail in both forms; the job that sends it adds From, Reply-To and To. */
export interface DealMailText {
  subject: string;
  text: string;
  html: string;
}

export interface DealMailFacts {
  dealershipName: string;
  /** As typed by the shopper: only a cleaned first name reaches the e-mail. */
  shopperFirstName: string;
  vehicle: DealVehicle;
  quote: Quote;
}

/**
 * The shopper's first name as it may appear in mail to an address nobody verified: letters, spaces,
 * hyphens, apostrophes and dots, at most 40 characters, nothing shaped like a host name; otherwise
 * "there". Whoever typed the address must not be able to make the dealership send their words.
 */
export function cleanFirstName(typed: string): string {
  const name = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
  const plain = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u.test(name) && name.length <= 40;
  return plain && !/\p{L}{2}\.\p{L}{2}/u.test(name) ? name : 'there';
}

export const vehicleName = (vehicle: DealVehicle): string =>
  [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');

const percent = (bps: number) => `${(bps / 100).toFixed(2)}%`;

/** The payment in one sentence, as the deal page states it. */
export function paymentLine(quote: Quote): string {
  if (quote.finance) {
    const { monthlyPaymentCents, termMonths, aprBps } = quote.finance;
    return (
      `Finance: ${formatCents(monthlyPaymentCents)} a month for ${termMonths} months at ${percent(aprBps)} APR, ` +
      `${formatCents(quote.downPaymentCents)} down.`
    );
  }
  if (quote.lease) {
    return (
      `Lease: ${formatCents(quote.lease.monthlyPaymentCents)} a month for ${quote.lease.termMonths} months, ` +
      `${formatCents(quote.dueAtSigningCents)} due at signing.`
    );
  }
  return `Cash: ${formatCents(quote.dueAtSigningCents)} in total.`;
}

function dealLines(facts: DealMailFacts): string[] {
  return [
    `Vehicle: ${vehicleName(facts.vehicle)} (stock #${facts.vehicle.stockNumber})`,
    `Selling price: ${formatCents(facts.quote.sellingPriceCents)}`,
    paymentLine(facts.quote),
  ];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A paragraph of lines, or a link on a line of its own. */
type Block = string[] | { url: string; label: string };

const textOf = (block: Block) => (Array.isArray(block) ? block.join('\n') : `${block.label}: ${block.url}`);

const htmlBlockOf = (block: Block) =>
  Array.isArray(block)
    ? `<p>${block.map(escapeHtml).join('<br>')}</p>`
    : `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`;

function mail(subject: string, blocks: Block[]): DealMailText {
  return {
    subject,
    text: blocks.map(textOf).join('\n\n'),
    html:
      '<!doctype html>\n<html><body style="font-family:sans-serif;line-height:1.5">\n' +
      blocks.map(htmlBlockOf).join('\n') +
      '\n</body></html>',
  };
}

const greeting = (facts: DealMailFacts) => [`Hello ${cleanFirstName(facts.shopperFirstName)},`];
const disclosure = (facts: DealMailFacts) => [facts.quote.disclosure];
const signature = (facts: DealMailFacts) => [`${facts.dealershipName}`];

/** Sent when the shopper submits the deal. */
export function dealReceivedMail(facts: DealMailFacts): DealMailText {
  return mail(`We received your deal for the ${vehicleName(facts.vehicle)}`, [
    greeting(facts),
    [`Thank you: ${facts.dealershipName} has received your deal and will answer it shortly.`],
    dealLines(facts),
    disclosure(facts),
    signature(facts),
  ]);
}

export interface CounterOfferFacts extends DealMailFacts {
  /** The salesperson's words with the offer, if any. */
  message: string | null;
  link: string | null;
  linkExpiresAt: Date | null;
}

/** Sent when the dealership counters: the new figures and the signed link to accept them. */
export function counterOfferMail(facts: CounterOfferFacts): DealMailText {
  const until = facts.linkExpiresAt ? ` The link works until ${facts.linkExpiresAt.toUTCString()}.` : '';
  return mail(`${facts.dealershipName} has an offer for your ${vehicleName(facts.vehicle)}`, [
    greeting(facts),
    [`${facts.dealershipName} has answered your deal with an offer.`],
    ...(facts.message ? [[`Their message: ${facts.message}`]] : []),
    dealLines(facts),
    disclosure(facts),
    ...(facts.link
      ? [
          [`Open your deal to review the offer and accept it.${until}`],
          { url: facts.link, label: 'Your deal' },
        ]
      : [[`Reply to this e-mail to accept the offer or to ask about it.`]]),
    signature(facts),
  ]);
}

/** Sent when the shopper accepts the dealership's offer. */
export function acceptedMail(facts: DealMailFacts): DealMailText {
  return mail(`You accepted the offer for the ${vehicleName(facts.vehicle)}`, [
    greeting(facts),
    [
      `You accepted ${facts.dealershipName}’s offer. They will contact you to arrange the paperwork ` +
        `and the delivery of your car.`,
    ],
    dealLines(facts),
    disclosure(facts),
    signature(facts),
  ]);
}
