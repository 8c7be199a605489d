import { applicantInputOf, checkApplicant, creditFieldOf, emptyApplicant, isAdult } from './credit-draft';

const today = new Date('2026-12-06T12:00:00Z');
const dana = {
  ...emptyApplicant(),
  firstName: 'Dana',
  lastName: 'Shopper',
  ssn: '123456789',
  dateOfBirth: '1985-04-12',
  email: 'dana@example.test',
  phone: '(512) 555-0199',
  street: '1 Elm St',
  city: 'Austin',
  region: 'TX',
  postalCode: '78701',
  housing: 'own' as const,
  monthlyHousing: '0',
  yearsAtAddress: '12',
  employmentStatus: 'retired' as const,
  yearsEmployed: '0',
  grossMonthlyIncome: '$3,100.50',
};

describe('a credit applicant as typed', () => {
  it('passes the checks when complete, and becomes the contract’s applicant (cents, whole years, no empty employer)', () => {
    expect(checkApplicant(dana, 'applicant', today)).toEqual({});
    expect(applicantInputOf(dana)).toEqual({
      firstName: 'Dana',
      lastName: 'Shopper',
      ssn: '123456789',
      dateOfBirth: '1985-04-12',
      email: 'dana@example.test',
      phone: '(512) 555-0199',
      residence: {
        street: '1 Elm St',
        city: 'Austin',
        region: 'TX',
        postalCode: '78701',
        housing: 'own',
        monthlyHousingCents: 0,
        yearsAtAddress: 12,
      },
      employment: { status: 'retired', yearsEmployed: 0, grossMonthlyIncomeCents: 310_050 },
    });
  });

  it('names each field to fix, for the applicant or the co-applicant', () => {
    const errors = checkApplicant(
      { ...dana, ssn: '12345', dateOfBirth: '2010-01-01', grossMonthlyIncome: '' },
      'coApplicant',
      today,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'coApplicant.dateOfBirth',
      'coApplicant.grossMonthlyIncome',
      'coApplicant.ssn',
    ]);
    expect(errors['coApplicant.dateOfBirth']).toBe('The applicant must be 18 or older.');
  });

  it('is 18 on the 18th birthday, not the day before', () => {
    expect(isAdult('2008-12-06', today)).toBe(true);
    expect(isAdult('2008-12-07', today)).toBe(false);
  });

  it('places the API’s nested field names on the form’s fields', () => {
    expect(creditFieldOf('applicant.residence.city')).toBe('applicant.city');
    expect(creditFieldOf('coApplicant.employment.grossMonthlyIncomeCents')).toBe(
      'coApplicant.grossMonthlyIncome',
    );
    expect(creditFieldOf('applicant.ssn')).toBe('applicant.ssn');
    expect(creditFieldOf('consent.accepted')).toBe('consent');
    expect(creditFieldOf('dealId')).toBeNull();
  });
});
