import { readPersonName } from './person-name';
import type { AdfProvider, AdfVendor } from './types';
import { childText, element, elements, type XmlNode } from './xml-node';

/** The dealership the lead is for. */
export function readVendor(vendor: XmlNode | undefined): AdfVendor | null {
  if (vendor === undefined) return null;
  const contact = element(vendor, 'contact');
  return {
    name: childText(vendor, 'vendorname'),
    contactName: readPersonName(elements(contact, 'name')).fullName,
    email: childText(contact, 'email') ?? childText(vendor, 'email'),
    phone: childText(contact, 'phone') ?? childText(vendor, 'phone'),
  };
}

/** The marketplace or site that sent the lead. */
export function readProvider(provider: XmlNode | undefined): AdfProvider | null {
  if (provider === undefined) return null;
  const contact = element(provider, 'contact');
  return {
    name: readPersonName(elements(provider, 'name')).fullName,
    service: childText(provider, 'service'),
    url: childText(provider, 'url'),
    email: childText(provider, 'email') ?? childText(contact, 'email'),
    phone: childText(provider, 'phone') ?? childText(contact, 'phone'),
  };
}
