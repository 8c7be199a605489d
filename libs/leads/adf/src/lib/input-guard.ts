import { AdfError } from './adf-error';

export const DEFAULT_MAX_BYTES = 512 * 1024;

const ENTITY_DECLARATION = /<!ENTITY/i;
const DOCTYPE = /<!DOCTYPE/gi;

/**
 * Refuses, before any parsing, what must never reach an XML parser: oversized documents and DTDs
 * that can declare entities (billion laughs, XXE). A plain `<!DOCTYPE adf>` or one naming an external
 * DTD is harmless here — nothing is ever fetched — so it passes.
 */
export function guardInput(xml: unknown, maxBytes: number = DEFAULT_MAX_BYTES): asserts xml is string {
  if (typeof xml !== 'string') throw new AdfError('document', 'expected the document as a string');
  // A string's length never exceeds its UTF-8 size, so the byte count is only needed below the limit.
  if (xml.length > maxBytes || Buffer.byteLength(xml, 'utf8') > maxBytes) {
    throw new AdfError('document', `the document is larger than ${maxBytes} bytes`);
  }
  refuseDeclarations(xml);
}

/** Entity declarations and internal subsets, wherever they are; checked again on a repaired text. */
export function refuseDeclarations(xml: string): void {
  if (ENTITY_DECLARATION.test(xml) || hasInternalSubset(xml)) {
    throw new AdfError(
      '!DOCTYPE',
      'entity declarations (a DOCTYPE with an internal subset) are not accepted',
    );
  }
}

/**
 * `<!DOCTYPE name [ … ]>`: a `[` before the declaration's `>`. Scanned with indexOf rather than one
 * regular expression, which would backtrack quadratically over many unterminated `<!DOCTYPE`s.
 */
function hasInternalSubset(xml: string): boolean {
  DOCTYPE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DOCTYPE.exec(xml)) !== null) {
    const from = match.index + match[0].length;
    const close = xml.indexOf('>', from);
    if (close < 0) return true;
    const bracket = xml.indexOf('[', from);
    if (bracket >= 0 && bracket < close) return true;
    DOCTYPE.lastIndex = close + 1;
  }
  return false;
}
