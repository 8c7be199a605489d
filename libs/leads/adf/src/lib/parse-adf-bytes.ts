import { AdfError } from './adf-error';
import { decodeXmlBytes } from './decode-xml-bytes';
import { DEFAULT_MAX_BYTES } from './input-guard';
import { parseAdf } from './parse-adf';
import type { AdfDocument, ParseAdfOptions } from './types';

export interface ParseAdfBytesOptions extends ParseAdfOptions {
  /** The charset the transport names (`Content-Type: text/xml; charset=…`), when it names one. */
  charset?: string | null;
}

/**
 * Reads an ADF document as the provider's bytes, so that a document declared UTF-8 but written in
 * windows-1252 keeps its accents and curly quotes (decoded as UTF-8 they would be lost before any
 * parser saw them). The size limit applies to the bytes, before anything is decoded.
 */
export function parseAdfBytes(bytes: Uint8Array, options: ParseAdfBytesOptions = {}): AdfDocument {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(bytes instanceof Uint8Array)) throw new AdfError('document', 'expected the document as bytes');
  if (bytes.length > maxBytes)
    throw new AdfError('document', `the document is larger than ${maxBytes} bytes`);
  const { text, repairs } = decodeXmlBytes(bytes, options.charset);
  // Decoding windows-1252 as UTF-8 may lengthen the text beyond the limit: the bytes were checked.
  const document = parseAdf(text, { maxBytes: Math.max(maxBytes, Buffer.byteLength(text, 'utf8')) });
  return { ...document, repairs: [...repairs, ...document.repairs] };
}
