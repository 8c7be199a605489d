/**
 * A parsed ADF 1.0 document. Every text value is trimmed; an empty element reads as `null`.
 * Enumerated attribute values (interest, status, phone type and time, address type) are lower-cased.
 * Text is returned exactly as the document says it (entities decoded): escaping it for HTML is the
 * renderer's job.
 */
export interface AdfDocument {
  prospects: AdfProspect[];
  /**
   * What had to be mended for the document to read as XML, in the order it was done; empty for a
   * well-formed document. Every prospect of the document went through the same repairs.
   */
  repairs: AdfRepair[];
}

/**
 * One kind of breakage mended in a document that providers' hand-written templates produce. The
 * detail says how many places and where (lines of what the provider sent), never the shopper's words.
 */
export interface AdfRepair {
  kind: AdfRepairKind;
  /** For people: e.g. `2 bare "&" escaped (first on line 14)`. */
  detail: string;
}

export type AdfRepairKind =
  /** Bytes that are not UTF-8 in a document said or assumed to be UTF-8, read as windows-1252. */
  | 'windows-1252'
  | 'unclosed-cdata'
  | 'stray-xml-declaration'
  | 'control-character'
  | 'html-entity'
  | 'bare-ampersand'
  | 'unescaped-less-than'
  | 'html-line-break'
  | 'closing-tag-case'
  | 'unquoted-attribute'
  | 'duplicate-attribute'
  | 'unclosed-element'
  /** The document could not be mended as a whole: its prospects were read one by one, some refused. */
  | 'prospect-refused';

export interface AdfProspect {
  /** `<requestdate>` as ISO-8601 UTC; a date without a zone is read as UTC; `null` when unparseable. */
  requestDate: string | null;
  ids: AdfId[];
  /** Every `<vehicle>`, trade-ins included (interest `trade-in` or `sell`); may be empty. */
  vehicles: AdfVehicle[];
  customer: AdfCustomer;
  vendor: AdfVendor | null;
  provider: AdfProvider | null;
  /**
   * The shopper's message: the prospect's own `<comments>` (not in the DTD, but some providers
   * send it) or else the customer's comments.
   */
  comments: string | null;
}

export interface AdfId {
  value: string;
  source: string | null;
  sequence: number | null;
}

export interface AdfVehicle {
  /** buy, lease, sell, trade-in, test-drive — or whatever the provider wrote, lower-cased. */
  interest: string | null;
  /** new or used. */
  status: string | null;
  year: number | null;
  make: string | null;
  model: string | null;
  vin: string | null;
  stock: string | null;
  trim: string | null;
  /** The first `<price>`, dollars turned into integer cents. */
  priceCents: number | null;
  odometer: number | null;
  /** From the `<colorcombination>` with the lowest `<preference>` (or the first one). */
  exteriorColor: string | null;
  interiorColor: string | null;
  comments: string | null;
}

export interface AdfCustomer {
  firstName: string | null;
  lastName: string | null;
  /** The `full` name part as sent, else the parts joined. */
  fullName: string | null;
  emails: string[];
  phones: AdfPhone[];
  address: AdfAddress | null;
  timeframe: AdfTimeframe | null;
  comments: string | null;
}

export interface AdfPhone {
  /** As sent: not reformatted. */
  number: string;
  /** voice, fax, cellphone, pager. */
  type: string | null;
  /** morning, afternoon, evening, nopreference, day. */
  time: string | null;
}

export interface AdfAddress {
  type: string | null;
  /** The `<street>` lines in `line` order. */
  street: string[];
  apartment: string | null;
  city: string | null;
  regionCode: string | null;
  /** Kept as text: ZIP codes lose leading zeros as numbers. */
  postalCode: string | null;
  country: string | null;
}

export interface AdfTimeframe {
  description: string | null;
  /** ISO-8601 UTC, `null` when absent or unparseable. */
  earliestDate: string | null;
  latestDate: string | null;
}

export interface AdfVendor {
  name: string | null;
  contactName: string | null;
  email: string | null;
  phone: string | null;
}

export interface AdfProvider {
  name: string | null;
  service: string | null;
  url: string | null;
  email: string | null;
  phone: string | null;
}

export interface ParseAdfOptions {
  /** Larger documents are refused before any parsing. Default 512 KiB. */
  maxBytes?: number;
}

/** An ADF document found in an e-mail, not yet parsed. */
export interface AdfEmail {
  xml: string;
  subject: string | null;
  /** The sender's address (the display name dropped). */
  from: string | null;
  messageId: string | null;
  /**
   * Mended while decoding an attachment (`windows-1252`). `parseAdf(xml).repairs` says the rest:
   * keep both, these first.
   */
  repairs: AdfRepair[];
}
