import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AdfError } from './adf-error';
import { DEFAULT_MAX_BYTES } from './input-guard';
import { parseAdf } from './parse-adf';
import { parseAdfBytes } from './parse-adf-bytes';

const contact = '<customer><contact><name part="full">Jo</name></contact></customer>';
const MAX = DEFAULT_MAX_BYTES;

function refusal(read: () => unknown): AdfError {
  try {
    read();
  } catch (error) {
    if (error instanceof AdfError) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}

function timed<T>(read: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = read();
  return { result, ms: performance.now() - started };
}

/**
 * The old reader's cost for the same input: one validation (measured first, so it pays the warm-up).
 * On a shared, loaded machine a fixed bound is noise; what must hold is that mending adds a small
 * multiple of it, not a blow-up.
 */
function budget(xml: string): number {
  return 3 * timed(() => XMLValidator.validate(xml)).ms + 2000;
}

describe('repairs keep the hostile-input guards', () => {
  it('refuses entity declarations in a broken document before mending anything', () => {
    const xml = `<!DOCTYPE adf [<!ENTITY x "boom">]><adf><prospect>${contact}<comments>&x; & more</comments></prospect></adf>`;
    expect(refusal(() => parseAdf(xml)).element).toBe('!DOCTYPE');
  });

  it('never expands a reference while mending: undeclared names stay as written', () => {
    const xml = `<!DOCTYPE adf SYSTEM "file:///etc/passwd"><adf><prospect>${contact}<comments>&xxe; &lol9; AT&T</comments></prospect></adf>`;
    const document = parseAdf(xml);
    expect(document.prospects[0]?.comments).toBe('&xxe; &lol9; AT&T');
    expect(document.repairs.map((repair) => repair.kind)).toEqual(['bare-ampersand']);
  });

  it('does not mend control characters inside a declaration into a DOCTYPE or an ENTITY', () => {
    const xml = `<adf><prospect>${contact}<!\u0001DOCTYPE adf [<!\u0001ENTITY x "boom">]><comments>&x; &</comments></prospect></adf>`;
    let text = '';
    try {
      text = JSON.stringify(parseAdf(xml));
    } catch (error) {
      expect(error).toBeInstanceOf(AdfError);
    }
    expect(text).not.toContain('boom');
  });

  it('refuses a broken document nested deeper than 32 levels without building it', () => {
    const xml = `<adf>${'<a>'.repeat((MAX - 100) / 3)}`;
    const limit = budget(xml);
    const { result: error, ms } = timed(() => refusal(() => parseAdf(xml)));
    expect(error.element).toBe('document');
    expect(error.reason).toBe('elements are nested more than 32 levels deep');
    expect(ms).toBeLessThan(limit);
  });

  it.each([
    ['bare "&" signs', `<comments>${'&'.repeat(MAX - 200)}</comments>`],
    ['bare "<" signs', `<comments>${'<a@'.repeat((MAX - 200) / 3)}</comments>`],
    ['HTML <br> tags', `<comments>${'<br>'.repeat((MAX - 200) / 4)}</comments>`],
    ['HTML entities', `<comments>${'&nbsp;'.repeat((MAX - 200) / 6)}</comments>`],
    ['control characters', `<comments>${'\u000b'.repeat(MAX - 200)}</comments>`],
    ['closing tags in another case', '<A>x</a>'.repeat((MAX - 200) / 8)],
    ['XML declarations', '<?xml ?>'.repeat((MAX - 200) / 8)],
  ])('refuses a maximum-size document with thousands of %s to mend, quickly', (what, body) => {
    const xml = `<adf><prospect>${contact}${body}</prospect></adf>`;
    const limit = budget(xml);
    const { result: error, ms } = timed(() => refusal(() => parseAdf(xml)));
    expect(error.element).toBe('document');
    expect(error.reason).toBe(`more than 1000 ${what} to mend: refused rather than guessed at`);
    expect(ms).toBeLessThan(limit);
  });

  it('mends many open CDATA sections and unclosed values in linear time', () => {
    const sections = `<adf><prospect>${contact}${'<c><![CDATA[x</c>'.repeat(900)}</prospect></adf>`;
    expect(timed(() => parseAdf(sections)).ms).toBeLessThan(budget(sections) * 3);
    const values = `<adf><prospect>${contact}${'<v><m>x</v>'.repeat(900)}</prospect></adf>`;
    expect(timed(() => parseAdf(values)).ms).toBeLessThan(budget(values) * 3);
  });

  it('refuses bytes over maxBytes before decoding them, and a non-byte input', () => {
    const bytes = Buffer.alloc(MAX + 1, 0x93);
    expect(refusal(() => parseAdfBytes(bytes)).reason).toBe(`the document is larger than ${MAX} bytes`);
    expect(refusal(() => parseAdfBytes('<adf/>' as unknown as Uint8Array)).element).toBe('document');
  });

  it('reads a maximum-size windows-1252 document once, though its text is larger in UTF-8', () => {
    const filler = Buffer.alloc(MAX - 200, 0x93);
    const bytes = Buffer.concat([
      Buffer.from(`<adf><prospect>${contact}<comments>`),
      filler.subarray(0, MAX - 200 - contact.length - 60),
      Buffer.from('</comments></prospect></adf>'),
    ]);
    const { result: document, ms } = timed(() => parseAdfBytes(bytes));
    expect(document.repairs.map((repair) => repair.kind)).toEqual(['windows-1252']);
    expect(document.prospects[0]?.comments?.startsWith('““')).toBe(true);
    expect(ms).toBeLessThan(budget(bytes.toString('latin1')) * 2);
  });
});
