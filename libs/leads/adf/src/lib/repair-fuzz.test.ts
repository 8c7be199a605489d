import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdfError } from './adf-error';
import { parseAdf } from './parse-adf';

const fixtures = join(import.meta.dirname, '../fixtures');
const documents = [
  ...readdirSync(fixtures)
    .filter((name) => name.endsWith('.xml'))
    .map((name) => join(fixtures, name)),
  ...readdirSync(join(fixtures, 'broken'))
    .filter((name) => name.endsWith('.xml'))
    .map((name) => join(fixtures, 'broken', name)),
].map((path) => readFileSync(path, 'utf8'));

/** A small seeded generator: the same mutations on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const PIECES = [
  '<',
  '>',
  '&',
  '/',
  '"',
  "'",
  '=',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<br>',
  '&nbsp;',
  '</',
  '<?xml ?>',
  '\u000b',
  ' ',
];

describe('repairs on randomly broken documents', () => {
  it('either read a document or refuse it with an AdfError, never another error', () => {
    const next = random(20261206);
    for (let round = 0; round < 600; round++) {
      let xml = documents[Math.floor(next() * documents.length)] ?? '';
      for (let edit = 0; edit < 1 + Math.floor(next() * 4); edit++) {
        const at = Math.floor(next() * xml.length);
        const choice = next();
        if (choice < 0.4)
          xml = xml.slice(0, at) + (PIECES[Math.floor(next() * PIECES.length)] ?? '') + xml.slice(at);
        else if (choice < 0.8) xml = xml.slice(0, at) + xml.slice(at + 1 + Math.floor(next() * 8));
        else xml = xml.slice(0, at);
      }
      try {
        const document = parseAdf(xml);
        expect(document.prospects.length).toBeGreaterThan(0);
      } catch (error) {
        if (!(error instanceof AdfError)) throw new Error(`round ${round}: ${String(error)}\n${xml}`);
      }
    }
  });
});
