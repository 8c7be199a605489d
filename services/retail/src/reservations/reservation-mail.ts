import type { DealVehicle } from '@showroom/contracts';
import { formatCents } from '@showroom/retail-payments';
import type { ShopperMail } from '../mail/shopper-mail';

/** How a paid reservation ended: the hold ran out, the dealership released it, or the car was gone. */
export type ReservationEnding = 'expired' | 'released' | 'failed';

export interface ReservationMailFacts {
  dealId: string;
  /** Already cleaned for mail (see deals' cleanFirstName). */
  firstName: string;
  vehicle: DealVehicle;
  depositCents: number;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

export const vehicleTitle = (vehicle: DealVehicle): string =>
  [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');

const OPENING: Record<ReservationEnding, (car: string) => string> = {
  expired: (car) =>
    `The hold on the ${car} you reserved has ended, so the vehicle is available to other shoppers again.`,
  released: (car) => `The dealership has released your reservation of the ${car}.`,
  failed: (car) =>
    `We are sorry: the ${car} was no longer available when your deposit arrived, so we could not hold it for you.`,
};

const SUBJECT: Record<ReservationEnding, (car: string) => string> = {
  expired: (car) => `Your reservation of the ${car} has ended`,
  released: (car) => `Your reservation of the ${car} was released`,
  failed: (car) => `We could not reserve the ${car}`,
};

/** The e-mail that tells the shopper their paid reservation ended and the deposit is on its way back. */
export function reservationEndedMail(ending: ReservationEnding, facts: ReservationMailFacts): ShopperMail {
  const car = vehicleTitle(facts.vehicle);
  const paragraphs = [
    `Hi ${facts.firstName},`,
    OPENING[ending](car),
    `Your deposit of ${formatCents(facts.depositCents)} is refunded to the card you paid with; ` +
      'your bank may take 5 to 10 business days to show it.',
    'Your deal is still saved: reply to this e-mail if you have questions or would like to reserve again.',
  ];
  return {
    dealId: facts.dealId,
    subject: SUBJECT[ending](car),
    text: paragraphs.join('\n\n'),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
  };
}
