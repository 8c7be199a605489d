import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdfError } from './adf-error';
import { parseAdf } from './parse-adf';
import { parseAdfBytes } from './parse-adf-bytes';
import { TYPICAL_ADF_SAMPLE } from './typical-sample';
import type { AdfDocument, AdfRepairKind, AdfVehicle } from './types';

const fixtures = join(import.meta.dirname, '../fixtures');
const broken = (name: string) => readFileSync(join(fixtures, 'broken', name), 'utf8');
const ambiguous = (name: string) => readFileSync(join(fixtures, 'ambiguous', name), 'utf8');

function refusal(xml: string): AdfError {
  try {
    parseAdf(xml);
  } catch (error) {
    if (error instanceof AdfError) return error;
    throw error;
  }
  throw new Error('parseAdf accepted the document');
}

interface Recovery {
  repairs: AdfRepairKind[];
  /** A line of each repair's detail, in order. */
  details: RegExp[];
  customer: { fullName: string; emails?: string[]; phones?: string[] };
  vehicle?: Partial<AdfVehicle>;
  comments?: string | null;
}

function expectRecovered(document: AdfDocument, expected: Recovery): void {
  expect(document.repairs.map((repair) => repair.kind)).toEqual(expected.repairs);
  document.repairs.forEach((repair, index) => expect(repair.detail).toMatch(expected.details[index] ?? /./));
  expect(document.prospects).toHaveLength(1);
  const [lead] = document.prospects;
  expect(lead?.customer.fullName).toBe(expected.customer.fullName);
  if (expected.customer.emails) expect(lead?.customer.emails).toEqual(expected.customer.emails);
  if (expected.customer.phones) {
    expect(lead?.customer.phones.map((phone) => phone.number)).toEqual(expected.customer.phones);
  }
  if (expected.vehicle) expect(lead?.vehicles[0]).toMatchObject(expected.vehicle);
  if (expected.comments !== undefined) expect(lead?.comments).toBe(expected.comments);
}

const RECOVERIES: Record<string, Recovery> = {
  'bare-ampersand.xml': {
    repairs: ['bare-ampersand'],
    details: [/^8 bare "&" signs escaped \(first on line 9\)$/],
    customer: { fullName: 'Marcus Smith & Sons Hauling', phones: ['555-010-4242'] },
    vehicle: { make: 'Ram', model: '1500', trim: 'Big Horn & Lone Star Package' },
    // the one "&amp;" the template did escape stays a single "&"
    comments: 'Work truck for AT&T contract. Need tow & haul mode; R&D fleet discount?',
  },
  'less-than-in-comments.xml': {
    repairs: ['unescaped-less-than'],
    details: [/^5 bare "<" signs escaped \(first on line 13\)$/],
    customer: { fullName: 'Dana Whitfield', emails: ['dana.whitfield@example.org'] },
    vehicle: { year: 2022, make: 'Toyota', model: 'RAV4', comments: 'Only if odometer < 30,000' },
    comments: 'Budget is <$400/mo with < 2k down. Reply to Dana <dana.whitfield@example.org> please <3',
  },
  'spec-prolog-unquoted-attributes.xml': {
    repairs: ['unquoted-attribute'],
    details: [/^10 attribute values without quotes \(first: status in <prospect> on line 10\)$/],
    customer: { fullName: 'Luis Ortega', phones: ['555-010-8812'] },
    vehicle: { interest: 'buy', status: 'used', make: 'Chevrolet', model: 'Silverado 1500', odometer: 48211 },
  },
  'closing-tag-case.xml': {
    repairs: ['closing-tag-case'],
    details: [/<RequestDate> closed by <\/requestdate> on line 10/],
    customer: { fullName: 'Aisha Karimi', emails: ['aisha.karimi@example.com'], phones: ['555-010-6060'] },
    vehicle: { year: 2027, make: 'Honda', model: 'CR-V', trim: 'EX-L' },
  },
  'missing-end-tags.xml': {
    repairs: ['unclosed-element'],
    details: [/<adf>, <prospect> at the end of the document \(text after the last element dropped\)$/],
    customer: { fullName: 'Grace Liu', emails: ['grace.liu@example.net'], phones: ['555-010-3131'] },
    vehicle: { make: 'Subaru', model: 'Outback', vin: '4S4BSANC5J3200001', stock: 'P4410' },
  },
  'html-entities.xml': {
    repairs: ['html-entity'],
    details: [
      /^6 HTML entities \(&reg;, &nbsp;, &eacute;, &rsquo;, &mdash;\) read as characters \(first on line 11\)$/,
    ],
    customer: { fullName: 'Renée Dubois' },
    vehicle: { model: 'RAV4® Hybrid', trim: 'XSE AWD' },
    comments: 'I’d like a test drive Saturday morning — thanks! Unknown &foo; stays as written.',
  },
  'stray-xml-declaration.xml': {
    repairs: ['stray-xml-declaration'],
    details: [/^1 XML declaration inside the document ignored \(first on line 9\)$/],
    customer: { fullName: 'Owen Brooks', phones: ['555-010-7272'] },
    vehicle: { make: 'Ford', model: 'Bronco' },
  },
  'unclosed-cdata.xml': {
    repairs: ['unclosed-cdata'],
    details: [/^2 CDATA sections closed at the end of their elements \(first on line 13\)$/],
    customer: { fullName: 'Noah Patel', emails: ['noah.patel@example.com'] },
    vehicle: { make: 'Mazda', model: 'CX-5', comments: 'Listing <b>#77120</b> & photos 1-12' },
    comments:
      'Click for full customer profile: https://leads.example.com/p?id=7&v=2\nCustomer converted using 1 Tap Lead Button: Request Information',
  },
  'html-line-breaks.xml': {
    repairs: ['html-line-break'],
    details: [/^2 HTML <br> tags read as new lines \(first on line 20\)$/],
    customer: { fullName: 'Elena Rossi' },
    vehicle: { interest: 'trade-in', make: 'Nissan', model: 'Altima', odometer: 112400 },
    comments: 'Trade: 2015 Altima\nPayoff: about $6,000\nBest time: evenings',
  },
  'duplicate-attributes.xml': {
    repairs: ['duplicate-attribute'],
    details: [
      /^4 repeated attributes with the same value said once \(first: status in <prospect> on line 6\)$/,
    ],
    customer: { fullName: 'Sam Okafor', phones: ['555-010-9393'] },
    vehicle: { interest: 'buy', status: 'used', make: 'Jeep' },
  },
  'unclosed-values.xml': {
    repairs: ['unclosed-element'],
    details: [/<model> before <\/vehicle> on line 13; <phone> before <\/contact> on line 20$/],
    customer: { fullName: 'Priya Nair', emails: ['priya.nair@example.com'], phones: ['555-010-2424'] },
    vehicle: { make: 'Kia', model: 'Telluride' },
  },
  'misnested-end-tags.xml': {
    repairs: ['unclosed-element'],
    details: [
      /^elements left open closed: <comments> before <\/customer> on line 21; <\/comments> after <\/customer> on line 21 dropped; <vendorname> before <\/vendor> on line 23; 1 more$/,
    ],
    customer: { fullName: 'Hana Sato', emails: ['hana.sato@example.jp'] },
    vehicle: { make: 'Hyundai', model: 'Tucson' },
    comments: 'Financing questions, call after 5pm',
  },
  'control-characters.xml': {
    repairs: ['control-character'],
    details: [/^2 control characters replaced by spaces \(first on line 13\)$/],
    customer: { fullName: 'Tom Becker' },
    comments: 'Line one Line two End',
  },
};

describe('ADF as providers really send it: each broken fixture recovers its lead', () => {
  it('has a recovery case for every fixture, and a source line in each', () => {
    const files = readdirSync(join(fixtures, 'broken')).filter((name) => name.endsWith('.xml'));
    const apart = ['windows-1252.xml', 'batch-with-one-ambiguous-lead.xml'];
    expect([...Object.keys(RECOVERIES), ...apart].sort()).toEqual(files.sort());
    for (const name of files)
      expect(readFileSync(join(fixtures, 'broken', name), 'latin1')).toMatch(/Breakage: /);
  });

  for (const [name, expected] of Object.entries(RECOVERIES)) {
    it(`recovers ${name} and says what was repaired`, () => {
      const document = parseAdf(broken(name));
      expectRecovered(document, expected);
      // the repairs say where and how many, never what the shopper wrote
      const details = document.repairs.map((repair) => repair.detail).join(' ');
      for (const word of ['Marcus', 'AT&T', '$400', 'Autobahn', 'Telluride'])
        expect(details).not.toContain(word);
    });
  }

  it('recovers windows-1252 bytes in a document declared UTF-8, when given the bytes', () => {
    const bytes = readFileSync(join(fixtures, 'broken', 'windows-1252.xml'));
    expectRecovered(parseAdfBytes(bytes), {
      repairs: ['windows-1252'],
      details: [/^5 bytes that are not UTF-8 read as windows-1252 \(first on line 17\)$/],
      customer: { fullName: 'Renée O’Brien', emails: ['renee.obrien@example.ie'] },
      vehicle: { make: 'Volkswagen', model: 'Golf GTI' },
      comments: 'Is the “Autobahn” package included? Weekdays 9–5 only.',
    });
  });

  it('keeps UTF-8 that is UTF-8 next to stray windows-1252 bytes, and trusts the transport charset', () => {
    const mixed = Buffer.concat([
      Buffer.from('<adf><prospect><customer><contact><name part="full">José ', 'utf8'),
      Buffer.from([0x93, 0x50, 0x65, 0x70, 0x65, 0x94]),
      Buffer.from('</name></contact></customer></prospect></adf>', 'utf8'),
    ]);
    const document = parseAdfBytes(mixed);
    expect(document.prospects[0]?.customer.fullName).toBe('José “Pepe”');
    expect(document.repairs.map((repair) => repair.kind)).toEqual(['windows-1252']);

    const latin = Buffer.from(
      '<adf><prospect><customer><contact><name part="full">Zoë</name></contact></customer></prospect></adf>',
      'latin1',
    );
    const declared = parseAdfBytes(latin, { charset: 'ISO-8859-1' });
    expect(declared.prospects[0]?.customer.fullName).toBe('Zoë');
    expect(declared.repairs).toEqual([]);
  });

  it('mends several breakages in one document, in order, and reports each once', () => {
    const xml = `<ADF><Prospect><customer><contact><name part=full>Kim & Lee</name>
      <email>kim@example.com</email></contact><comments>Call <5pm&nbsp;please<br>Thanks</comments></customer></prospect>`;
    const document = parseAdf(xml);
    expect(document.repairs.map((repair) => repair.kind)).toEqual([
      'html-entity',
      'bare-ampersand',
      'unescaped-less-than',
      'html-line-break',
      'closing-tag-case',
      'unquoted-attribute',
      'unclosed-element',
    ]);
    expect(document.prospects[0]?.customer).toMatchObject({
      fullName: 'Kim & Lee',
      emails: ['kim@example.com'],
      comments: 'Call <5pm please\nThanks',
    });
  });

  it('counts lines of what the provider sent, text before the root included', () => {
    const xml = `Lead from the web site\n\n<adf><prospect>\n<customer><contact><name part="full">A & B</name></contact></customer></prospect></adf>`;
    expect(parseAdf(xml).repairs[0]?.detail).toBe('1 bare "&" escaped (first on line 4)');
  });

  it('names in its details only elements and attributes of ADF: another name may be the shopper’s words', () => {
    const xml = `<adf><prospect status=new Dana=1>\n<customer><contact><name part="full">A B</name></contact>\n<comments>call me <Secretword> tonight</comments></customer></prospect></adf>`;
    const document = parseAdf(xml);
    expect(document.prospects[0]?.customer.fullName).toBe('A B');
    const details = document.repairs.map((repair) => repair.detail).join(' ');
    expect(details).toContain('<another element> before </comments> on line 3');
    for (const word of ['Secretword', 'Dana']) expect(details).not.toContain(word);
  });
});

describe('a document that cannot be mended whole keeps the prospects that can', () => {
  it('keeps the first and third leads of a batch whose second is ambiguous, and names the second', () => {
    const document = parseAdf(broken('batch-with-one-ambiguous-lead.xml'));
    expect(document.prospects.map((prospect) => prospect.ids[0]?.value)).toEqual(['TC-2001', 'TC-2003']);
    expect(document.prospects[0]?.customer.emails).toEqual(['ava.green@example.com']);
    expect(document.prospects[1]?.vehicles[0]).toMatchObject({ interest: 'lease', model: 'Prius' });
    expect(document.prospects[1]?.comments).toBe('AT&T employee pricing?');
    expect(document.repairs).toEqual([
      { kind: 'bare-ampersand', detail: 'prospect 3: 1 bare "&" escaped (first on line 26)' },
      {
        kind: 'prospect-refused',
        detail:
          '1 of 3 prospects refused, the others read one by one: prospect 2: its markup has no single reading (line 18)',
      },
    ]);
  });

  it('reads a prospect apart from markup around it that has no reading', () => {
    const xml = `<adf><batch>7<count>1</count>\n<prospect><customer><contact><name part="full">Dee</name></contact></customer></prospect></adf>`;
    const document = parseAdf(xml);
    expect(document.prospects[0]?.customer.fullName).toBe('Dee');
    expect(document.repairs.map((repair) => repair.kind)).toEqual(['prospect-refused']);
    expect(document.repairs[0]?.detail).toMatch(
      /^markup outside the prospects could not be read( \(line \d+\))?; the 1 prospect read one by one$/,
    );
  });

  it('names no word of the document when a refused prospect’s markup holds the shopper’s own text', () => {
    const xml = `<adf><prospect><customer><contact><name part="full">Ann</name><email>ann@example.com</email></contact></customer></prospect>
      <prospect><customer><contact><Secretword>1<email>b@example.com</email></contact></customer></prospect></adf>`;
    const document = parseAdf(xml);
    expect(document.prospects.map((prospect) => prospect.customer.fullName)).toEqual(['Ann']);
    const details = document.repairs.map((repair) => repair.detail).join(' | ');
    expect(details).toContain('prospect 2: its markup has no single reading');
    expect(details).not.toMatch(/secretword/i);
  });

  it('refuses the document when no prospect reads, with the document’s own refusal', () => {
    const xml = `<adf><prospect><customer><contact><phone>1<email>a@b.c</email></contact></customer></prospect>
      <prospect><vehicle interest="buy" interest="sell"/><customer><contact><phone>2</phone></contact></customer></prospect></adf>`;
    const error = refusal(xml);
    expect(error.element).toBe('vehicle');
  });

  it('refuses the whole document, as before, for a prospect without a contact or hostile markup', () => {
    const broken2 = '<customer><contact><phone>1<email>x</email></contact></customer>';
    const noContact = `<adf><prospect>${broken2}</prospect><prospect><customer><comments>hi</comments></customer></prospect></adf>`;
    expect(refusal(noContact).element).toBe('prospect[2]/customer/contact');
    const reserved = `<adf><prospect>${broken2}</prospect><prospect><__proto__>x</__proto__><customer><contact><phone>2</phone></contact></customer></prospect></adf>`;
    expect(refusal(reserved).element).toBe('__proto__');
    const deep = `<adf><prospect>${broken2}</prospect><prospect>${'<a>'.repeat(40)}${'</a>'.repeat(40)}<customer><contact><phone>2</phone></contact></customer></prospect></adf>`;
    expect(refusal(deep).element).toBe('document');
  });
});

describe('well-formed documents report no repairs', () => {
  const wellFormed = [
    'cars-com.xml',
    'autotrader-messy.xml',
    'truecar-multi.xml',
    'kbb-instant-offer.xml',
    'oem-general-inquiry.xml',
  ];
  for (const name of wellFormed) {
    it(`reads ${name} with no repairs`, () => {
      expect(parseAdf(readFileSync(join(fixtures, name), 'utf8')).repairs).toEqual([]);
    });
  }

  it('reads the typical sample, its bytes, CDATA holding markup and a comment holding broken markup with no repairs', () => {
    expect(parseAdf(TYPICAL_ADF_SAMPLE).repairs).toEqual([]);
    expect(parseAdfBytes(Buffer.from(TYPICAL_ADF_SAMPLE, 'utf8')).repairs).toEqual([]);
    const xml = `<adf><prospect><!-- a & b < c &nbsp; <?xml version="1.0"?> <![CDATA[ --><customer><contact><name part="full">Jo</name></contact>
      <comments><![CDATA[AT&T <b>bold</b> &nbsp; <br>]]></comments></customer></prospect></adf>`;
    const document = parseAdf(xml);
    expect(document.repairs).toEqual([]);
    expect(document.prospects[0]?.customer.comments).toBe('AT&T <b>bold</b> &nbsp; <br>');
  });
});

describe('what cannot be read unambiguously stays refused, naming the element', () => {
  it('refuses an element holding text and elements that its parent closes', () => {
    const error = refusal(ambiguous('value-holding-elements.xml'));
    expect(error.element).toBe('phone');
    expect(error.reason).toBe(
      '<phone> (line 9) holds elements and never closes before </contact> (line 11): where it ends is ambiguous',
    );
  });

  it('refuses an attribute given twice with different values', () => {
    const error = refusal(ambiguous('conflicting-attributes.xml'));
    expect(error.element).toBe('vehicle');
    expect(error.reason).toMatch(
      /^the attribute "interest" is given twice with different values \("buy", "trade-in"\)/,
    );
  });

  it('refuses a document that stops inside a value', () => {
    const error = refusal(ambiguous('cut-off-value.xml'));
    expect(error.element).toBe('email');
    expect(error.reason).toBe('the document ends inside <email> (line 9): its value may be cut off');
  });

  it('refuses an end tag that closes nothing open, and a CDATA section whose element never ends', () => {
    expect(
      refusal('<adf><prospect><customer><contact><name>Jane</email></contact></customer></prospect></adf>')
        .element,
    ).toBe('name');
    expect(refusal('<adf><prospect><comments><![CDATA[never closed').element).toBe('comments');
  });

  it('refuses an attribute without a value rather than guess it', () => {
    const error = refusal(
      '<adf><prospect><customer><contact primarycontact><phone>1</phone></contact></customer></prospect></adf>',
    );
    expect(error.element).toBe('contact');
    expect(error.reason).toMatch(/boolean attribute 'primarycontact' is not allowed/);
  });
});
