import { AdfError } from '../adf-error';

/**
 * A forgiving reader of XML markup for the repairs: it finds tags, attributes and the stretches that
 * hold character data, in documents the validator has refused. Every scan is linear in the input.
 */

/** What a repair gives back: the mended document and, for people, what was mended and where. */
export interface RepairResult {
  xml: string;
  detail: string;
}

export interface RepairContext {
  /** The line, in what the provider sent, of an offset in the document being repaired. */
  line(offset: number): number;
}

/**
 * A lead document breaks in a handful of places. Thousands of places to mend is not a template's
 * slip but garbage or an attack, and mending it would cost time: such a document is refused.
 */
export const MAX_MENDS = 1000;

/** Counts the places a repair mends and refuses the document past MAX_MENDS. */
export function mendCounter(what: string): () => number {
  let count = 0;
  return () => {
    count++;
    if (count > MAX_MENDS) {
      throw new AdfError(
        'document',
        `more than ${MAX_MENDS} ${what} to mend: refused rather than guessed at`,
      );
    }
    return count;
  };
}

/** A start, end or empty-element tag: `xml.slice(start, end)` is the whole tag. */
export interface Tag {
  kind: 'start' | 'end' | 'empty';
  name: string;
  start: number;
  end: number;
}

export interface Attribute {
  name: string;
  value: string;
  quoted: boolean;
  /** Offsets in the document, from the name to the end of the value. */
  start: number;
  end: number;
}

const TAG_NAME = /<(\/?)([A-Za-z_:][\w.:-]*)/y;
export const XML_NAME = /^[A-Za-z_:][\w.:-]*$/;

/** Comments, CDATA sections, processing instructions and declarations: markup that holds no tags. */
const OPAQUE: readonly (readonly [string, string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!', '>'],
];

/** The end (exclusive) of the opaque construct starting at `at`, or -1 when none starts there. */
function opaqueEnd(xml: string, at: number): number {
  for (const [open, close] of OPAQUE) {
    if (!xml.startsWith(open, at)) continue;
    const end = xml.indexOf(close, at + open.length);
    return end < 0 ? xml.length : end + close.length;
  }
  return -1;
}

/** The index just past the tag's `>`, skipping quoted values; -1 when the tag never ends. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const char = xml[i];
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return i + 1;
    } else if (char === '<') {
      return -1;
    }
  }
  return -1;
}

/** Every tag in document order. Stops at a tag that never ends. */
export function* tagsOf(xml: string): Generator<Tag> {
  let i = xml.indexOf('<');
  while (i >= 0) {
    const opaque = opaqueEnd(xml, i);
    if (opaque >= 0) {
      i = xml.indexOf('<', opaque);
      continue;
    }
    TAG_NAME.lastIndex = i;
    const match = TAG_NAME.exec(xml);
    if (!match) {
      i = xml.indexOf('<', i + 1);
      continue;
    }
    const end = tagEnd(xml, TAG_NAME.lastIndex);
    if (end < 0) return;
    const closing = match[1] === '/';
    const kind = closing ? 'end' : xml[end - 2] === '/' ? 'empty' : 'start';
    yield { kind, name: match[2] ?? '', start: i, end };
    i = xml.indexOf('<', end);
  }
}

/** The attributes written in a start or empty tag, quoted or not. */
export function attributesOf(xml: string, tag: Tag): Attribute[] {
  const attributes: Attribute[] = [];
  const stop = tag.kind === 'empty' ? tag.end - 2 : tag.end - 1;
  let i = tag.start + 1 + tag.name.length;
  while (i < stop) {
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < stop && !isSpace(xml.charCodeAt(i)) && xml[i] !== '=') i++;
    const name = xml.slice(nameStart, i);
    let j = i;
    while (j < stop && isSpace(xml.charCodeAt(j))) j++;
    if (name === '' || xml[j] !== '=') {
      if (name === '') break;
      attributes.push({ name, value: '', quoted: false, start: nameStart, end: i });
      continue;
    }
    j++;
    while (j < stop && isSpace(xml.charCodeAt(j))) j++;
    const quote = xml[j];
    if (quote === '"' || quote === "'") {
      const close = xml.indexOf(quote, j + 1);
      const end = close < 0 || close >= stop ? stop : close + 1;
      attributes.push({ name, value: xml.slice(j + 1, end - 1), quoted: true, start: nameStart, end });
      i = end;
    } else {
      let end = j;
      while (end < stop && !isSpace(xml.charCodeAt(end))) end++;
      attributes.push({ name, value: xml.slice(j, end), quoted: false, start: nameStart, end });
      i = end;
    }
  }
  return attributes;
}

/**
 * Rewrites a document in its parts: character data with tags (`text`), and comments, CDATA
 * sections, processing instructions and declarations (`opaque`), each one whole. A part without a
 * rewrite stays as it is. `offset` is where the part starts in the document.
 */
export function rewriteParts(
  xml: string,
  text?: (part: string, offset: number) => string,
  opaque?: (part: string, offset: number) => string,
): string {
  let result = '';
  let from = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const end = opaqueEnd(xml, i);
    if (end < 0) continue;
    const before = xml.slice(from, i);
    const markup = xml.slice(i, end);
    result += (text ? text(before, from) : before) + (opaque ? opaque(markup, i) : markup);
    from = end;
    i = end - 1;
  }
  const rest = xml.slice(from);
  return result + (text ? text(rest, from) : rest);
}

/** Replaces `[start, end)` ranges (in order, not overlapping) with new text. */
export function splice(xml: string, edits: readonly { start: number; end: number; text: string }[]): string {
  let result = '';
  let from = 0;
  for (const edit of edits) {
    result += xml.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return result + xml.slice(from);
}

/** 1-based line of an offset: repairs keep lines, so it is also the line in what the provider sent. */
export function lineAt(xml: string, offset: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i >= 0 && i < offset; i = xml.indexOf('\n', i + 1)) line++;
  return line;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
}
