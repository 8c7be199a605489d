const DECLARED_ENCODING = /<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/**
 * Turns an XML file's bytes into text: a byte-order mark wins, then the encoding the XML
 * declaration names (providers still send ISO-8859-1 and windows-1252), then UTF-8.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const declared = DECLARED_ENCODING.exec(head)?.[1];
  return decode(declared ?? 'utf-8', bytes);
}

function decode(label: string, bytes: Uint8Array): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
