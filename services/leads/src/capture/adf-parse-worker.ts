import { AdfError, adfFromEmail, parseAdf, type AdfDocument } from '@showroom/leads-adf';
import { prospectParts } from './prospect-parts';

/** What the capture routes hand to a parsing thread: a posted document, or the e-mail carrying one. */
export type AdfParseTask =
  { kind: 'xml'; xml: string; maxBytes: number } | { kind: 'email'; raw: Uint8Array; maxBytes: number };

export interface ParsedAdf {
  document: AdfDocument;
  /** The ADF text that was parsed (for an e-mail, the document found in it). */
  xml: string;
  /** Each prospect as a document of its own (see prospectParts); null when they cannot be told apart. */
  parts: string[] | null;
  /** For an e-mail: the sender's address and the Message-ID. */
  from?: string | null;
  messageId?: string | null;
}

/** Errors do not keep their class across threads, so an unusable document is an answer, not a throw. */
export type AdfParseOutcome =
  { ok: true; parsed: ParsedAdf } | { ok: false; element: string; reason: string };

/**
 * Runs in a worker thread: parsing a large document takes long enough (150–190 ms for 400 kB) to
 * stall every other request if it ran on the main thread.
 */
export default async function parseInWorker(task: AdfParseTask): Promise<AdfParseOutcome> {
  try {
    if (task.kind === 'xml') {
      const document = parseAdf(task.xml, { maxBytes: task.maxBytes });
      return { ok: true, parsed: withParts(document, task.xml) };
    }
    const email = await adfFromEmail(Buffer.from(task.raw));
    const parsed = parseAdf(email.xml, { maxBytes: task.maxBytes });
    // What decoding the attachment mended comes first, then what parsing mended.
    const document = { ...parsed, repairs: [...email.repairs, ...parsed.repairs] };
    return {
      ok: true,
      parsed: {
        ...withParts(document, email.xml),
        from: email.from ?? null,
        messageId: email.messageId ?? null,
      },
    };
  } catch (error) {
    if (error instanceof AdfError) return { ok: false, element: error.element, reason: error.reason };
    throw error;
  }
}

function withParts(document: AdfDocument, xml: string): ParsedAdf {
  const parts = document.prospects.length > 1 ? prospectParts(xml, document.prospects.length) : null;
  return { document, xml, parts };
}
