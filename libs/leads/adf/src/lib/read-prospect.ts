import { readCustomer } from './read-customer';
import { readProvider, readVendor } from './read-parties';
import { readVehicle } from './read-vehicle';
import type { AdfId, AdfProspect } from './types';
import { toIsoUtc, toWholeNumber } from './values';
import { attribute, childText, element, elements, textOf, type XmlNode } from './xml-node';

/** `position` is 1-based, for error paths like `prospect[2]/customer/contact`. */
export function readProspect(prospect: XmlNode, position: number): AdfProspect {
  const customer = readCustomer(element(prospect, 'customer'), `prospect[${position}]/customer`);
  return {
    requestDate: toIsoUtc(childText(prospect, 'requestdate')),
    ids: readIds(prospect),
    vehicles: elements(prospect, 'vehicle').map(readVehicle),
    customer,
    vendor: readVendor(element(prospect, 'vendor')),
    provider: readProvider(element(prospect, 'provider')),
    comments: childText(prospect, 'comments') ?? customer.comments,
  };
}

function readIds(prospect: XmlNode): AdfId[] {
  const ids: AdfId[] = [];
  for (const id of elements(prospect, 'id')) {
    const value = textOf(id);
    if (value === null) continue;
    ids.push({ value, source: attribute(id, 'source'), sequence: toWholeNumber(attribute(id, 'sequence')) });
  }
  return ids;
}
