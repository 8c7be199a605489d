/**
 * The tree fast-xml-parser builds with our options: every element is an array entry (so one path
 * reads one or many), a leaf without attributes is its text, anything else an object holding its
 * text under `#text`, attributes under `@name` and children under their lower-cased tag names.
 */
export type XmlNode = string | XmlElementNode;
export interface XmlElementNode {
  readonly [key: string]: readonly XmlNode[] | string | undefined;
}

export const TEXT_KEY = '#text';
export const ATTRIBUTE_PREFIX = '@';

export function elements(node: XmlNode | undefined, name: string): readonly XmlNode[] {
  if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, name)) return [];
  const value = node[name];
  return Array.isArray(value) ? value : [];
}

export function element(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return elements(node, name)[0];
}

/** Trimmed text, `null` when empty. */
export function textOf(node: XmlNode | undefined): string | null {
  const raw = typeof node === 'string' ? node : node?.[TEXT_KEY];
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return text === '' ? null : text;
}

/** The text of the first non-empty child of that name. */
export function childText(node: XmlNode | undefined, name: string): string | null {
  for (const child of elements(node, name)) {
    const text = textOf(child);
    if (text !== null) return text;
  }
  return null;
}

export function attribute(node: XmlNode | undefined, name: string): string | null {
  if (node === undefined || typeof node === 'string') return null;
  const raw = node[ATTRIBUTE_PREFIX + name];
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  return value === '' ? null : value;
}

/** For enumerated attributes (`Part="First"`): lower-cased. */
export function keyword(node: XmlNode | undefined, name: string): string | null {
  return attribute(node, name)?.toLowerCase() ?? null;
}
