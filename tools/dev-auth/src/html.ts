import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export interface Page {
  status: number;
  html: string;
  /** Value for the Content-Security-Policy header. */
  csp: string;
}

const STYLES = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px 16px;
 font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#eef1f6}
main{width:100%;max-width:400px;background:#fff;border-radius:12px;padding:32px 28px;box-shadow:0 8px 30px rgba(15,23,42,.12)}
.brand{display:flex;align-items:center;gap:10px;margin:0 0 24px;font-weight:700;font-size:22px;letter-spacing:-.01em;color:#0f172a}
.brand svg{flex:none}
h1{font-size:20px;margin:0 0 4px}
p{margin:0 0 16px}
.muted{color:#52606d;font-size:14px}
label{display:block;font-weight:600;font-size:14px;margin:16px 0 6px}
input{width:100%;font:inherit;padding:10px 12px;border:1px solid #cbd2d9;border-radius:8px;background:#fff;color:inherit}
input:focus{outline:3px solid rgba(37,99,235,.35);border-color:#2563eb}
input[aria-invalid=true]{border-color:#c81e1e}
button{width:100%;margin-top:24px;font:inherit;font-weight:600;padding:11px 16px;border:0;border-radius:8px;
 background:#1d4ed8;color:#fff;cursor:pointer}
button:hover{background:#1e40af}
button:focus-visible{outline:3px solid rgba(37,99,235,.45);outline-offset:2px}
.error{margin:16px 0 0;padding:10px 12px;border-radius:8px;background:#fde8e8;color:#9b1c1c;font-size:14px}
footer{margin-top:24px;font-size:13px;color:#52606d}
details{margin-top:8px}
code{font-size:13px}
`;

const LOGO = `<svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="8" fill="#1d4ed8"/><path d="M7 19l2.5-6.2A2 2 0 0 1 11.4 11.5h9.2a2 2 0 0 1 1.9 1.3L25 19v4a1 1 0 0 1-1 1h-1.5a1 1 0 0 1-1-1v-1h-11v1a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1z" fill="#fff"/></svg>`;

/** A complete Showroom-branded page; `body` must already be escaped. */
export function renderPage(options: { title: string; body: string; status?: number; script?: string }): Page {
  const nonce = options.script ? randomBytes(16).toString('base64') : undefined;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(options.title)} · Showroom</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<div class="brand">${LOGO}<span>Showroom</span></div>
${options.body}
</main>
${nonce ? `<script nonce="${nonce}">${options.script}</script>` : ''}
</body>
</html>
`;
  const scriptSrc = nonce ? `script-src 'nonce-${nonce}'` : `script-src 'none'`;
  return {
    status: options.status ?? 200,
    html,
    csp: `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; ${scriptSrc}; base-uri 'none'; frame-ancestors 'none'`,
  };
}

export function sendPage(res: Response, page: Page): void {
  res
    .status(page.status)
    .set('Content-Security-Policy', page.csp)
    .set('Cache-Control', 'no-store')
    .set('X-Frame-Options', 'DENY')
    .type('html')
    .send(page.html);
}
