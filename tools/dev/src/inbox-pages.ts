import type { CapturedMail } from '@showroom/server-testing';

/** Text made safe for HTML content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d1d1f; }
  header { background: #263238; color: #fff; padding: 12px 20px; display: flex; gap: 16px; align-items: baseline; }
  header a { color: #b3e5fc; }
  main { padding: 16px 20px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e0e0e0; vertical-align: top; }
  tr:hover td { background: #f5f5f5; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; }
  dt { color: #616161; }
  pre { white-space: pre-wrap; background: #fafafa; border: 1px solid #e0e0e0; padding: 12px; }
  iframe { width: 100%; height: 60vh; border: 1px solid #e0e0e0; }
  .empty { color: #616161; }
`;

/** Inline styles only; nothing runs on these pages, and HTML mail can show data: images, not remote ones. */
export const INBOX_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'none'; base-uri 'none'";

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<header><strong>Showroom dev inbox</strong><span>every e-mail the platform sends lands here; nothing leaves this machine</span><a href="/dev/mail">all mail</a><a href="/dev/mail.json">JSON</a></header>
<main>${body}</main>
</body>
</html>`;
}

const when = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

/** Newest first: time, from, to, subject, each row linking to the message. */
export function inboxPage(mails: CapturedMail[]): string {
  if (mails.length === 0) return page('Dev inbox', '<p class="empty">No mail yet.</p>');
  const rows = mails
    .map((mail) => {
      const link = `/dev/mail/${encodeURIComponent(mail.id)}`;
      return `<tr><td>${when(mail.receivedAt)}</td><td>${escapeHtml(mail.from)}</td><td>${escapeHtml(mail.to.join(', '))}</td><td><a href="${escapeHtml(link)}">${escapeHtml(mail.subject || '(no subject)')}</a></td></tr>`;
    })
    .join('\n');
  return page(
    `Dev inbox (${mails.length})`,
    `<table><thead><tr><th>received</th><th>from</th><th>to</th><th>subject</th></tr></thead><tbody>
${rows}
</tbody></table>`,
  );
}

/** One message: its envelope, the text body, the HTML body in a sandboxed frame, its attachments. */
export function messagePage(mail: CapturedMail): string {
  const base = `/dev/mail/${encodeURIComponent(mail.id)}`;
  const attachments = mail.attachments.length
    ? `<h3>Attachments</h3><ul>${mail.attachments
        .map(
          (a, i) =>
            `<li><a href="${escapeHtml(`${base}/attachments/${i}`)}">${escapeHtml(a.filename)}</a> (${escapeHtml(a.contentType)}, ${a.content.length} bytes)</li>`,
        )
        .join('')}</ul>`
    : '';
  // No allow-scripts and no allow-same-origin: the mail's HTML can neither run nor reach this page.
  const html =
    mail.html === null
      ? ''
      : `<h3>HTML</h3><iframe sandbox title="HTML body" srcdoc="${escapeHtml(mail.html)}"></iframe>`;
  return page(
    mail.subject || '(no subject)',
    `<h2>${escapeHtml(mail.subject || '(no subject)')}</h2>
<dl><dt>received</dt><dd>${when(mail.receivedAt)}</dd><dt>from</dt><dd>${escapeHtml(mail.from)}</dd><dt>to</dt><dd>${escapeHtml(mail.to.join(', '))}</dd><dt>source</dt><dd><a href="${escapeHtml(`${base}/raw`)}">raw message</a></dd></dl>
<h3>Text</h3><pre>${escapeHtml(mail.text)}</pre>
${html}
${attachments}`,
  );
}

/** The JSON variant for tests and QA: everything but the raw bytes and attachment contents. */
export function mailJson(mail: CapturedMail) {
  return {
    id: mail.id,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.content.length,
    })),
    receivedAt: mail.receivedAt.toISOString(),
  };
}
