import type { AdfRepair } from './types';

const DECLARED_ENCODING = /<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

export interface DecodedXml {
  text: string;
  /** A `windows-1252` repair when bytes were not the UTF-8 the document claimed. */
  repairs: AdfRepair[];
}

/**
 * Turns an XML file's bytes into text: a byte-order mark wins, then the charset the transport names
 * (an HTTP Content-Type), then the encoding the XML declaration names (providers still send
 * ISO-8859-1 and windows-1252), then UTF-8. Bytes that are not UTF-8 in a document read as UTF-8
 * are windows-1252 (curly quotes and accents typed in Word or Outlook): read so, and said so.
 */
export function decodeXmlBytes(bytes: Uint8Array, charset?: string | null): DecodedXml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return readUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(decode('utf-16le', bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(decode('utf-16be', bytes.subarray(2)));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = charset ?? DECLARED_ENCODING.exec(head)?.[1] ?? 'utf-8';
  return isUtf8Label(label) ? readUtf8(bytes) : decoded(decode(label, bytes));
}

function decoded(text: string): DecodedXml {
  return { text, repairs: [] };
}

function decode(label: string, bytes: Uint8Array): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return readUtf8(bytes).text;
  }
  return decoder.decode(bytes);
}

function isUtf8Label(label: string): boolean {
  return /^(?:utf-?8|unicode-1-1-utf-8)$/i.test(label.trim());
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const WINDOWS_1252 = new TextDecoder('windows-1252');

/** UTF-8, each byte that starts no valid UTF-8 sequence read as windows-1252. */
function readUtf8(bytes: Uint8Array): DecodedXml {
  try {
    return decoded(STRICT_UTF8.decode(bytes));
  } catch {
    // Mixed or wholly windows-1252: decoded sequence by sequence below.
  }
  let text = '';
  let run = 0;
  let foreign = 0;
  let firstForeign = -1;
  for (let i = 0; i < bytes.length;) {
    if (utf8SequenceLength(bytes, i) > 0) {
      i += utf8SequenceLength(bytes, i);
      continue;
    }
    let end = i + 1;
    while (end < bytes.length && utf8SequenceLength(bytes, end) === 0) end++;
    text += STRICT_UTF8.decode(bytes.subarray(run, i)) + WINDOWS_1252.decode(bytes.subarray(i, end));
    if (firstForeign < 0) firstForeign = i;
    foreign += end - i;
    i = run = end;
  }
  text += STRICT_UTF8.decode(bytes.subarray(run));
  const line = 1 + bytes.subarray(0, firstForeign).filter((byte) => byte === 0x0a).length;
  return {
    text,
    repairs: [
      {
        kind: 'windows-1252',
        detail: `${foreign} byte${foreign === 1 ? '' : 's'} that are not UTF-8 read as windows-1252 (first on line ${line})`,
      },
    ],
  };
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629), 0 when none starts there. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf
      ? [2, 0x80, 0xbf]
      : lead === 0xe0
        ? [3, 0xa0, 0xbf]
        : lead === 0xed
          ? [3, 0x80, 0x9f]
          : lead >= 0xe1 && lead <= 0xef
            ? [3, 0x80, 0xbf]
            : lead === 0xf0
              ? [4, 0x90, 0xbf]
              : lead >= 0xf1 && lead <= 0xf3
                ? [4, 0x80, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1] ?? 0;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] ?? 0;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
