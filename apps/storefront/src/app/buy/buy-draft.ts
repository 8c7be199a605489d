import type { DealStructure, StartDealInput } from '@showroom/contracts';

export interface BuyerValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** The honeypot (the contract's `website`): people never see it. */
  website: string;
}
export type BuyerField = Exclude<keyof BuyerValues, 'website'>;
export type BuyerErrors = Partial<Record<BuyerField, string>>;

export const BUYER_FIELDS: BuyerField[] = ['firstName', 'lastName', 'email', 'phone'];
export const EMPTY_BUYER: BuyerValues = { firstName: '', lastName: '', email: '', phone: '', website: '' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks worth making before a round trip; the API remains the judge. */
export function checkBuyer(values: BuyerValues): BuyerErrors {
  const errors: BuyerErrors = {};
  if (!values.firstName.trim()) errors.firstName = 'Enter your first name.';
  if (!values.lastName.trim()) errors.lastName = 'Enter your last name.';
  if (!values.email.trim()) errors.email = 'Enter your e-mail address: your deal’s link goes there.';
  else if (!EMAIL.test(values.email.trim())) errors.email = 'Enter an e-mail address like name@example.com.';
  const digits = values.phone.replace(/\D/g, '').length;
  if (values.phone.trim() && (digits < 7 || digits > 15))
    errors.phone = 'Enter a phone number with 7 to 15 digits.';
  return errors;
}

export function startDealInputOf(
  vehicleId: string,
  values: BuyerValues,
  structure: DealStructure,
): StartDealInput {
  const phone = values.phone.trim();
  return {
    vehicleId,
    shopper: {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      ...(phone ? { phone } : {}),
    },
    structure,
    ...(values.website ? { website: values.website } : {}),
  };
}

/** `shopper.email` → `email`; anything else belongs to no contact field. */
export function buyerFieldOf(name: string): BuyerField | null {
  const field = name.replace(/^shopper\./, '');
  return (BUYER_FIELDS as string[]).includes(field) && name.startsWith('shopper.')
    ? (field as BuyerField)
    : null;
}
