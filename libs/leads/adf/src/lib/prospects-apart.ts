import { AdfError } from './adf-error';
import type { RootSlice } from './locate-root';
import { readProspect } from './read-prospect';
import { repairAdf } from './repair-adf';
import { lineAt } from './repair/markup';
import type { AdfDocument, AdfProspect, AdfRepair } from './types';
import { elements } from './xml-node';
import { readXmlTree } from './xml-tree';

const PROSPECT_START = /<prospect[\s/>]/gi;
const ROOT_END = /<\/adf\s*>\s*$/i;
/** More than a batch ever holds: past it, reading apart would only multiply the work. */
const MAX_PROSPECTS_APART = 100;

/**
 * A document that cannot be mended as a whole may still hold prospects that can: a batch whose
 * second lead is ambiguous, or markup around the prospects that has no reading. ADF never nests
 * prospects, so each `<prospect>` starts a lead; each is read on its own, from its start to the
 * next one's, and those that read are kept, with a `prospect-refused` repair naming the others.
 * Throws the document's own refusal when no prospect reads, and does not read apart documents
 * refused as hostile or oversized (`!DOCTYPE`, `document`).
 */
export function readProspectsApart(slice: RootSlice, refusal: AdfError): AdfDocument {
  if (!hasNoSingleReading(refusal)) throw refusal;
  const starts = [...slice.xml.matchAll(PROSPECT_START)].map((match) => match.index);
  if (starts.length === 0 || starts.length > MAX_PROSPECTS_APART) throw refusal;

  const prospects: AdfProspect[] = [];
  const repairs: AdfRepair[] = [];
  const refused: string[] = [];
  starts.forEach((start, index) => {
    const position = index + 1;
    const end = starts[index + 1] ?? slice.xml.length;
    const text = slice.xml.slice(start, end).replace(ROOT_END, '');
    const part = {
      name: 'adf',
      xml: `<adf>${text}</adf>`,
      lineOffset: slice.lineOffset + lineAt(slice.xml, start) - 1,
    };
    try {
      const repaired = repairAdf(part);
      const [prospect, ...more] = elements(readXmlTree(repaired.xml), 'prospect');
      if (prospect === undefined || more.length > 0)
        throw new AdfError('prospect', 'does not read as one prospect');
      prospects.push(readProspect(prospect, position));
      repairs.push(
        ...repaired.repairs.map(({ kind, detail }) => ({ kind, detail: `prospect ${position}: ${detail}` })),
      );
    } catch (error) {
      // Only a prospect whose XML has no single reading is left out; anything else refuses the
      // document, as it would have whole: a prospect without a contact, hostile or absurd input.
      if (!(error instanceof AdfError) || !hasNoSingleReading(error)) throw error;
      refused.push(`prospect ${position}: its markup has no single reading${whereIn(error)}`);
    }
  });
  if (prospects.length === 0) throw refusal;
  const detail =
    refused.length === 0
      ? `markup outside the prospects could not be read${whereIn(refusal)}; the ${plural(starts.length)} read one by one`
      : `${refused.length} of ${plural(starts.length)} refused, the others read one by one: ${refused.join('; ')}`;
  return { prospects, repairs: [...repairs, { kind: 'prospect-refused', detail }] };
}

/**
 * Where the parser stopped, never its message: the message quotes names from the document, and a
 * stray tag in a shopper's comments is the shopper's own words, which must not reach the timeline.
 */
function whereIn(error: Error): string {
  const line = /\(line (\d+)\)/.exec(error.message)?.[1];
  return line === undefined ? '' : ` (line ${line})`;
}

function hasNoSingleReading(error: AdfError): boolean {
  return (
    error.element !== '!DOCTYPE' &&
    error.element !== 'document' &&
    !error.element.startsWith('prospect[') &&
    error.reason !== 'the name is reserved and not accepted'
  );
}

function plural(count: number): string {
  return count === 1 ? '1 prospect' : `${count} prospects`;
}
