import { XMLParser } from 'fast-xml-parser';
import { AdfError } from './adf-error';
import { xmlReferenceDecoder } from './xml-references';
import { ATTRIBUTE_PREFIX, TEXT_KEY, type XmlNode } from './xml-node';

/** ADF nests six levels deep (adf/prospect/customer/contact/address/street); leave room for extensions. */
export const MAX_DEPTH = 32;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT_KEY,
  // ZIP codes, phone numbers and stock numbers stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  processEntities: true,
  entityDecoder: xmlReferenceDecoder,
  transformTagName: (name) => name.toLowerCase(),
  transformAttributeName: (name) => name.toLowerCase(),
  // Any element may repeat in real feeds; arrays everywhere give one way to read them.
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  maxNestedTags: MAX_DEPTH,
  // No callback reads the path; building it as a string for each tag costs a third of the parse.
  jPath: false,
});

/**
 * Parses the root element's XML, which `repairAdf` has validated (or mended and validated).
 * Returns the root node.
 */
export function readXmlTree(xml: string): XmlNode {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw parserError((error as Error).message);
  }
  const roots = Object.keys(parsed).filter((key) => !/^[#@?]/.test(key));
  const nodes = roots.flatMap((key) => parsed[key] as XmlNode[]);
  if (nodes.length !== 1) throw new AdfError('document', 'the document must have exactly one root element');
  return nodes[0] as XmlNode;
}

function parserError(message: string): AdfError {
  if (/nested/i.test(message)) {
    return new AdfError('document', `elements are nested more than ${MAX_DEPTH} levels deep`);
  }
  // fast-xml-parser refuses names such as __proto__ and constructor (prototype pollution).
  const reserved = /Invalid name: "([^"]+)"/.exec(message)?.[1];
  if (reserved !== undefined) return new AdfError(reserved, 'the name is reserved and not accepted');
  return new AdfError('document', `unreadable XML: ${message}`);
}
