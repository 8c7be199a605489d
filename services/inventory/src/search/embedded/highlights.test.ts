import { describe, expect, it } from 'vitest';
import { contractVehicles as cars } from '../engine-contract-vehicles';
import { loadSynonyms } from '../synonyms';
import { highlightVehicle } from './highlights';
import { compileTextQuery, queryWords } from './text-query';

const synonyms = loadSynonyms(new URL('../../../search/synonyms.json', import.meta.url).pathname);

function highlight(text: string, car = cars.northF150) {
  const query = compileTextQuery(text, synonyms);
  if (!query) throw new Error('no words');
  return highlightVehicle(car, queryWords(query));
}

describe('highlights', () => {
  it('when a shopper types "f150", then the whole "F-150" is marked', () => {
    expect(highlight('f150')).toEqual([{ field: 'model', parts: [{ text: 'F-150', match: true }] }]);
  });

  it('when a synonym found the car, then the word it stands for is marked', () => {
    expect(highlight('chevy', cars.northCorvette)).toEqual([
      { field: 'make', parts: [{ text: 'Chevrolet', match: true }] },
    ]);
  });

  it('when the last word is still being typed, then only the typed start is marked', () => {
    expect(highlight('U100', cars.northF150)).toEqual([
      {
        field: 'stockNumber',
        parts: [
          { text: 'U100', match: true },
          { text: '6', match: false },
        ],
      },
    ]);
  });

  it('when a word matches only some words of a field, then the rest stays plain, spaces included', () => {
    expect(highlight('red', cars.northCorvette)).toEqual([
      {
        field: 'exteriorColor',
        parts: [
          { text: 'Radiant ', match: false },
          { text: 'Red', match: true },
        ],
      },
    ]);
  });

  it('when a field has accents, then the word typed without them is marked as written', () => {
    const car = { ...cars.northCamryXle, exteriorColor: 'Crème Brûlée' };
    expect(highlight('creme', car)).toContainEqual({
      field: 'exteriorColor',
      parts: [
        { text: 'Crème', match: true },
        { text: ' Brûlée', match: false },
      ],
    });
  });
});
