import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { WRITE_SITE_ORIGINS_SCOPE } from '@showroom/contracts';
import { asMember, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { useLeadsTestApp } from '../test/leads-test-app';

const websitePath = (dealershipId: string) => `/api/leads/internal/dealerships/${dealershipId}/website`;

describe('website origins set by provisioning', () => {
  const t = useLeadsTestApp();

  const registerWebsite = async (dealershipId: string, body: object, scopes = [WRITE_SITE_ORIGINS_SCOPE]) =>
    request(t.ctx.app)
      .put(websitePath(dealershipId))
      .auth(await t.ctx.issuer.machineToken('showroom-services', scopes), { type: 'bearer' })
      .send(body);

  const postFrom = (dealershipId: string, origin: string) =>
    postWebsiteLead(t.ctx, dealershipId, websiteLead()).set('Origin', origin);

  it('a site origin provisioning registered may post the form; another origin still gets 403', async () => {
    const site = 'http://demo-motors-downtown.localhost:4400';
    expect(
      (await registerWebsite(t.dealer.id, { dealershipName: t.dealer.name, siteOrigins: [site] })).status,
    ).toBe(204);

    const allowed = await postFrom(t.dealer.id, site);
    expect(allowed.status).toBe(201);
    expect(allowed.headers['access-control-allow-origin']).toBe(site);
    // The origin the dealer typed in is still allowed too.
    expect((await postFrom(t.dealer.id, t.dealer.siteOrigin)).status).toBe(201);

    const other = await postFrom(t.dealer.id, 'https://www.someone-else.example');
    expect(other.status).toBe(403);
    expect(other.body.detail).toContain('https://www.someone-else.example');
  });

  it('a rooftop onboarded a moment ago is registered by its website, then takes leads from it', async () => {
    const rooftop = randomUUID();
    const site = 'https://www.new-rooftop.example';
    expect((await postFrom(rooftop, site)).status).toBe(403);
    expect(
      (await registerWebsite(rooftop, { dealershipName: 'New Rooftop', siteOrigins: [site] })).status,
    ).toBe(204);
    expect((await postFrom(rooftop, site)).status).toBe(201);
  });

  it('a dealer editing their own origins does not remove the website origin, nor the reverse', async () => {
    const site = 'https://site-of-the-platform.example';
    await registerWebsite(t.dealer.id, { dealershipName: t.dealer.name, siteOrigins: [site] });
    const owner = await asMember(t.ctx, t.dealer.team.owner, t.dealer);
    const typed = 'https://www.typed-by-dealer.example';
    const saved = await owner.patch('/api/leads/settings', { siteOrigins: [typed] });
    expect(saved.status).toBe(200);
    expect(saved.body.siteOrigins).toEqual([typed]);
    expect((await postFrom(t.dealer.id, site)).status).toBe(201);
    expect((await postFrom(t.dealer.id, typed)).status).toBe(201);

    // A newer registration replaces the website origins only.
    const moved = 'https://www.moved-domain.example';
    await registerWebsite(t.dealer.id, { dealershipName: t.dealer.name, siteOrigins: [moved] });
    expect((await postFrom(t.dealer.id, moved)).status).toBe(201);
    expect((await postFrom(t.dealer.id, site)).status).toBe(403);
    expect((await postFrom(t.dealer.id, typed)).status).toBe(201);
  });

  it('only a machine token with write:site-origins may register, and a bad body names its field', async () => {
    const body = { dealershipName: t.dealer.name, siteOrigins: ['https://x.example'] };
    expect((await registerWebsite(t.dealer.id, body, ['read:team'])).status).toBe(403);
    const asOwner = await t.ctx.tokenFor(t.dealer.team.owner, t.dealer.id);
    const byPerson = await request(t.ctx.app)
      .put(websitePath(t.dealer.id))
      .auth(asOwner, { type: 'bearer' })
      .send(body);
    expect(byPerson.status).toBe(403);
    expect((await request(t.ctx.app).put(websitePath(t.dealer.id)).send(body)).status).toBe(401);

    const bad = await registerWebsite(t.dealer.id, {
      dealershipName: t.dealer.name,
      siteOrigins: ['not a url'],
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name)).toContain('body.siteOrigins.0');
  });
});
