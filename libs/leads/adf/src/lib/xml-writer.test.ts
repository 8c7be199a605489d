import { describe, expect, it } from 'vitest';
import { attribute } from './xml-node';
import { readXmlTree } from './xml-tree';
import { escapeAttribute, escapeText, leaf, writeElement } from './xml-writer';

describe('xml writer', () => {
  it('escapes markup in text, keeping quotes, and CR as a reference', () => {
    expect(escapeText(`a & b < c > d "e" 'f'\r\n`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'&#13;\n`);
  });

  it('escapes quotes, tabs and line breaks in attributes', () => {
    expect(escapeAttribute(`a&b<c>"d"'e'\tf\ng\rh`)).toBe(
      'a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#9;f&#10;g&#13;h',
    );
  });

  it('writes nested elements, leaving out empty leaves and null attributes', () => {
    const xml = writeElement({
      name: 'contact',
      attributes: { primarycontact: '1', skipped: null },
      children: [leaf('name', 'A "B"', { part: 'full' }), leaf('email', null), leaf('phone', ''), null],
    });
    expect(xml).toBe('<contact primarycontact="1">\n  <name part="full">A "B"</name>\n</contact>');
    expect(writeElement({ name: 'empty', children: [leaf('x', null)] })).toBe('');
  });

  it('gives attribute values back exactly through the ADF parser', () => {
    const value = `x\ty\nz "q" 'r' <&>`;
    const xml = writeElement({ name: 'a', attributes: { v: value }, text: 't' });
    expect(attribute(readXmlTree(xml), 'v')).toBe(value);
  });
});
