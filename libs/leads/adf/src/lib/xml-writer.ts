/** An element to write; `null` children and attributes are left out. */
export interface XmlOut {
  name: string;
  attributes?: Readonly<Record<string, string | null | undefined>>;
  text?: string | null;
  children?: readonly (XmlOut | null)[];
}

// Characters XML 1.0 cannot carry at all, even as references: C0 controls other than tab, LF and
// CR, U+FFFE/U+FFFF, and unpaired surrogates.
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

/** `\r` as a reference, or a reading parser turns CRLF into LF. */
export function escapeText(value: string): string {
  return clean(value).replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

/** Tabs and line breaks as references too: attribute-value normalisation would turn them into spaces. */
export function escapeAttribute(value: string): string {
  return clean(value).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Writes an element, two spaces per level; elements with neither text nor children are dropped. */
export function writeElement(element: XmlOut, depth = 0): string {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const children = (element.children ?? [])
    .filter((child): child is XmlOut => child !== null)
    .map((child) => writeElement(child, depth + 1))
    .filter((written) => written !== '');
  if (children.length > 0) {
    return `${indent}<${element.name}${attributes}>\n${children.join('\n')}\n${indent}</${element.name}>`;
  }
  if (element.text === null || element.text === undefined || element.text === '') return '';
  return `${indent}<${element.name}${attributes}>${escapeText(element.text)}</${element.name}>`;
}

/** A leaf, or `null` (left out) when there is no value. */
export function leaf(
  name: string,
  value: string | number | null | undefined,
  attributes?: XmlOut['attributes'],
): XmlOut | null {
  if (value === null || value === undefined || value === '') return null;
  return { name, text: String(value), attributes };
}
