import { formatCents } from '@showroom/retail-payments';
import { cleanFirstName } from '../deals/deal-mail-text';
import type { ShopperMail } from '../mail/shopper-mail';

export interface AppraisalMailFacts {
  dealershipName: string;
  /** As typed by the shopper: only a cleaned first name reaches the e-mail. */
  shopperFirstName: string;
  /** "2018 Honda Civic" */
  tradeName: string;
  valueCents: number;
  note: string | null;
  /** The deal page with a signed access token; null when the dealership's site is not live. */
  link: string | null;
  linkExpiresAt: Date | null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Sent when the dealership appraises the shopper's trade: the value, the appraiser's note, the deal. */
export function appraisalMail(facts: AppraisalMailFacts): Omit<ShopperMail, 'dealId'> {
  const until = facts.linkExpiresAt ? ` The link works until ${facts.linkExpiresAt.toUTCString()}.` : '';
  const paragraphs: string[][] = [
    [`Hello ${cleanFirstName(facts.shopperFirstName)},`],
    [
      `${facts.dealershipName} has appraised your trade-in, the ${facts.tradeName}, at ${formatCents(facts.valueCents)}.`,
    ],
    ...(facts.note ? [[`Their note: ${facts.note}`]] : []),
    [
      facts.link
        ? `Your deal now counts your trade at this value. Open your deal to see the figures.${until}`
        : 'Your deal now counts your trade at this value. Reply to this e-mail with any question.',
    ],
  ];
  const signature = [facts.dealershipName];
  const text = [
    ...paragraphs.map((lines) => lines.join('\n')),
    ...(facts.link ? [`Your deal: ${facts.link}`] : []),
    signature.join('\n'),
  ].join('\n\n');
  const html =
    '<!doctype html>\n<html><body style="font-family:sans-serif;line-height:1.5">\n' +
    [
      ...paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`),
      ...(facts.link ? [`<p><a href="${escapeHtml(facts.link)}">Your deal</a></p>`] : []),
      `<p>${escapeHtml(facts.dealershipName)}</p>`,
    ].join('\n') +
    '\n</body></html>';
  return { subject: `Your trade-in appraisal from ${facts.dealershipName}`, text, html };
}
