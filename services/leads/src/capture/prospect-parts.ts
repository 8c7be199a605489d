const OPEN = /<prospect\b[^>]*?(\/?)>/gi;
const CLOSE = /<\/prospect\s*>/gi;

/**
 * Each `<prospect>` of an ADF document as a document of its own, in document order, so a lead can
 * show its own prospect without the other shoppers of the same document. Null when the prospects
 * cannot be told apart in the text as sent (the caller then shows no part rather than a wrong one).
 */
export function prospectParts(xml: string, expected: number): string[] | null {
  const parts: string[] = [];
  OPEN.lastIndex = 0;
  for (let open = OPEN.exec(xml); open; open = OPEN.exec(xml)) {
    if (open[1] === '/') return null;
    CLOSE.lastIndex = OPEN.lastIndex;
    const close = CLOSE.exec(xml);
    if (!close) return null;
    const part = xml.slice(open.index, CLOSE.lastIndex);
    if (/<prospect\b/i.test(part.slice(open[0].length))) return null;
    parts.push(`<?xml version="1.0" encoding="UTF-8"?>\n<?adf version="1.0"?>\n<adf>\n${part}\n</adf>\n`);
    OPEN.lastIndex = CLOSE.lastIndex;
  }
  return parts.length === expected ? parts : null;
}
