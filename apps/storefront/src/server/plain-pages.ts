/** The HTML the server answers itself, without Angular: unknown hosts and failures. */
function page(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;color:#1b1b1f;background:#f6f6f8}main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem}</style>
</head>
<body><main><h1>${title}</h1><p>${message}</p></main></body>
</html>
`;
}

export const NO_SITE_HTML = page(
  'No dealership site here',
  'This address is not (or no longer) the website of a dealership on Showroom. Check the address, or ask the dealership for its site.',
);

export const UNAVAILABLE_HTML = page(
  'This site is having trouble',
  'The page could not be shown just now. Please try again in a minute.',
);

/** Those pages run no script and load nothing. */
export const PLAIN_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
