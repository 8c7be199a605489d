import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeVin, normalizeVin, vinCheckDigit, vinProblem } from './vin';

// Every VIN below was checked against the ISO 3779 check-digit algorithm independently of this module.
// The first three are real VINs; the others are built from real WMIs and patterns, with the digit computed.
const HONDA_2003 = '1HGCM82633A004352'; // Honda Accord, position 7 is a digit
const ACURA_1993 = 'JH4KA7561PC008269'; // Acura Legend
const MCI_1989 = '1M8GDM9AXKP042788'; // Motor Coach Industries bus; its check digit is X
const BMW_2012 = 'WBA3A5C57CF256651'; // BMW 3 Series, position 7 is a letter
const FORD_2013 = '1FTFW1ET9DFC10312'; // Ford F-150
const TESLA_2019 = '5YJ3E1EA2KF317000'; // Tesla Model 3
const REFERENCE_YEAR = 2025;

const decode = (vin: string) => decodeVin(vin, REFERENCE_YEAR);

describe('normalizeVin', () => {
  it('trims what a dealer pasted and upper-cases it', () => {
    expect(normalizeVin('  1hgcm82633a004352\n')).toBe(HONDA_2003);
  });

  it('does not guess at typos: an O stays an O and inner spaces stay', () => {
    expect(normalizeVin(' 1hgcm8263o a004352 ')).toBe('1HGCM8263O A004352');
  });
});

describe('vinProblem', () => {
  it.each([HONDA_2003, ACURA_1993, MCI_1989, BMW_2012, FORD_2013, TESLA_2019])(
    'accepts the valid VIN %s',
    (vin) => {
      expect(vinProblem(vin)).toBeNull();
    },
  );

  it('when a character is missing, it says how many characters it got', () => {
    expect(vinProblem(HONDA_2003.slice(1))).toBe('must be 17 characters (got 16)');
  });

  it('when a character too many was typed, it says so', () => {
    expect(vinProblem(`${HONDA_2003}1`)).toBe('must be 17 characters (got 18)');
  });

  it('when the field is empty, it asks for 17 characters', () => {
    expect(vinProblem('')).toBe('must be 17 characters (got 0)');
  });

  it('when the length is wrong, it reports that before any bad letter', () => {
    expect(vinProblem('1HGCO')).toBe('must be 17 characters (got 5)');
  });

  it('when an O was typed for a zero, it names the letter and its position', () => {
    expect(vinProblem('1HGCO82633A004352')).toBe(
      'must not contain the letters I, O or Q (found O at position 5)',
    );
  });

  it('when several of I, O and Q appear, it points at the first one', () => {
    expect(vinProblem('1HGCM826QIA004352')).toBe(
      'must not contain the letters I, O or Q (found Q at position 9)',
    );
  });

  it('when there is both an I and a dash, it reports the I first', () => {
    expect(vinProblem('1H-CM82633A00435I')).toBe(
      'must not contain the letters I, O or Q (found I at position 17)',
    );
  });

  it('when a dash sneaks in, it names the character and its position', () => {
    expect(vinProblem('1H-CM82633A004352')).toBe(
      "may contain only letters and digits (found '-' at position 3)",
    );
  });

  it('when a space sits inside the VIN, it points at the space', () => {
    expect(vinProblem('1HGCM826 3A004352')).toBe(
      "may contain only letters and digits (found ' ' at position 9)",
    );
  });

  it('when an accented letter is used, it counts it as one character and rejects it', () => {
    expect(vinProblem('1HGCM82633É004352')).toBe(
      "may contain only letters and digits (found 'É' at position 11)",
    );
  });

  it('when the caller forgot to normalize, it asks for capital letters', () => {
    expect(vinProblem('1hgcm82633a004352')).toBe("letters must be capitals (found 'h' at position 2)");
  });

  it('when the check digit is wrong, it names the expected digit and the one found', () => {
    expect(vinProblem('WBA3A5C51CF256651')).toBe('check digit is 7 but position 9 holds 1');
  });

  it('when one character elsewhere was mistyped, the check digit catches it', () => {
    expect(vinProblem('1HGCM82633A004353')).toBe('check digit is 5 but position 9 holds 3');
  });

  it('when the expected check digit is X, it asks for X', () => {
    expect(vinProblem('1M8GDM9A0KP042788')).toBe('check digit is X but position 9 holds 0');
  });

  it('when X stands in position 9 but a digit is expected, it names the digit', () => {
    expect(vinProblem('1HGCM826X3A004352')).toBe('check digit is 3 but position 9 holds X');
  });
});

describe('vinCheckDigit', () => {
  it.each([
    [HONDA_2003, '3'],
    [ACURA_1993, '1'],
    [BMW_2012, '7'],
    [FORD_2013, '9'],
    [TESLA_2019, '2'],
    ['11111111111111111', '1'],
  ])('computes the check digit of %s as %s', (vin, digit) => {
    expect(vinCheckDigit(vin)).toBe(digit);
  });

  it('when the weighted sum leaves a remainder of 10, it returns X', () => {
    expect(vinCheckDigit(MCI_1989)).toBe('X');
  });

  it('ignores whatever position 9 holds, so it can fill in a placeholder', () => {
    expect(vinCheckDigit('1HGCM826*3A004352')).toBe('3');
  });

  it('when the VIN is not 17 characters, it throws', () => {
    expect(() => vinCheckDigit('1HGCM82633A00435')).toThrow(RangeError);
  });

  it('when a character is not a VIN character, it throws', () => {
    expect(() => vinCheckDigit('1HGCO82633A004352')).toThrow(RangeError);
  });
});

describe('decodeVin', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('decodes a 2003 Honda Accord completely', () => {
    expect(decode(HONDA_2003)).toEqual({
      vin: HONDA_2003,
      valid: true,
      problem: null,
      wmi: '1HG',
      manufacturer: 'Honda',
      make: 'Honda',
      country: 'United States',
      modelYear: 2003,
      candidateModelYears: [2003],
    });
  });

  it('when the VIN was typed in lowercase with spaces around it, it decodes the normalized VIN', () => {
    const decoding = decode('  1hgcm82633a004352 \t');
    expect(decoding.vin).toBe(HONDA_2003);
    expect(decoding.valid).toBe(true);
    expect(decoding.make).toBe('Honda');
  });

  describe('model year', () => {
    it('when position 7 is a digit, it reads position 10 in the 1980–2009 cycle', () => {
      expect(decode(ACURA_1993).modelYear).toBe(1993);
      expect(decode(HONDA_2003).modelYear).toBe(2003);
      expect(decode(MCI_1989).modelYear).toBe(1989);
    });

    it('when position 7 is a letter, it reads position 10 in the 2010–2039 cycle', () => {
      expect(decode(BMW_2012).candidateModelYears).toEqual([2012]);
      expect(decode(FORD_2013).modelYear).toBe(2013);
      expect(decode(TESLA_2019).modelYear).toBe(2019);
    });

    it('reads the same code B as 1981 or 2011 depending on position 7', () => {
      expect(decode('1HGCM8265BA004352').modelYear).toBe(1981);
      expect(decode('1HGCM8A63BA004352').modelYear).toBe(2011);
    });

    it('reads Y as 2000 in the earlier cycle', () => {
      expect(decode('1HGCM8264YA004352').modelYear).toBe(2000);
    });

    it('never offers 1980, which predates 17-character VINs', () => {
      const decoding = decode('1HGCM8267AA004352');
      expect(decoding.candidateModelYears).toEqual([]);
      expect(decoding.modelYear).toBeNull();
    });

    it('when the code stands for a year after next year, it offers no year', () => {
      const decoding = decode('5YJ3E1EA1YF317000'); // Y with a letter in position 7: 2030
      expect(decoding.valid).toBe(true);
      expect(decoding.candidateModelYears).toEqual([]);
      expect(decoding.modelYear).toBeNull();
    });

    it('allows next year’s models, so 2030 is fine once the reference year is 2029', () => {
      expect(decodeVin('5YJ3E1EA1YF317000', 2029).modelYear).toBe(2030);
      expect(decodeVin('5YJ3E1EA1YF317000', 2028).modelYear).toBeNull();
    });

    it('without a reference year, it uses the current UTC year', () => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2028-12-31T23:59:59Z'));
      expect(decodeVin('5YJ3E1EA1YF317000').modelYear).toBeNull();
      vi.setSystemTime(new Date('2029-01-01T00:00:00Z'));
      expect(decodeVin('5YJ3E1EA1YF317000').modelYear).toBe(2030);
    });

    it.each([
      ['U', '1HGCM8261UA004352'],
      ['Z', '1HGCM8262ZA004352'],
      ['0', '1HGCM82690A004352'],
    ])(
      'when position 10 holds %s, which is no year code, it offers no year but the VIN stays valid',
      (_, vin) => {
        const decoding = decode(vin);
        expect(decoding.valid).toBe(true);
        expect(decoding.modelYear).toBeNull();
        expect(decoding.candidateModelYears).toEqual([]);
      },
    );

    it('when position 7 is neither letter nor digit, both cycles stay possible', () => {
      const decoding = decode('1HGCM8-65BA004352');
      expect(decoding.valid).toBe(false);
      expect(decoding.candidateModelYears).toEqual([1981, 2011]);
      expect(decoding.modelYear).toBeNull();
    });

    it('when the VIN has the wrong length, it does not guess a year from shifted positions', () => {
      expect(decode(HONDA_2003.slice(0, 16)).candidateModelYears).toEqual([]);
    });
  });

  describe('manufacturer, make and country', () => {
    it.each([
      [ACURA_1993, 'Honda', 'Acura', 'Japan'],
      [BMW_2012, 'BMW', 'BMW', 'Germany'],
      [FORD_2013, 'Ford Motor Company', 'Ford', 'United States'],
      [TESLA_2019, 'Tesla', 'Tesla', 'United States'],
      ['2HGFC2F5XGH123456', 'Honda', 'Honda', 'Canada'],
      ['3VWDB7AJ7HM123456', 'Volkswagen', 'Volkswagen', 'Mexico'],
      ['KNAGM4A74D5123456', 'Kia', 'Kia', 'South Korea'],
      ['KMTG34LA9LU123456', 'Hyundai', 'Genesis', 'South Korea'],
      ['JN1AZ4EH7DM123456', 'Nissan', 'Nissan', 'Japan'],
      ['1G1ZD5STXJF123456', 'General Motors', 'Chevrolet', 'United States'],
      ['1GTU9FEL2LZ123456', 'General Motors', 'GMC', 'United States'],
      ['SALGS2SV7JA123456', 'Jaguar Land Rover', 'Land Rover', 'United Kingdom'],
      ['YV4A22PK6J1123456', 'Volvo Cars', 'Volvo', 'Sweden'],
      ['ZARFAMAN8K7123456', 'Stellantis', 'Alfa Romeo', 'Italy'],
      ['LPSED3KA0ML123456', 'Polestar', 'Polestar', 'China'],
      ['7SAYGDEE8PF123456', 'Tesla', 'Tesla', 'United States'],
      ['7PDSGABA5NN123456', 'Rivian', 'Rivian', 'United States'],
      ['50EA1TEA3PA123456', 'Lucid', 'Lucid', 'United States'],
    ])('reads %s as made by %s under the %s brand in %s', (vin, manufacturer, make, country) => {
      const decoding = decode(vin);
      expect(decoding.valid).toBe(true);
      expect(decoding).toMatchObject({ wmi: vin.slice(0, 3), manufacturer, make, country });
    });

    // One WMI per make we sell; three characters are enough to read the make.
    it.each([
      ['19U', 'Acura'],
      ['ZAR', 'Alfa Romeo'],
      ['WAU', 'Audi'],
      ['WBA', 'BMW'],
      ['1G4', 'Buick'],
      ['1G6', 'Cadillac'],
      ['1G1', 'Chevrolet'],
      ['1C3', 'Chrysler'],
      ['1B3', 'Dodge'],
      ['ZFA', 'Fiat'],
      ['1FA', 'Ford'],
      ['KMT', 'Genesis'],
      ['1GT', 'GMC'],
      ['1HG', 'Honda'],
      ['KMH', 'Hyundai'],
      ['JNK', 'Infiniti'],
      ['SAJ', 'Jaguar'],
      ['1J4', 'Jeep'],
      ['KNA', 'Kia'],
      ['SAL', 'Land Rover'],
      ['JTH', 'Lexus'],
      ['1LN', 'Lincoln'],
      ['ZAM', 'Maserati'],
      ['JM1', 'Mazda'],
      ['WDD', 'Mercedes-Benz'],
      ['WMW', 'Mini'],
      ['JA3', 'Mitsubishi'],
      ['1N4', 'Nissan'],
      ['WP0', 'Porsche'],
      ['1C6', 'Ram'],
      ['JF1', 'Subaru'],
      ['5YJ', 'Tesla'],
      ['4T1', 'Toyota'],
      ['WVW', 'Volkswagen'],
      ['YV1', 'Volvo'],
      ['LPS', 'Polestar'],
      ['7PD', 'Rivian'],
      ['50E', 'Lucid'],
    ])('knows %s as %s', (wmi, make) => {
      expect(decode(wmi).make).toBe(make);
    });

    it('when the WMI is not in the table, it leaves maker and make empty without calling the VIN invalid', () => {
      expect(decode(MCI_1989)).toMatchObject({
        valid: true,
        wmi: '1M8',
        manufacturer: null,
        make: null,
        country: 'United States',
        modelYear: 1989,
      });
    });

    it('when the region is one we have no country for, country stays empty', () => {
      const decoding = decode('VF1AB000000000000');
      expect(decoding.wmi).toBe('VF1');
      expect(decoding.country).toBeNull();
    });
  });

  describe('Chrysler-family VINs that share a WMI across brands', () => {
    it.each([
      ['1C4RJFAG8EC123456', 'Jeep', 2014], // Grand Cherokee
      ['1C4RDJDG0EC123456', 'Dodge', 2014], // Durango
      ['2C3CDXBG8CH123456', 'Dodge', 2012], // Charger
      ['1C6SRFFT9KN123456', 'Ram', 2019], // Ram 1500
      ['1C6JJTAG8LL123456', 'Jeep', 2020], // Gladiator, built under a truck WMI
    ])('from 2012 on, reads the brand of %s from position 5 as %s', (vin, make, year) => {
      expect(decode(vin)).toMatchObject({ valid: true, manufacturer: 'Stellantis', make, modelYear: year });
    });

    it('before 2012, it keeps the brand the WMI stood for', () => {
      expect(decode('2C3CA5CG5BH123456')).toMatchObject({ valid: true, make: 'Chrysler', modelYear: 2011 });
    });

    it('when the brand cannot be told apart, it names the manufacturer and leaves the make empty', () => {
      expect(decode('1C4GJ45R15B123456')).toMatchObject({
        valid: true,
        manufacturer: 'Stellantis',
        make: null,
      });
      expect(decode('1C4RXXAG2EC123456')).toMatchObject({
        valid: true,
        manufacturer: 'Stellantis',
        make: null,
      });
    });
  });

  describe('invalid VINs', () => {
    it('when the check digit is wrong, it still reports maker, country and year', () => {
      expect(decode('WBA3A5C51CF256651')).toMatchObject({
        valid: false,
        problem: 'check digit is 7 but position 9 holds 1',
        wmi: 'WBA',
        make: 'BMW',
        country: 'Germany',
        modelYear: 2012,
      });
    });

    it('when the VIN is too short but starts with a known WMI, it still names the make', () => {
      expect(decode('1FTFW1')).toMatchObject({
        vin: '1FTFW1',
        valid: false,
        problem: 'must be 17 characters (got 6)',
        wmi: '1FT',
        make: 'Ford',
        country: 'United States',
        modelYear: null,
        candidateModelYears: [],
      });
    });

    it('when fewer than three characters were typed, it reads nothing', () => {
      expect(decode('1h')).toMatchObject({
        vin: '1H',
        wmi: null,
        manufacturer: null,
        make: null,
        country: null,
      });
    });

    it('when the first three characters include a forbidden letter, it reads no WMI', () => {
      expect(decode('1HO')).toMatchObject({ wmi: null, make: null, country: null });
    });
  });
});
