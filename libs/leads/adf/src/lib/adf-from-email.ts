import { simpleParser, type Attachment } from 'mailparser';
import { AdfError } from './adf-error';
import { decodeXmlBytes } from './decode-xml-bytes';
import { htmlToText } from './html-text';
import { findAdfDocument } from './locate-root';
import type { AdfEmail, AdfRepair } from './types';

/**
 * Finds the ADF document in an RFC 822 message from a lead provider, looking in order at XML
 * attachments (named `.xml`/`.adf` or typed as XML), the plain-text body, and the text of the HTML
 * body. Transfer encodings (quoted-printable, base64) and charsets are decoded by mailparser.
 * The document is returned unparsed: hand it to `parseAdf`.
 */
export async function adfFromEmail(raw: Buffer | string): Promise<AdfEmail> {
  const mail = await simpleParser(raw, {
    // Converting is ours to do: mailparser's conversion wraps long lines inside the document.
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const attached = adfAttachment(mail.attachments);
  const xml =
    attached?.xml ??
    findAdfDocument(mail.text ?? '') ??
    (typeof mail.html === 'string'
      ? (findAdfDocument(htmlToText(mail.html)) ?? findAdfDocument(mail.html))
      : null);
  if (xml === null) throw new AdfError('message', 'no ADF document in the e-mail body or attachments');

  const sender = mail.from?.value[0];
  return {
    xml,
    subject: mail.subject || null,
    from: sender?.address || mail.from?.text || null,
    messageId: mail.messageId || null,
    repairs: attached?.repairs ?? [],
  };
}

/** The first XML attachment holding ADF, decoded; bodies are decoded by mailparser. */
function adfAttachment(attachments: readonly Attachment[]): { xml: string; repairs: AdfRepair[] } | null {
  for (const attachment of attachments.filter(isXmlAttachment)) {
    const { text, repairs } = decodeXmlBytes(attachment.content);
    const xml = findAdfDocument(text);
    if (xml !== null) return { xml, repairs };
  }
  return null;
}

function isXmlAttachment(attachment: Attachment): boolean {
  const name = (attachment.filename ?? '').toLowerCase();
  return name.endsWith('.xml') || name.endsWith('.adf') || /xml/i.test(attachment.contentType);
}
