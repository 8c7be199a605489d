import { HTML_ENTITIES } from './html-entities';
import { mendCounter, rewriteParts, splice, type RepairContext, type RepairResult } from './markup';

/*
 * Repairs of characters and references: each finds one kind of breakage, mends every instance and
 * says how many there were and where the first one is. `null` when the breakage is not there.
 * Every one keeps the document's lines, so line numbers stay those of what the provider sent, and
 * none removes characters (a removal could join `<!DOC` and `TYPE` into markup).
 */

const CDATA_OPEN = '<![CDATA[';
const START_TAG = /<([A-Za-z_:][\w.:-]*)(?:\s[^<>]*)?>/g;

/**
 * `<comments><![CDATA[text</comments>`: a template that opened a CDATA section and never closed
 * it. The section is closed before its element's end tag; without that end tag nothing can tell
 * where the text stops, and the document stays refused.
 */
export function closeCdataSections(xml: string, context: RepairContext): RepairResult | null {
  const edits: { start: number; end: number; text: string }[] = [];
  const mend = mendCounter('CDATA sections');
  let comment = -1;
  let close = -1;
  for (let scan = 0, at = xml.indexOf(CDATA_OPEN); at >= 0; at = xml.indexOf(CDATA_OPEN, scan)) {
    // `<![CDATA[` written inside a comment opens no section.
    if (comment < scan) comment = indexOrEnd(xml, '<!--', scan);
    if (comment < at) {
      const commentEnd = xml.indexOf('-->', comment + 4);
      if (commentEnd < 0) return null;
      scan = commentEnd + 3;
      continue;
    }
    const from = at + CDATA_OPEN.length;
    if (close < from) close = indexOrEnd(xml, ']]>', from);
    // Only up to the next terminator: an end tag after it follows a section that closed.
    const name = enclosingElement(xml, at);
    const endTag = name === null ? -1 : endTagIn(xml.slice(from, close), name);
    if (endTag >= 0) {
      // `…]]</comments>` lost only its `>`: complete the terminator instead of adding another.
      const kept = xml.slice(from, from + endTag);
      const partial = kept.endsWith(']]') ? 2 : kept.endsWith(']') ? 1 : 0;
      mend();
      edits.push({ start: from + endTag - partial, end: from + endTag, text: ']]>' });
      scan = from + endTag;
      continue;
    }
    if (close === xml.length) return null;
    scan = close + 3;
  }
  if (edits.length === 0) return null;
  return {
    xml: splice(xml, edits),
    detail: `${count(edits.length, 'CDATA section')} closed at the end of ${plural(edits.length, 'its element', 'their elements')} (first on line ${context.line(edits[0]?.start ?? 0)})`,
  };
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}

/** The start tag right before `at` (a short window: the section opens right inside it). */
function enclosingElement(xml: string, at: number): string | null {
  const window = xml.slice(Math.max(0, at - 256), at);
  let name: string | null = null;
  START_TAG.lastIndex = 0;
  for (let match = START_TAG.exec(window); match; match = START_TAG.exec(window)) name = match[1] ?? null;
  return name;
}

function endTagIn(text: string, name: string): number {
  return text.search(new RegExp(`</${name.replace(/[.:-]/g, '\\$&')}\\s*>`, 'i'));
}

const XML_DECLARATION = /^<\?xml(?:\s[^]*)?\?>$/i;

/**
 * `<?xml version="1.0"?>` inside the document: templates glued together, each with its own
 * declaration. Blanked out; anything before the root has already been skipped.
 */
export function blankStrayDeclarations(xml: string, context: RepairContext): RepairResult | null {
  if (!/<\?xml/i.test(xml)) return null;
  const mend = mendCounter('XML declarations');
  let found = 0;
  let first = -1;
  const repaired = rewriteParts(xml, undefined, (markup, offset) => {
    if (!XML_DECLARATION.test(markup)) return markup;
    found = mend();
    if (first < 0) first = offset;
    return markup.replace(/[^\n]/g, ' ');
  });
  if (found === 0) return null;
  return {
    xml: repaired,
    detail: `${count(found, 'XML declaration')} inside the document ignored (first on line ${context.line(first)})`,
  };
}

// XML 1.0 allows tab, line feed and carriage return below U+0020, and neither U+FFFE nor U+FFFF.
// eslint-disable-next-line no-control-regex -- finding control characters is this repair's purpose
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Control characters pasted from spreadsheets and terminals (vertical tab, form feed, escape), in
 * text and CDATA sections. Inside a declaration (`<!\u0001DOCTYPE`) they are left for the
 * validator to refuse: mending there could make a declaration of what was not one.
 */
export function blankControlCharacters(xml: string, context: RepairContext): RepairResult | null {
  if (xml.search(CONTROL) < 0) return null;
  const mend = mendCounter('control characters');
  let found = 0;
  let first = -1;
  const blank = (part: string, offset: number) =>
    part.replace(CONTROL, (_control: string, at: number) => {
      found = mend();
      if (first < 0) first = offset + at;
      return ' ';
    });
  const repaired = rewriteParts(xml, blank, (markup, offset) =>
    markup.startsWith(CDATA_OPEN) ? blank(markup, offset) : markup,
  );
  if (found === 0) return null;
  return {
    xml: repaired,
    detail: `${count(found, 'control character')} replaced by spaces (first on line ${context.line(first)})`,
  };
}

const NAMED_REFERENCE = /&([A-Za-z][A-Za-z0-9]{1,9});/g;

/** `&nbsp;`, `&reg;`, `&eacute;` from web forms: written as the characters they name. */
export function decodeHtmlEntities(xml: string, context: RepairContext): RepairResult | null {
  if (!/&[A-Za-z]/.test(xml)) return null;
  const mend = mendCounter('HTML entities');
  const names = new Set<string>();
  let found = 0;
  let first = -1;
  const repaired = rewriteParts(xml, (text, offset) =>
    text.replace(NAMED_REFERENCE, (reference: string, name: string, at: number) => {
      const code = Object.hasOwn(HTML_ENTITIES, name) ? HTML_ENTITIES[name] : undefined;
      if (code === undefined) return reference;
      found = mend();
      names.add(`&${name};`);
      if (first < 0) first = offset + at;
      return `&#${code};`;
    }),
  );
  if (found === 0) return null;
  return {
    xml: repaired,
    detail: `${count(found, 'HTML entity', 'HTML entities')} (${[...names].join(', ')}) read as characters (first on line ${context.line(first)})`,
  };
}

const BARE_AMPERSAND = /&(?!#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z_][\w.-]{0,31};)/g;

/** `AT&T`, `Smith & Sons`, `?a=1&b=2` written by templates that never escape. */
export function escapeBareAmpersands(xml: string, context: RepairContext): RepairResult | null {
  return escapeEach(xml, context, BARE_AMPERSAND, '&amp;', ['bare "&"', 'bare "&" signs'], 'escaped');
}

// A `<` that does not start a tag, an end tag, a comment or a processing instruction.
const STRAY_LESS_THAN = /<(?!\/?[A-Za-z_:][\w.:-]*[\s/>]|[!?])/g;

/** `payment <$400`, `< 5,000 miles`, `Jane <jane@example.com>` in free text. */
export function escapeStrayLessThan(xml: string, context: RepairContext): RepairResult | null {
  return escapeEach(xml, context, STRAY_LESS_THAN, '&lt;', ['bare "<"', 'bare "<" signs'], 'escaped');
}

const HTML_LINE_BREAK = /<br\s*>/gi;

/** `Line one<br>Line two` from an HTML form: `<br>` never closes in HTML; it is a new line. */
export function readHtmlLineBreaks(xml: string, context: RepairContext): RepairResult | null {
  return escapeEach(
    xml,
    context,
    HTML_LINE_BREAK,
    '&#10;',
    ['HTML <br>', 'HTML <br> tags'],
    'read as new lines',
  );
}

function escapeEach(
  xml: string,
  context: RepairContext,
  pattern: RegExp,
  replacement: string,
  [one, many]: readonly [string, string],
  done: string,
): RepairResult | null {
  const mend = mendCounter(many);
  let found = 0;
  let first = -1;
  const repaired = rewriteParts(xml, (text, offset) =>
    text.replace(pattern, (_match: string, at: number) => {
      found = mend();
      if (first < 0) first = offset + at;
      return replacement;
    }),
  );
  if (found === 0) return null;
  return {
    xml: repaired,
    detail: `${count(found, one, many)} ${done} (first on line ${context.line(first)})`,
  };
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
