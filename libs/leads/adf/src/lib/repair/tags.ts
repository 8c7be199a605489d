import { AdfError } from '../adf-error';
import { MAX_DEPTH } from '../xml-tree';
import {
  attributesOf,
  mendCounter,
  splice,
  tagsOf,
  type Attribute,
  type RepairContext,
  type RepairResult,
  type Tag,
} from './markup';

/*
 * Repairs of tags. Like the character repairs, each mends every instance of one breakage or gives
 * `null`; a breakage that has more than one reading is left alone, so the document stays refused
 * with the validator's message naming the element.
 */

type Edit = { start: number; end: number; text: string };

/** Element names of ADF 1.0 (and the HTML some providers mix in), which a repair's detail may name. */
const KNOWN_ELEMENTS = new Set(
  (
    'adf prospect id requestdate vehicle year make model vin stock trim doors bodystyle transmission ' +
    'odometer condition colorcombination interiorcolor exteriorcolor preference imagetag price ' +
    'pricecomments option optionname manufacturercode weighting finance method amount balance ' +
    'comments customer contact name email phone address street apartment city regioncode postalcode ' +
    'country timeframe description earliestdate latestdate vendor vendorname url provider service ' +
    'a b i p br div span'
  ).split(' '),
);

const KNOWN_ATTRIBUTES = new Set(
  (
    'version status interest part type time preferredcontact primarycontact sequence source units ' +
    'currency delete relativeto line lang best href'
  ).split(' '),
);

/**
 * An element's name as a repair's detail shows it: any other name may be the shopper's words (a
 * bare `<Dana` in a comment reads as a tag), and the detail never carries those.
 */
function nameShown(name: string, known = KNOWN_ELEMENTS, other = 'another element'): string {
  return known.has(name.toLowerCase()) ? name : other;
}

/**
 * `<Prospect>…</prospect>`: a closing tag in another case than its opening tag. Element names are
 * read case-blind anyway, so every tag is written in lower case. As the first repair to walk the
 * tags, it also refuses nesting deeper than MAX_DEPTH before any tag repair builds on it.
 */
export function lowerCaseTagNames(xml: string, context: RepairContext): RepairResult | null {
  const mend = mendCounter('closing tags in another case');
  const open: Tag[] = [];
  let mismatch: { opened: Tag; closed: Tag } | null = null;
  for (const tag of tagsOf(xml)) {
    if (tag.kind === 'start') {
      if (open.length >= MAX_DEPTH) throw tooDeep();
      open.push(tag);
    }
    if (tag.kind !== 'end') continue;
    const index = open.findLastIndex((opened) => opened.name.toLowerCase() === tag.name.toLowerCase());
    if (index < 0) continue;
    const opened = open[index];
    if (opened !== undefined && opened.name !== tag.name) {
      mend();
      mismatch ??= { opened, closed: tag };
    }
    open.length = index;
  }
  if (mismatch === null) return null;
  const edits: Edit[] = [];
  for (const tag of tagsOf(xml)) {
    const nameStart = tag.start + (tag.kind === 'end' ? 2 : 1);
    edits.push({ start: nameStart, end: nameStart + tag.name.length, text: tag.name.toLowerCase() });
  }
  const { opened, closed } = mismatch;
  return {
    xml: splice(xml, edits),
    detail: `closing tags in another case than their opening tags, element names read in lower case (first: <${nameShown(opened.name)}> closed by </${nameShown(closed.name)}> on line ${context.line(closed.start)})`,
  };
}

/** `<id sequence=1 source="Impel">`, as in templates copied from the ADF specification's example. */
export function quoteAttributeValues(xml: string, context: RepairContext): RepairResult | null {
  const what = ['attribute value without quotes', 'attribute values without quotes'] as const;
  return mendAttributes(xml, context, what, '', (_tag, attributes) =>
    attributes
      .filter((attribute) => !attribute.quoted && attribute.value !== '')
      .map((attribute) => {
        const quote = attribute.value.includes('"') ? "'" : '"';
        const start = attribute.end - attribute.value.length;
        return {
          name: attribute.name,
          edit: { start, end: attribute.end, text: `${quote}${attribute.value}${quote}` },
        };
      }),
  );
}

/**
 * `<phone type="voice" type="voice">`: a template that writes a default attribute and then the
 * given one. The same value twice is said once; two different values are ambiguous and refused.
 */
export function dropRepeatedAttributes(xml: string, context: RepairContext): RepairResult | null {
  const what = ['repeated attribute', 'repeated attributes'] as const;
  return mendAttributes(xml, context, what, ' with the same value said once', (tag, attributes) => {
    const seen = new Map<string, string>();
    const repeats: AttributeEdit[] = [];
    for (const attribute of attributes) {
      const name = attribute.name.toLowerCase();
      const earlier = seen.get(name);
      if (earlier === undefined) {
        seen.set(name, attribute.value);
      } else if (earlier.trim().toLowerCase() === attribute.value.trim().toLowerCase()) {
        // From the space before the repeat to its end.
        let start = attribute.start;
        while (start > tag.start && /\s/.test(xml[start - 1] ?? '')) start--;
        repeats.push({ name, edit: { start, end: attribute.end, text: '' } });
      } else {
        throw new AdfError(
          tag.name,
          `the attribute "${name}" is given twice with different values ("${earlier}", "${attribute.value}") on line ${context.line(tag.start)}: which one is meant is ambiguous`,
        );
      }
    }
    return repeats;
  });
}

interface AttributeEdit {
  name: string;
  edit: Edit;
}

/** Mends the attributes of every start tag with `mendTag`; its edits make the repair. */
function mendAttributes(
  xml: string,
  context: RepairContext,
  [one, many]: readonly [string, string],
  done: string,
  mendTag: (tag: Tag, attributes: Attribute[]) => AttributeEdit[],
): RepairResult | null {
  const mend = mendCounter(many);
  const edits: Edit[] = [];
  let first = '';
  for (const tag of tagsOf(xml)) {
    if (tag.kind === 'end') continue;
    for (const { name, edit } of mendTag(tag, attributesOf(xml, tag))) {
      mend();
      edits.push(edit);
      if (first === '')
        first = `${nameShown(name, KNOWN_ATTRIBUTES, 'an attribute')} in <${nameShown(tag.name)}> on line ${context.line(tag.start)}`;
    }
  }
  if (edits.length === 0) return null;
  return {
    xml: splice(xml, edits),
    detail: `${edits.length} ${edits.length === 1 ? one : many}${done} (first: ${first})`,
  };
}

interface OpenElement {
  tag: Tag;
  /** Whether an element opened inside it: then it is not a value that simply lacks its end tag. */
  hasChildren: boolean;
}

/**
 * Elements left open: `<phone>555-0100</contact>` (a value whose end tag the template forgot), the
 * same with the end tag misplaced after its parent's (`<comments>…</customer></comments>`), and a
 * document without its last end tags (`</prospect></adf>`). Closed where that is the only reading.
 * Refused when an element holding other elements is closed by its parent's end tag, or the document
 * stops inside a value, which may be cut off; left to the validator's message when an end tag
 * closes nothing that is open.
 */
export function closeOpenElements(xml: string, context: RepairContext): RepairResult | null {
  const mend = mendCounter('elements left open');
  const open: OpenElement[] = [];
  const edits: Edit[] = [];
  const mended: string[] = [];
  // Closed here for want of their end tags; one that comes right after (misnested) is dropped.
  let justClosed: { name: string; by: string }[] = [];
  let lastEnd = 0;
  for (const tag of tagsOf(xml)) {
    lastEnd = tag.end;
    if (tag.kind !== 'end') {
      justClosed = [];
      const parent = open.at(-1);
      if (parent) parent.hasChildren = true;
      if (tag.kind === 'empty') continue;
      if (open.length >= MAX_DEPTH) throw tooDeep();
      open.push({ tag, hasChildren: false });
      continue;
    }
    const index = open.findLastIndex((element) => element.tag.name === tag.name);
    if (index < 0) {
      const misplaced = justClosed.findIndex((closed) => closed.name === tag.name);
      if (misplaced < 0) return null;
      mend();
      edits.push({ start: tag.start, end: tag.end, text: '' });
      mended.push(
        `</${nameShown(tag.name)}> after </${nameShown(justClosed[misplaced]?.by ?? '')}> on line ${context.line(tag.start)} dropped`,
      );
      justClosed.splice(misplaced, 1);
      continue;
    }
    const unclosed = open.slice(index + 1);
    const holder = unclosed.find((element) => element.hasChildren);
    if (holder) {
      throw new AdfError(
        holder.tag.name,
        `<${holder.tag.name}> (line ${context.line(holder.tag.start)}) holds elements and never closes before </${tag.name}> (line ${context.line(tag.start)}): where it ends is ambiguous`,
      );
    }
    if (unclosed.length > 0) {
      mend();
      edits.push({ start: tag.start, end: tag.start, text: endTags(unclosed) });
      mended.push(`${names(unclosed)} before </${nameShown(tag.name)}> on line ${context.line(tag.start)}`);
      justClosed.push(...unclosed.map((element) => ({ name: element.tag.name, by: tag.name })));
    }
    open.length = index;
  }
  const innermost = open.at(-1);
  if (innermost) {
    if (!innermost.hasChildren && xml.slice(innermost.tag.end).trim() !== '') {
      throw new AdfError(
        innermost.tag.name,
        `the document ends inside <${innermost.tag.name}> (line ${context.line(innermost.tag.start)}): its value may be cut off`,
      );
    }
    const trailing = xml.slice(lastEnd);
    edits.push({ start: lastEnd, end: xml.length, text: endTags(open) + trailing.replace(/[^\n]/g, '') });
    const dropped = trailing.trim() === '' ? '' : ' (text after the last element dropped)';
    mended.push(`${names(open)} at the end of the document${dropped}`);
  }
  if (edits.length === 0) return null;
  const shown = mended.length > 3 ? [...mended.slice(0, 3), `${mended.length - 3} more`] : mended;
  return { xml: splice(xml, edits), detail: `elements left open closed: ${shown.join('; ')}` };
}

function names(elements: readonly OpenElement[]): string {
  return elements.map((element) => `<${nameShown(element.tag.name)}>`).join(', ');
}

function tooDeep(): AdfError {
  return new AdfError('document', `elements are nested more than ${MAX_DEPTH} levels deep`);
}

function endTags(elements: readonly OpenElement[]): string {
  return elements
    .map((element) => `</${element.tag.name}>`)
    .reverse()
    .join('');
}
