import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { AdfError } from './adf-error';
import { adfFromEmail } from './adf-from-email';
import { parseAdf } from './parse-adf';
import { TYPICAL_ADF_SAMPLE } from './typical-sample';

type MailOptions = ConstructorParameters<typeof MailComposer>[0];

function compose(options: MailOptions): Promise<Buffer> {
  return new MailComposer({
    from: '"Cars.com Leads" <leads@cars.com>',
    to: 'internet@springfieldhonda.example',
    subject: 'New Cars.com lead: 2021 Honda Accord',
    messageId: '<lead-7731@mail.cars.com>',
    ...options,
  })
    .compile()
    .build();
}

const firstName = (xml: string) => parseAdf(xml).prospects[0]?.customer.firstName;
const SHORT_ADF = `<?xml version="1.0"?><?adf version="1.0"?><adf><prospect><customer><contact><name part="first">Ana</name><phone>555-010-1111</phone></contact></customer></prospect></adf>`;

describe('adfFromEmail', () => {
  it('takes the ADF attachment over the body, with the message headers', async () => {
    const raw = await compose({
      // A different document in the body: the attachment must win.
      text: `You have a new lead. The ADF document is attached.\n${SHORT_ADF}`,
      attachments: [
        { filename: 'photo.jpg', content: Buffer.from([0xff, 0xd8, 0xff]), contentType: 'image/jpeg' },
        { filename: 'lead.xml', content: TYPICAL_ADF_SAMPLE, contentType: 'application/octet-stream' },
      ],
    });
    const email = await adfFromEmail(raw);
    expect(email.subject).toBe('New Cars.com lead: 2021 Honda Accord');
    expect(email.from).toBe('leads@cars.com');
    expect(email.messageId).toBe('<lead-7731@mail.cars.com>');
    expect(email.xml).toBe(TYPICAL_ADF_SAMPLE.trimEnd());
    expect(firstName(email.xml)).toBe('Jane');
  });

  it('recognises an attachment by its XML content type, whatever its name', async () => {
    const raw = await compose({
      text: 'no document here',
      attachments: [{ filename: 'lead-7731.dat', content: SHORT_ADF, contentType: 'text/xml' }],
    });
    expect(firstName((await adfFromEmail(raw)).xml)).toBe('Ana');
  });

  it('skips an XML attachment that holds no ADF and finds the document in the body', async () => {
    const raw = await compose({
      text: `Lead below.\n\n${SHORT_ADF}\n\nThanks`,
      attachments: [{ filename: 'inventory.xml', content: '<inventory><car/></inventory>' }],
    });
    expect((await adfFromEmail(raw)).xml).toBe(SHORT_ADF);
  });

  it('reads a windows-1252 attachment declared UTF-8 and says so, and reports nothing for a clean one', async () => {
    const fixture = readFileSync(join(import.meta.dirname, '../fixtures/broken/windows-1252.xml'));
    const raw = await compose({
      text: 'Lead attached.',
      attachments: [{ filename: 'lead.xml', content: fixture, contentType: 'application/xml' }],
    });
    const email = await adfFromEmail(raw);
    expect(email.repairs.map((repair) => repair.kind)).toEqual(['windows-1252']);
    const [lead] = parseAdf(email.xml).prospects;
    expect(lead?.customer.fullName).toBe('Renée O’Brien');
    expect(lead?.comments).toBe('Is the “Autobahn” package included? Weekdays 9–5 only.');

    const clean = await compose({ attachments: [{ filename: 'lead.xml', content: SHORT_ADF }] });
    expect((await adfFromEmail(clean)).repairs).toEqual([]);
  });

  it('decodes an ISO-8859-1 attachment as its declaration says', async () => {
    const latin1 = SHORT_ADF.replace(
      '<?xml version="1.0"?>',
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
    ).replace('Ana', 'Anaïs Ørsted');
    const raw = await compose({
      attachments: [{ filename: 'LEAD.ADF', content: Buffer.from(latin1, 'latin1') }],
    });
    expect(firstName((await adfFromEmail(raw)).xml)).toBe('Anaïs Ørsted');
  });

  it('reads a quoted-printable plain-text body with text around the document', async () => {
    const body = `Hello,\n\nA shopper asked about the Accord — document follows:\n\n${TYPICAL_ADF_SAMPLE}\n-- \nCars.com`;
    const raw = await compose({ text: body, textEncoding: 'quoted-printable' });
    expect(raw.toString('latin1')).toMatch(/Content-Transfer-Encoding: quoted-printable/i);
    const email = await adfFromEmail(raw.toString('latin1'));
    expect(email.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<?adf version="1.0"?>\n<adf>')).toBe(
      true,
    );
    expect(email.xml.endsWith('</adf>')).toBe(true);
    expect(parseAdf(email.xml).prospects[0]?.vehicles[0]?.vin).toBe('1HGCV1F34MA012345');
  });

  it('reads a base64 plain-text body', async () => {
    const raw = await compose({ text: `Résumé: ${SHORT_ADF}`, textEncoding: 'base64' });
    expect(raw.toString('latin1')).toMatch(/Content-Transfer-Encoding: base64/i);
    expect(raw.toString('latin1')).not.toContain('<adf>');
    expect(firstName((await adfFromEmail(raw)).xml)).toBe('Ana');
  });

  it('reads the ADF shown as text in an HTML body', async () => {
    const escaped = TYPICAL_ADF_SAMPLE.replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;');
    const raw = await compose({
      html: `<html><head><style>pre{color:red}</style></head><body><p>New lead</p><pre>${escaped}</pre><script>var a = "<adf>";</script></body></html>`,
    });
    const email = await adfFromEmail(raw);
    expect(firstName(email.xml)).toBe('Jane');
    expect(parseAdf(email.xml).prospects[0]?.customer.phones).toHaveLength(2);
  });

  it('reads ADF pasted into an HTML body as markup', async () => {
    const raw = await compose({ html: `<div>Lead:</div>${SHORT_ADF}<div>Bye</div>` });
    expect(firstName((await adfFromEmail(raw)).xml)).toBe('Ana');
  });

  it('refuses an e-mail without an ADF document', async () => {
    const raw = await compose({
      text: 'Call me about the Accord.',
      html: '<p>Call me about the <b>Accord</b>.</p>',
      attachments: [{ filename: 'note.txt', content: 'not xml' }],
    });
    const failure = await adfFromEmail(raw).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AdfError);
    expect((failure as AdfError).element).toBe('message');
    expect((failure as AdfError).reason).toBe('no ADF document in the e-mail body or attachments');
  });
});
