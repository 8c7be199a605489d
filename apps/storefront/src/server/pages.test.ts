import { describe, expect, it } from 'vitest';
import { withSiteState } from './pages';
import { publishedSite } from './testing/fixtures';

const site = {
  ...publishedSite({
    dealershipId: '11111111-1111-4111-8111-111111111111',
    name: 'Alpha </script><script>alert(1)</script> & Sons',
    slug: 'alpha',
    tagline: "$0 down, it's true",
  }),
  apiOrigin: 'http://localhost:4200',
};

const stateOf = (html: string) =>
  JSON.parse(/<script id="ng-state" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null');

describe('the shell of a page the browser renders', () => {
  it('carries the site in the transfer state, as the browser reads it, with nothing that could end the script', () => {
    const html = withSiteState('<html><body><sf-root></sf-root></body></html>', site);
    expect(stateOf(html)).toEqual({ 'sf-site': site });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<script><');
    expect(html.endsWith('</script></body></html>')).toBe(true);
  });

  it('leaves a server-rendered page, which has its own state, as it is', () => {
    const rendered =
      '<html><body><script id="ng-state" type="application/json">{"a":1}</script></body></html>';
    expect(withSiteState(rendered, site)).toBe(rendered);
  });
});
