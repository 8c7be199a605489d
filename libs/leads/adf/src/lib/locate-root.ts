/** The root element of a document, cut out of whatever surrounds it. */
export interface RootSlice {
  /** The root's tag name as written. */
  name: string;
  /** From the root's `<` to the end of its closing tag (or of the input when it has none). */
  xml: string;
  /** Lines before the slice, to report line numbers of the original input. */
  lineOffset: number;
}

const ADF_OPEN = /<adf[\s/>]/i;
const ADF_CLOSE = /<\/adf\s*>/gi;
const NAME = /^<([A-Za-z_][\w.:-]*)/;

/**
 * Finds the root element. Real feeds put text before the root (a line of e-mail, a stray heading)
 * and after it; the XML declaration, processing instructions, comments and a DOCTYPE are skipped.
 * When the prolog is followed by text rather than an element, the first `<adf` is taken as the root.
 */
export function locateRoot(text: string): RootSlice | null {
  let start = skipProlog(text);
  if (start < 0 || !NAME.test(text.slice(start, start + 256))) {
    const adf = ADF_OPEN.exec(text);
    start = adf ? adf.index : firstElement(text, Math.max(start, 0));
    if (start < 0) return null;
  }
  const name = NAME.exec(text.slice(start, start + 256))?.[1] ?? '';
  let end = text.length;
  if (name.toLowerCase() === 'adf') {
    ADF_CLOSE.lastIndex = start;
    const close = ADF_CLOSE.exec(text);
    if (close) end = close.index + close[0].length;
  }
  return { name, xml: text.slice(start, end), lineOffset: countLines(text, start) };
}

/** Index of the first `<` after the prolog, or -1 when the text has no markup at all. */
function skipProlog(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && isSpaceOrBom(text.charCodeAt(i))) i++;
    if (!text.startsWith('<', i)) return i < text.length ? i : -1;
    const terminator = text.startsWith('<?', i)
      ? '?>'
      : text.startsWith('<!--', i)
        ? '-->'
        : text.startsWith('<!', i)
          ? '>' // a DOCTYPE; the input guard has already refused internal subsets
          : null;
    if (terminator === null) return i;
    const end = text.indexOf(terminator, i + 2);
    if (end < 0) return -1;
    i = end + terminator.length;
  }
}

function firstElement(text: string, from: number): number {
  const match = /<[A-Za-z_]/.exec(text.slice(from));
  return match ? from + match.index : -1;
}

function isSpaceOrBom(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd || code === 0xfeff;
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

const PROLOG_BEFORE = /(?:<\?[^<>]*\?>\s*|<!DOCTYPE[^<>[]*>\s*)+$/i;

/**
 * An ADF document inside other text (an e-mail body): from its XML declaration, when one directly
 * precedes `<adf>`, to the end of the first `</adf>`. `null` when the text has no `<adf`.
 */
export function findAdfDocument(text: string): string | null {
  const open = ADF_OPEN.exec(text);
  if (!open) return null;
  ADF_CLOSE.lastIndex = open.index;
  const close = ADF_CLOSE.exec(text);
  const end = close ? close.index + close[0].length : text.length;
  // A bounded window keeps the backwards match linear in the size of a sane prolog.
  const windowStart = Math.max(0, open.index - 1024);
  const prolog = PROLOG_BEFORE.exec(text.slice(windowStart, open.index));
  const start = prolog ? windowStart + prolog.index : open.index;
  return text.slice(start, end);
}
