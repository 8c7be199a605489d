import type { EntityDecoderOptions } from 'fast-xml-parser';
import { AdfError } from './adf-error';

const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML 1.0 `Char`: a reference to anything else is not well-formed and is left as written. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Decodes the five predefined entities and numeric character references in one pass, so `&amp;lt;`
 * stays `&lt;`. Any other named reference (`&nbsp;`) is left as written.
 */
export function decodeXmlReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return PREDEFINED[name] ?? reference;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return isXmlChar(code) ? String.fromCodePoint(code) : reference;
  });
}

function refuseDeclaredEntities(entities: Record<string, string>): void {
  // The input guard rejects entity declarations and the parser only ever sees the root element,
  // so reaching this with any entity means a guard was bypassed.
  if (Object.keys(entities).length > 0) {
    throw new AdfError('!DOCTYPE', 'entity declarations are not accepted');
  }
}

/** fast-xml-parser's entity hook: only the references XML itself defines, never declared ones. */
export const xmlReferenceDecoder: EntityDecoderOptions = {
  decode: decodeXmlReferences,
  addInputEntities: refuseDeclaredEntities,
  setExternalEntities: refuseDeclaredEntities,
  // Stateless: nothing to reset, and XML 1.0 and 1.1 share these references.
  reset: () => undefined,
  setXmlVersion: () => undefined,
};
