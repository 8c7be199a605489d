import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandWords, loadSynonyms, searchWords } from './synonyms';

const platformFile = new URL('../../search/synonyms.json', import.meta.url).pathname;
const rules = loadSynonyms(platformFile);

function fileWith(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'synonyms-')), 'synonyms.json');
  writeFileSync(file, content);
  return file;
}

describe('synonyms file', () => {
  it('when the platform file is loaded, then every rule in it is kept', () => {
    expect(rules.length).toBeGreaterThan(10);
    expect(rules).toContainEqual({
      objectID: 'truck',
      type: 'oneWaySynonym',
      input: 'truck',
      synonyms: ['pickup'],
    });
  });

  it('when an entry lacks its synonyms, then loading fails naming the file, the entry and the field', () => {
    const file = fileWith(
      JSON.stringify([
        { objectID: 'vw', type: 'synonym', synonyms: ['vw', 'volkswagen'] },
        { objectID: 'chevy', type: 'synonym' },
      ]),
    );
    expect(() => loadSynonyms(file)).toThrow(`synonyms file ${file}: entry 1 ("chevy"): synonyms:`);
  });

  it('when an entry has an unknown type or a term with no letters, then loading fails naming it', () => {
    expect(() => loadSynonyms(fileWith('[{"objectID":"x","type":"altCorrection1","word":"a"}]'))).toThrow(
      'entry 0 ("x")',
    );
    expect(() =>
      loadSynonyms(fileWith('[{"objectID":"y","type":"synonym","synonyms":["ok","--"]}]')),
    ).toThrow('entry 0 ("y"): synonyms.1: needs at least one letter or digit');
  });

  it('when two entries share an objectID, then loading fails: Algolia would keep only one', () => {
    const entry = { objectID: 'vw', type: 'synonym', synonyms: ['vw', 'volkswagen'] };
    expect(() => loadSynonyms(fileWith(JSON.stringify([entry, entry])))).toThrow(
      'entry 1 ("vw"): objectID is used twice',
    );
  });

  it('when the file is not JSON or not there, then loading fails naming the file', () => {
    const broken = fileWith('[{"objectID":');
    expect(() => loadSynonyms(broken)).toThrow(`synonyms file ${broken}:`);
    expect(() => loadSynonyms('/nowhere/synonyms.json')).toThrow('synonyms file /nowhere/synonyms.json:');
  });
});

describe('expanding a search by synonyms', () => {
  it('when a shopper types "Chevy 4x4", then each word may be matched by any of its equivalents', () => {
    expect(expandWords(searchWords('Chevy 4x4'), rules)).toEqual([
      ['chevy', 'chevrolet'],
      ['4x4', '4wd', 'four wheel drive'],
    ]);
  });

  it('when a shopper types a multi-word synonym, then its words are one unit with the single-word equivalents', () => {
    expect(expandWords(searchWords('four-wheel drive silverado'), rules)).toEqual([
      ['four wheel drive', '4wd', '4x4'],
      ['silverado'],
    ]);
  });

  it('when a one-way synonym is typed, then it also finds its synonyms, but they do not find it', () => {
    expect(expandWords(['truck'], rules)).toEqual([['truck', 'pickup']]);
    expect(expandWords(['pickup'], rules).flat()).not.toContain('truck');
  });

  it('when no rule knows a word, then it stands alone', () => {
    expect(expandWords(['camry', 'xle'], rules)).toEqual([['camry'], ['xle']]);
  });

  it('when text has accents, punctuation and case, then the words are plain lower case', () => {
    expect(searchWords('  Mercedes-Benz  GLE, Crème ')).toEqual(['mercedes', 'benz', 'gle', 'creme']);
  });
});
