/** What the sandbox does with the card details typed on its checkout page. */
export type CardOutcome =
  | { paid: true; brand: string; last4: string }
  | { paid: false; field: 'number' | 'expiry' | 'cvc' | 'name'; message: string };

/** Stripe's test cards the sandbox knows; any other number is declined (no real card is ever charged). */
const TEST_CARDS: Record<string, { brand: string } | { declined: string }> = {
  '4242424242424242': { brand: 'visa' },
  '4000056655665556': { brand: 'visa' },
  '5555555555554444': { brand: 'mastercard' },
  '4000000000000002': { declined: 'Your card was declined.' },
  '4000000000009995': { declined: 'Your card has insufficient funds.' },
  '4000000000000069': { declined: 'Your card has expired.' },
};

export const SANDBOX_PAYING_CARD = '4242 4242 4242 4242';
export const SANDBOX_DECLINED_CARD = '4000 0000 0000 0002';

/** The Luhn check every card number passes. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `MM / YY`, `MM/YY`, `MMYY` or `MM/YYYY` → the last moment the card is valid, or null. */
function expiryEnd(expiry: string): Date | null {
  const match = /^(\d{2})\s*\/?\s*(\d{2}|\d{4})$/.exec(expiry.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  return new Date(Date.UTC(year, month, 1) - 1);
}

export interface CardForm {
  number: string;
  expiry: string;
  cvc: string;
  name: string;
}

/** Checks the form as Stripe's page does (number, expiry, security code, name), then the card itself. */
export function chargeCard(card: CardForm, now = new Date()): CardOutcome {
  const digits = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) {
    return { paid: false, field: 'number', message: 'Your card number is invalid.' };
  }
  const end = expiryEnd(card.expiry);
  if (!end) return { paid: false, field: 'expiry', message: 'Your card’s expiration date is incomplete.' };
  if (end < now)
    return { paid: false, field: 'expiry', message: 'Your card’s expiration date is in the past.' };
  if (!/^\d{3,4}$/.test(card.cvc.trim())) {
    return { paid: false, field: 'cvc', message: 'Your card’s security code is incomplete.' };
  }
  if (card.name.trim() === '') return { paid: false, field: 'name', message: 'Enter the name on the card.' };
  const known = TEST_CARDS[digits];
  if (!known) {
    return {
      paid: false,
      field: 'number',
      message: `Your card was declined. This sandbox takes test cards only, such as ${SANDBOX_PAYING_CARD}.`,
    };
  }
  if ('declined' in known) return { paid: false, field: 'number', message: known.declined };
  return { paid: true, brand: known.brand, last4: digits.slice(-4) };
}
