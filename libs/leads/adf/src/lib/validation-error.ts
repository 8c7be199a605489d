import type { ValidationError } from 'fast-xml-parser';
import { AdfError } from './adf-error';
import type { RootSlice } from './locate-root';

const QUOTED_NAME = /'([^']+)'/;
const UNCLOSED_LIST = /^Invalid '\[(.*)\]' found\.$/;
const START_TAG_BEFORE = /<([A-Za-z_][\w.:-]*)[^<]*$/;

/** Turns fast-xml-parser's validation error into an AdfError naming the element and line. */
export function malformedXmlError({ err }: ValidationError, slice: RootSlice): AdfError {
  const unclosed = UNCLOSED_LIST.exec(err.msg);
  if (unclosed) {
    // The validator reports line 1 for this case, which would mislead: leave the line out.
    const names = [...(unclosed[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    const innermost = names.at(-1) ?? 'document';
    return new AdfError(innermost, `malformed XML: <${names.join('>, <')}> never closed`);
  }
  const line = slice.lineOffset + err.line;
  const where = err.col === undefined ? `line ${line}` : `line ${line}, column ${err.col}`;
  return new AdfError(elementAt(err, slice), `malformed XML at ${where}: ${err.msg}`);
}

function elementAt(err: ValidationError['err'], slice: RootSlice): string {
  if (err.code === 'InvalidTag') {
    const named = QUOTED_NAME.exec(err.msg)?.[1];
    if (named) return named;
  }
  if (err.code === 'InvalidXml' && err.msg.startsWith('Start tag expected')) return 'document';
  // Attribute and character errors name no element: take the start tag before the position.
  const offset = offsetOf(slice.xml, err.line, err.col ?? 1);
  return START_TAG_BEFORE.exec(slice.xml.slice(Math.max(0, offset - 4096), offset))?.[1] ?? 'document';
}

function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return Math.min(text.length, offset + col);
}
