import { AdfError } from './adf-error';
import { DEFAULT_MAX_BYTES, guardInput } from './input-guard';
import { locateRoot } from './locate-root';
import { readProspect } from './read-prospect';
import { readProspectsApart } from './prospects-apart';
import { repairAdf, type RepairedAdf } from './repair-adf';
import type { AdfDocument, ParseAdfOptions } from './types';
import { elements } from './xml-node';
import { readXmlTree } from './xml-tree';

/**
 * Reads an ADF 1.0 document. XML broken the way providers' templates break it is mended first, when
 * it has only one reading, and `repairs` says what was mended. When the whole cannot be mended, the
 * prospects that can are read one by one. Throws AdfError for anything that is
 * not usable ADF: hostile input (entity declarations, oversized documents, absurd nesting), XML
 * that cannot be mended unambiguously, another root element, no prospect, a prospect without a
 * usable customer contact.
 */
export function parseAdf(xml: string, options: ParseAdfOptions = {}): AdfDocument {
  guardInput(xml, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const slice = locateRoot(xml);
  if (slice === null) throw new AdfError('document', 'not an XML document: no element found');
  // The local name decides: a namespace prefix is dropped like everywhere else in the tree.
  if (slice.name.replace(/^.*:/, '').toLowerCase() !== 'adf') {
    throw new AdfError('adf', `the root element is <${slice.name}>, expected <adf>`);
  }
  let repaired: RepairedAdf;
  try {
    repaired = repairAdf(slice);
  } catch (error) {
    if (error instanceof AdfError) return readProspectsApart(slice, error);
    throw error;
  }
  const { xml: wellFormed, repairs } = repaired;
  const root = readXmlTree(wellFormed);
  const prospects = elements(root, 'prospect');
  if (prospects.length === 0) throw new AdfError('adf/prospect', 'the document has no <prospect>');
  return { prospects: prospects.map((prospect, index) => readProspect(prospect, index + 1)), repairs };
}
