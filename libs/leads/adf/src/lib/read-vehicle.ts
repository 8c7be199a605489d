import type { AdfVehicle } from './types';
import { dollarsToCents, toWholeNumber, toYear } from './values';
import { childText, elements, keyword, type XmlNode } from './xml-node';

export function readVehicle(vehicle: XmlNode): AdfVehicle {
  const colors = preferredColorCombination(elements(vehicle, 'colorcombination'));
  return {
    interest: keyword(vehicle, 'interest'),
    status: keyword(vehicle, 'status'),
    year: toYear(childText(vehicle, 'year')),
    make: childText(vehicle, 'make'),
    model: childText(vehicle, 'model'),
    vin: childText(vehicle, 'vin'),
    stock: childText(vehicle, 'stock'),
    trim: childText(vehicle, 'trim'),
    priceCents: dollarsToCents(childText(vehicle, 'price')),
    odometer: toWholeNumber(childText(vehicle, 'odometer')),
    exteriorColor: childText(colors, 'exteriorcolor'),
    interiorColor: childText(colors, 'interiorcolor'),
    comments: childText(vehicle, 'comments'),
  };
}

/** The combination with the lowest `<preference>`; the first when none says. */
function preferredColorCombination(combinations: readonly XmlNode[]): XmlNode | undefined {
  let best: XmlNode | undefined = combinations[0];
  let bestRank = Number.POSITIVE_INFINITY;
  for (const combination of combinations) {
    const rank = toWholeNumber(childText(combination, 'preference')) ?? Number.POSITIVE_INFINITY;
    if (rank < bestRank) {
      best = combination;
      bestRank = rank;
    }
  }
  return best;
}
