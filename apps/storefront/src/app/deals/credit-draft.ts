import type { CreditApplicant, CreditApplicationInput } from '@showroom/contracts';
import { centsOfDollars } from '../retail/deal-structure';
import { CREDIT_CONSENT_VERSION, EMPLOYMENT_STATUSES, HOUSING } from '../retail/retail-copy';

/** One applicant as typed. Lives only while the form is open; cleared once sent. */
export interface ApplicantValues {
  firstName: string;
  lastName: string;
  ssn: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  housing: (typeof HOUSING)[number] | '';
  monthlyHousing: string;
  yearsAtAddress: string;
  employmentStatus: (typeof EMPLOYMENT_STATUSES)[number] | '';
  employer: string;
  title: string;
  yearsEmployed: string;
  grossMonthlyIncome: string;
}
export type ApplicantField = keyof ApplicantValues;
export type Applicant = 'applicant' | 'coApplicant';
/** `applicant.ssn`, `coApplicant.city`, … and `consent`. */
export type CreditErrorKey = `${Applicant}.${ApplicantField}` | 'consent';
export type CreditErrors = Partial<Record<CreditErrorKey, string>>;

export const APPLICANT_FIELDS: ApplicantField[] = [
  'firstName',
  'lastName',
  'ssn',
  'dateOfBirth',
  'email',
  'phone',
  'street',
  'city',
  'region',
  'postalCode',
  'housing',
  'monthlyHousing',
  'yearsAtAddress',
  'employmentStatus',
  'employer',
  'title',
  'yearsEmployed',
  'grossMonthlyIncome',
];

export function emptyApplicant(): ApplicantValues {
  return {
    firstName: '',
    lastName: '',
    ssn: '',
    dateOfBirth: '',
    email: '',
    phone: '',
    street: '',
    city: '',
    region: '',
    postalCode: '',
    housing: '',
    monthlyHousing: '',
    yearsAtAddress: '',
    employmentStatus: '',
    employer: '',
    title: '',
    yearsEmployed: '',
    grossMonthlyIncome: '',
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SSN = /^\d{3}-?\d{2}-?\d{4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const years = (text: string, max: number) => {
  const value = text.trim();
  return /^\d{1,2}$/.test(value) && Number(value) <= max ? Number(value) : null;
};

/** Whether someone born on `date` (YYYY-MM-DD) is 18 or older on `today`. */
export function isAdult(date: string, today: Date): boolean {
  const born = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(born.getTime()) || born.getUTCFullYear() < 1900) return false;
  const adult = new Date(today);
  adult.setUTCFullYear(adult.getUTCFullYear() - 18);
  return born <= adult;
}

/** The checks worth making before the application goes; the API remains the judge. */
export function checkApplicant(values: ApplicantValues, who: Applicant, today: Date): CreditErrors {
  const errors: CreditErrors = {};
  const fail = (field: ApplicantField, message: string) => (errors[`${who}.${field}`] = message);
  if (!values.firstName.trim()) fail('firstName', 'Enter the first name.');
  if (!values.lastName.trim()) fail('lastName', 'Enter the last name.');
  if (!SSN.test(values.ssn.trim()))
    fail('ssn', 'Enter the Social Security number: 9 digits, as 123-45-6789.');
  if (!DATE.test(values.dateOfBirth)) fail('dateOfBirth', 'Enter the date of birth.');
  else if (!isAdult(values.dateOfBirth, today)) fail('dateOfBirth', 'The applicant must be 18 or older.');
  if (!EMAIL.test(values.email.trim())) fail('email', 'Enter an e-mail address like name@example.com.');
  const digits = values.phone.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) fail('phone', 'Enter a phone number with 7 to 15 digits.');
  if (!values.street.trim()) fail('street', 'Enter the street address.');
  if (!values.city.trim()) fail('city', 'Enter the city.');
  if (!values.region.trim()) fail('region', 'Enter the state.');
  if (!values.postalCode.trim()) fail('postalCode', 'Enter the ZIP code.');
  if (!values.housing) fail('housing', 'Choose where the applicant lives.');
  if (!values.monthlyHousing.trim() || centsOfDollars(values.monthlyHousing) === null)
    fail('monthlyHousing', 'Enter the monthly rent or mortgage in dollars, e.g. 1450 (0 if none).');
  if (years(values.yearsAtAddress, 99) === null)
    fail('yearsAtAddress', 'Enter the whole years, e.g. 3 (0 if less than one).');
  if (!values.employmentStatus) fail('employmentStatus', 'Choose the employment status.');
  if (years(values.yearsEmployed, 70) === null)
    fail('yearsEmployed', 'Enter the whole years, e.g. 5 (0 if less than one).');
  if (!values.grossMonthlyIncome.trim() || centsOfDollars(values.grossMonthlyIncome) === null)
    fail('grossMonthlyIncome', 'Enter the monthly income before tax in dollars, e.g. 5200 (0 if none).');
  return errors;
}

export function applicantInputOf(values: ApplicantValues): CreditApplicant {
  const employer = values.employer.trim();
  const title = values.title.trim();
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    ssn: values.ssn.trim(),
    dateOfBirth: values.dateOfBirth,
    email: values.email.trim(),
    phone: values.phone.trim(),
    residence: {
      street: values.street.trim(),
      city: values.city.trim(),
      region: values.region.trim(),
      postalCode: values.postalCode.trim(),
      housing: values.housing || 'other',
      monthlyHousingCents: centsOfDollars(values.monthlyHousing) ?? 0,
      yearsAtAddress: years(values.yearsAtAddress, 99) ?? 0,
    },
    employment: {
      status: values.employmentStatus || 'other',
      ...(employer ? { employer } : {}),
      ...(title ? { title } : {}),
      yearsEmployed: years(values.yearsEmployed, 70) ?? 0,
      grossMonthlyIncomeCents: centsOfDollars(values.grossMonthlyIncome) ?? 0,
    },
  };
}

export function creditApplicationOf(
  applicant: ApplicantValues,
  coApplicant: ApplicantValues | null,
): CreditApplicationInput {
  return {
    applicant: applicantInputOf(applicant),
    ...(coApplicant ? { coApplicant: applicantInputOf(coApplicant) } : {}),
    consent: { accepted: true, version: CREDIT_CONSENT_VERSION },
  };
}

/** The API's body paths → the form's fields: `applicant.residence.city` → `applicant.city`. */
const NESTED: Record<string, ApplicantField> = {
  'residence.street': 'street',
  'residence.city': 'city',
  'residence.region': 'region',
  'residence.postalCode': 'postalCode',
  'residence.housing': 'housing',
  'residence.monthlyHousingCents': 'monthlyHousing',
  'residence.yearsAtAddress': 'yearsAtAddress',
  'employment.status': 'employmentStatus',
  'employment.employer': 'employer',
  'employment.title': 'title',
  'employment.yearsEmployed': 'yearsEmployed',
  'employment.grossMonthlyIncomeCents': 'grossMonthlyIncome',
};

export function creditFieldOf(name: string): CreditErrorKey | null {
  if (name.startsWith('consent')) return 'consent';
  const match = /^(applicant|coApplicant)\.(.+)$/.exec(name);
  if (!match) return null;
  const [, who, path = ''] = match;
  const field =
    NESTED[path] ?? ((APPLICANT_FIELDS as string[]).includes(path) ? (path as ApplicantField) : null);
  return field ? (`${who as Applicant}.${field}` as CreditErrorKey) : null;
}
