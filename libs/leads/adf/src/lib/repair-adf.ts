import { XMLValidator } from 'fast-xml-parser';
import { refuseDeclarations } from './input-guard';
import type { RootSlice } from './locate-root';
import {
  blankControlCharacters,
  blankStrayDeclarations,
  closeCdataSections,
  decodeHtmlEntities,
  escapeBareAmpersands,
  escapeStrayLessThan,
  readHtmlLineBreaks,
} from './repair/characters';
import { lineAt, type RepairContext, type RepairResult } from './repair/markup';
import {
  closeOpenElements,
  dropRepeatedAttributes,
  lowerCaseTagNames,
  quoteAttributeValues,
} from './repair/tags';
import type { AdfRepair, AdfRepairKind } from './types';
import { malformedXmlError } from './validation-error';

interface Repair {
  kind: AdfRepairKind;
  mend(xml: string, context: RepairContext): RepairResult | null;
  /**
   * `malformed`: tried only while the validator refuses the document. `always`: breaks of XML the
   * validator lets through (a strict parser refuses them), found by the repair's own scan.
   */
  when: 'malformed' | 'always';
}

/**
 * The breakages lead providers' templates are seen to produce, in the order they are mended: an
 * open CDATA section first (it hides everything after it), then characters, then tags, and the
 * elements left open last (a stray `<` or `<br>` would otherwise read as an element).
 */
const REPAIRS: readonly Repair[] = [
  { kind: 'unclosed-cdata', mend: closeCdataSections, when: 'malformed' },
  { kind: 'stray-xml-declaration', mend: blankStrayDeclarations, when: 'always' },
  { kind: 'control-character', mend: blankControlCharacters, when: 'always' },
  { kind: 'html-entity', mend: decodeHtmlEntities, when: 'always' },
  { kind: 'bare-ampersand', mend: escapeBareAmpersands, when: 'malformed' },
  { kind: 'unescaped-less-than', mend: escapeStrayLessThan, when: 'malformed' },
  { kind: 'html-line-break', mend: readHtmlLineBreaks, when: 'malformed' },
  { kind: 'closing-tag-case', mend: lowerCaseTagNames, when: 'malformed' },
  { kind: 'unquoted-attribute', mend: quoteAttributeValues, when: 'malformed' },
  { kind: 'duplicate-attribute', mend: dropRepeatedAttributes, when: 'malformed' },
  { kind: 'unclosed-element', mend: closeOpenElements, when: 'malformed' },
];

export interface RepairedAdf {
  /** Well-formed XML of the root element. */
  xml: string;
  repairs: AdfRepair[];
}

/**
 * Makes the root element's XML well-formed, mending only breakages that have one reading, and says
 * what it mended. A well-formed document comes back unchanged with no repairs. Throws AdfError,
 * naming the element, when the document is still not XML after every repair.
 */
export function repairAdf(slice: RootSlice): RepairedAdf {
  let xml = slice.xml;
  const repairs: AdfRepair[] = [];
  const context: RepairContext = { line: (offset) => slice.lineOffset + lineAt(xml, offset) };
  let valid = XMLValidator.validate(xml);
  for (const repair of REPAIRS) {
    if (valid === true && repair.when === 'malformed') continue;
    const mended = repair.mend(xml, context);
    if (mended === null) continue;
    xml = mended.xml;
    repairs.push({ kind: repair.kind, detail: mended.detail });
    valid = XMLValidator.validate(xml);
  }
  if (valid !== true) throw malformedXmlError(valid, { ...slice, xml });
  // No repair writes a declaration, but one may bring separated characters together: check again.
  if (repairs.length > 0) refuseDeclarations(xml);
  return { xml, repairs };
}
