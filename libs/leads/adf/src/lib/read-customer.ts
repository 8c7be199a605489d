import { AdfError } from './adf-error';
import { readPersonName } from './person-name';
import type { AdfAddress, AdfCustomer, AdfPhone, AdfTimeframe } from './types';
import { toIsoUtc, toWholeNumber } from './values';
import { attribute, childText, element, elements, keyword, textOf, type XmlNode } from './xml-node';

/** `path` locates the customer in errors, e.g. `prospect[2]/customer`. */
export function readCustomer(customer: XmlNode | undefined, path: string): AdfCustomer {
  if (customer === undefined) throw new AdfError(path, 'the prospect has no <customer>');
  const contacts = elements(customer, 'contact');
  const contact = contacts.find((c) => attribute(c, 'primarycontact') === '1') ?? contacts[0];
  if (contact === undefined) throw new AdfError(`${path}/contact`, 'the customer has no <contact>');

  const name = readPersonName(elements(contact, 'name'));
  const emails = readEmails(contact);
  const phones = readPhones(contact);
  if (name.fullName === null && emails.length === 0 && phones.length === 0) {
    throw new AdfError(`${path}/contact`, 'the contact has no name, e-mail address or phone number');
  }
  return {
    ...name,
    emails,
    phones,
    address: readAddress(element(contact, 'address')),
    timeframe: readTimeframe(element(customer, 'timeframe')),
    comments: childText(customer, 'comments'),
  };
}

/** Every address once; some feeds put several in one element, separated by `;` or `,`. */
function readEmails(contact: XmlNode): string[] {
  const found = elements(contact, 'email')
    .flatMap((email) => (textOf(email) ?? '').split(/[;,]/))
    .map((email) => email.trim())
    .filter((email) => email !== '');
  return [...new Set(found)];
}

function readPhones(contact: XmlNode): AdfPhone[] {
  const phones: AdfPhone[] = [];
  for (const phone of elements(contact, 'phone')) {
    const number = textOf(phone);
    if (number !== null) phones.push({ number, type: keyword(phone, 'type'), time: keyword(phone, 'time') });
  }
  return phones;
}

function readAddress(address: XmlNode | undefined): AdfAddress | null {
  if (address === undefined) return null;
  const street = elements(address, 'street')
    .map((line, index) => ({
      text: textOf(line),
      order: toWholeNumber(attribute(line, 'line')) ?? index + 1,
    }))
    .filter((line): line is { text: string; order: number } => line.text !== null)
    .sort((a, b) => a.order - b.order)
    .map((line) => line.text);
  const result: AdfAddress = {
    type: keyword(address, 'type'),
    street,
    apartment: childText(address, 'apartment'),
    city: childText(address, 'city'),
    regionCode: childText(address, 'regioncode'),
    postalCode: childText(address, 'postalcode'),
    country: childText(address, 'country'),
  };
  const empty =
    street.length === 0 &&
    [result.apartment, result.city, result.regionCode, result.postalCode, result.country].every(
      (v) => v === null,
    );
  return empty ? null : result;
}

function readTimeframe(timeframe: XmlNode | undefined): AdfTimeframe | null {
  if (timeframe === undefined) return null;
  return {
    description: childText(timeframe, 'description'),
    earliestDate: toIsoUtc(childText(timeframe, 'earliestdate')),
    latestDate: toIsoUtc(childText(timeframe, 'latestdate')),
  };
}
