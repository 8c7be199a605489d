import { describe, expect, it } from 'vitest';
import { AdfError } from './adf-error';
import { parseAdf } from './parse-adf';

function failure(xml: string, options?: { maxBytes?: number }): AdfError {
  try {
    parseAdf(xml, options);
  } catch (error) {
    if (error instanceof AdfError) return error;
    throw error;
  }
  throw new Error('parseAdf accepted the document');
}

const customer = '<customer><contact><email>a@example.com</email></contact></customer>';

describe('parseAdf errors name the element', () => {
  it('refuses text that is not XML', () => {
    const error = failure('Hi, I would like a quote on the blue Accord.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AdfError');
    expect(error.element).toBe('document');
    expect(error.reason).toBe('not an XML document: no element found');
    expect(error.message).toBe('document: not an XML document: no element found');
  });

  it('refuses JSON and the empty string', () => {
    expect(failure('{"lead": {"name": "Jane"}}').element).toBe('document');
    expect(failure('').element).toBe('document');
  });

  it('refuses another root element', () => {
    const error = failure('<?xml version="1.0"?>\n<lead><name>Jane</name></lead>');
    expect(error.element).toBe('adf');
    expect(error.reason).toBe('the root element is <lead>, expected <adf>');
  });

  it('names the mismatched element and the line of the original input', () => {
    const error = failure(
      `<?xml version="1.0"?>\n<?adf version="1.0"?>\n<adf>\n<prospect>\n<customer><contact>\n<name part="first">Jane</email>\n</contact></customer></prospect></adf>`,
    );
    expect(error.element).toBe('name');
    expect(error.reason).toMatch(/^malformed XML at line 6, column \d+: Expected closing tag 'name'/);
  });

  it('names the element holding an attribute it cannot mend', () => {
    const error = failure(`<adf>\n<prospect status>${customer}</prospect></adf>`);
    expect(error.element).toBe('prospect');
    expect(error.reason).toMatch(
      /^malformed XML at line 2, column \d+: boolean attribute 'status' is not allowed\.$/,
    );
  });

  it('names the element a truncated document stops inside', () => {
    const error = failure('<adf><prospect><customer><contact><name>Jane</name><email>jane@exa');
    expect(error.element).toBe('email');
    expect(error.reason).toBe('the document ends inside <email> (line 1): its value may be cut off');
  });

  it('refuses an ADF document without a prospect', () => {
    const error = failure('<?adf version="1.0"?><adf></adf>');
    expect(error.element).toBe('adf/prospect');
    expect(error.reason).toBe('the document has no <prospect>');
  });

  it('refuses a prospect without a customer, counting prospects from 1', () => {
    const error = failure(`<adf><prospect>${customer}</prospect><prospect><id>2</id></prospect></adf>`);
    expect(error.element).toBe('prospect[2]/customer');
  });

  it('refuses a customer without a contact', () => {
    const error = failure(
      `<adf><prospect>${customer}</prospect><prospect><customer><comments>hi</comments></customer></prospect></adf>`,
    );
    expect(error.element).toBe('prospect[2]/customer/contact');
    expect(error.reason).toBe('the customer has no <contact>');
  });

  it('refuses a contact with neither name, e-mail nor phone', () => {
    const error = failure(
      '<adf><prospect><customer><contact><name part="first">  </name><address><city>Springfield</city></address></contact></customer></prospect></adf>',
    );
    expect(error.element).toBe('prospect[1]/customer/contact');
    expect(error.reason).toBe('the contact has no name, e-mail address or phone number');
  });

  it('refuses two root elements when the first does not close', () => {
    const error = failure('<adf/><adf/>');
    expect(error.element).toBe('document');
    expect(error.reason).toBe('the document must have exactly one root element');
  });

  it('reads up to the end of the root and ignores what follows, a repeated document included', () => {
    const first = `<adf><prospect><id>1</id>${customer}</prospect></adf>`;
    const second = `<adf><prospect><id>2</id>${customer}</prospect></adf>`;
    const { prospects } = parseAdf(`${first}\n${second}`);
    expect(prospects.map((p) => p.ids[0]?.value)).toEqual(['1']);
  });
});
