import type {
  ContactMethod,
  HONEYPOT_FIELD,
  LeadIntent,
  Problem,
  PublicVehicle,
  WebsiteLeadInput,
} from '@showroom/contracts';

/** The honeypot's name, checked against the contract's constant by its literal type. */
export const HONEYPOT: typeof HONEYPOT_FIELD = 'homepage';

/** What the shopper typed, as text, field by field. */
export interface LeadFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  preferredContact: ContactMethod | '';
  message: string;
  preferredDate: string;
  preferredTime: string;
  tradeYear: string;
  tradeMake: string;
  tradeModel: string;
  tradeMileage: string;
  tradeCondition: string;
  [HONEYPOT]: string;
}
export type LeadField = keyof LeadFormValues;

export const EMPTY_LEAD_FORM: LeadFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  preferredContact: '',
  message: '',
  preferredDate: '',
  preferredTime: '',
  tradeYear: '',
  tradeMake: '',
  tradeModel: '',
  tradeMileage: '',
  tradeCondition: '',
  [HONEYPOT]: '',
};

export type FieldErrors = Partial<Record<LeadField, string>>;

type AttachedVehicle = Pick<PublicVehicle, 'vin' | 'stockNumber'>;

const present = (text: string) => text.trim() || undefined;
const wholeNumber = (text: string) => {
  const digits = text.replace(/[\s,]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
};

/**
 * The lead as the leads API takes it. The contract has no field for a test drive's time or a
 * trade-in's condition, so they travel as lines of the message the salesperson reads. The visit's
 * traffic source (the tracker's) goes with it, so analytics counts the lead where it counts the
 * visit's views.
 */
export function leadInputOf(
  intent: LeadIntent,
  values: LeadFormValues,
  vehicle: AttachedVehicle | null,
  trafficSource: string | null = null,
): WebsiteLeadInput {
  const lines: string[] = [];
  if (intent === 'schedule_test_drive' && (values.preferredDate || values.preferredTime)) {
    lines.push(
      `Preferred test drive: ${[present(values.preferredDate), present(values.preferredTime)].filter(Boolean).join(', ')}`,
    );
  }
  if (intent === 'value_trade_in' && values.tradeCondition)
    lines.push(`Trade-in condition: ${values.tradeCondition}`);
  const typed = present(values.message);
  if (typed) lines.push(typed);

  const tradeIn =
    intent === 'value_trade_in'
      ? withoutEmpty({
          year: wholeNumber(values.tradeYear),
          make: present(values.tradeMake),
          model: present(values.tradeModel),
          mileage: wholeNumber(values.tradeMileage),
        })
      : undefined;

  return withoutEmpty({
    intent,
    firstName: values.firstName.trim(),
    lastName: present(values.lastName),
    email: present(values.email),
    phone: present(values.phone),
    preferredContact: values.preferredContact || undefined,
    message: lines.length > 0 ? lines.join('\n') : undefined,
    vehicle: vehicle ? { vin: vehicle.vin, stockNumber: vehicle.stockNumber } : undefined,
    tradeIn: tradeIn && Object.keys(tradeIn).length > 0 ? tradeIn : undefined,
    trafficSource: trafficSource || undefined,
    [HONEYPOT]: values[HONEYPOT] || undefined,
  }) as WebsiteLeadInput;
}

function withoutEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks worth making before a round trip; the API remains the judge (its problems are mapped too). */
export function checkLeadForm(intent: LeadIntent, values: LeadFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.firstName.trim()) errors.firstName = 'Enter your first name.';
  if (!values.email.trim() && !values.phone.trim()) {
    errors.email = 'Enter an e-mail address or a phone number, so we can answer you.';
  } else if (values.email.trim() && !EMAIL.test(values.email.trim())) {
    errors.email = 'Enter an e-mail address like name@example.com.';
  }
  if (values.phone.trim() && values.phone.replace(/\D/g, '').length < 7) {
    errors.phone = 'Enter a phone number with at least 7 digits.';
  }
  if (intent === 'general_contact' && !values.message.trim()) errors.message = 'Write your message.';
  if (intent === 'value_trade_in') {
    if (values.tradeYear && wholeNumber(values.tradeYear) === undefined)
      errors.tradeYear = 'Enter the year as a number, e.g. 2018.';
    if (values.tradeMileage && wholeNumber(values.tradeMileage) === undefined) {
      errors.tradeMileage = 'Enter the mileage as a number, e.g. 48000.';
    }
  }
  return errors;
}

/** The API's field names (dotted paths of the body, as the kit names them) → the form's fields. */
const API_FIELDS: Record<string, LeadField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  phone: 'phone',
  preferredContact: 'preferredContact',
  message: 'message',
  'tradeIn.year': 'tradeYear',
  'tradeIn.make': 'tradeMake',
  'tradeIn.model': 'tradeModel',
  'tradeIn.mileage': 'tradeMileage',
};

export interface ProblemOnForm {
  fields: FieldErrors;
  /** What belongs to no field the shopper can fix (the car, the whole request). */
  general: string | null;
}

/** A problem+json answer placed on the fields it names; the rest said once above the form. */
export function problemOnForm(problem: Partial<Problem> | null | undefined): ProblemOnForm {
  const fields: FieldErrors = {};
  const unplaced: string[] = [];
  for (const param of problem?.invalidParams ?? []) {
    const field = API_FIELDS[param.name.replace(/^body\./, '')];
    const reason = sentence(param.reason);
    if (field && !fields[field]) fields[field] = reason;
    else if (!field) unplaced.push(reason);
  }
  const general =
    unplaced.length > 0
      ? unplaced.join(' ')
      : Object.keys(fields).length === 0
        ? (problem?.detail ?? problem?.title ?? null)
        : null;
  return { fields, general };
}

const sentence = (reason: string) => {
  const text = reason.trim();
  return text ? `${text[0]?.toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}` : text;
};
