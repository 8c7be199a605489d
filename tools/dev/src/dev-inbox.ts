import { Router, type Response } from 'express';
import type { SmtpSink } from '@showroom/server-testing';
import { z } from 'zod';
import { INBOX_CSP, inboxPage, mailJson, messagePage } from './inbox-pages';

const listQuery = z.strictObject({
  /** Only mail to this address (case-insensitive). */
  to: z.string().trim().min(1).max(254).optional(),
});
const messageParams = z.object({ id: z.uuid() });
const attachmentParams = messageParams.extend({ index: z.coerce.number().int().min(0).max(999) });

function problem(res: Response, status: 400 | 404, detail: string): void {
  const type = status === 400 ? 'validation' : 'not-found';
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `https://showroom.dev/problems/${type}`, title: detail, status, detail }));
}

/**
 * The developer inbox over the SMTP sink: `/dev/mail` (HTML, newest first), `/dev/mail/:id`,
 * `/dev/mail.json` (for tests and QA; `?to=` filters), `DELETE /dev/mail` (empties it).
 * Mount it only outside production.
 */
export function devInboxRoutes(sink: SmtpSink): Router {
  const router = Router();
  const html = (res: Response, body: string) =>
    res
      .set({
        'Content-Security-Policy': INBOX_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      })
      .type('html')
      .send(body);
  const newestFirst = () => sink.messages().reverse();
  const find = (id: unknown) => {
    const parsed = messageParams.safeParse({ id });
    return parsed.success ? sink.messages().find((mail) => mail.id === parsed.data.id) : undefined;
  };

  router.get('/dev/mail.json', (req, res) => {
    const query = listQuery.safeParse(req.query);
    if (!query.success) return problem(res, 400, 'Only ?to=<address> is understood.');
    const to = query.data.to?.toLowerCase();
    const mails = newestFirst().filter(
      (mail) => !to || mail.to.some((address) => address.toLowerCase() === to),
    );
    res.set('Cache-Control', 'no-store').json({ items: mails.map(mailJson) });
  });

  router.get('/dev/mail', (_req, res) => html(res, inboxPage(newestFirst())));

  router.delete('/dev/mail', (_req, res) => {
    sink.clear();
    res.status(204).end();
  });

  router.get('/dev/mail/:id', (req, res) => {
    const mail = find(req.params['id']);
    if (!mail) return problem(res, 404, 'No such mail (the inbox keeps the last 500).');
    html(res, messagePage(mail));
  });

  router.get('/dev/mail/:id/raw', (req, res) => {
    const mail = find(req.params['id']);
    if (!mail) return problem(res, 404, 'No such mail (the inbox keeps the last 500).');
    res
      .set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
      .type('text/plain')
      .send(mail.raw);
  });

  router.get('/dev/mail/:id/attachments/:index', (req, res) => {
    const params = attachmentParams.safeParse(req.params);
    const attachment = params.success ? find(params.data.id)?.attachments[params.data.index] : undefined;
    if (!attachment) return problem(res, 404, 'No such attachment.');
    // Always a download: an attachment is never rendered in this origin.
    res
      .set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
      .attachment(attachment.filename)
      .type('application/octet-stream')
      .send(attachment.content);
  });
  return router;
}
