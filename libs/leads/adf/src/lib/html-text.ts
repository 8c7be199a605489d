const DROPPED_BLOCKS: readonly [string, string][] = [
  ['<!--', '-->'],
  ['<script', '</script'],
  ['<style', '</style'],
];
const LINE_BREAK = /<(?:br|\/p|\/div|\/tr|\/li|\/h[1-6]|\/pre)\b[^<>]*>/gi;
// `[^<>]` rather than `[^>]`: an unterminated `<` then costs one step, not a scan to the end.
const TAG = /<[^<>]*>/g;
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * The text a reader sees in an HTML body. Lead e-mails paste ADF into HTML escaped (`&lt;adf&gt;`),
 * so the markup goes and the references are decoded. Not a general HTML renderer.
 */
export function htmlToText(html: string): string {
  return decodeReferences(dropBlocks(html).replace(LINE_BREAK, '\n').replace(TAG, ''));
}

function dropBlocks(html: string): string {
  let text = html;
  for (const [open, close] of DROPPED_BLOCKS) {
    const lower = text.toLowerCase();
    let kept = '';
    let from = 0;
    for (let start = lower.indexOf(open); start >= 0; start = lower.indexOf(open, from)) {
      kept += text.slice(from, start);
      const end = lower.indexOf(close, start + open.length);
      const after = end < 0 ? -1 : lower.indexOf('>', end);
      from = after < 0 ? text.length : after + 1;
    }
    text = kept + text.slice(from);
  }
  return text;
}

function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? reference;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : reference;
  });
}
