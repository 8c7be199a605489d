import { once } from 'node:events';
import http, { type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@showroom/server-kit';
import { loadInventoryConfig } from '../config';
import { addressProblem } from './address-guard';
import { safeFetch, type FetchLimits } from './safe-fetch';

interface LocalServer {
  port: number;
  origin: string;
  hits: string[];
  close(): Promise<void>;
}

async function serve(handler: RequestListener): Promise<LocalServer> {
  const hits: string[] = [];
  const server: Server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('the address guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private network'],
    ['172.16.0.1', 'private network'],
    ['192.168.1.1', 'private network'],
    ['169.254.169.254', 'cloud metadata'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'unique local'],
    ['fc00::1', 'unique local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:10.0.0.1', 'private network'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['2002:7f00:1::1', '6to4'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'loopback'],
    ['::a9fe:a9fe', 'cloud metadata'],
    ['4000::1', 'not a public'],
    ['e000::1', 'not a public'],
  ])('refuses %s (%s)', (address, words) => {
    expect(addressProblem(address)).toContain(words);
  });

  it('judges an IPv4-mapped IPv6 address by the IPv4 address it carries', () => {
    expect(addressProblem('::ffff:7f00:1')).toMatch(/^127\.0\.0\.1, /);
  });

  it('judges an IPv4-compatible IPv6 address (::/96) by the IPv4 address inside, and lets public ones through', () => {
    expect(addressProblem('::7f00:1')).toMatch(/^127\.0\.0\.1, /);
    expect(addressProblem('::8.8.8.8')).toBeNull();
    expect(addressProblem('2606:4700::1111')).toBeNull();
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.215.14'])(
    'lets the public address %s through',
    (address) => {
      expect(addressProblem(address)).toBeNull();
    },
  );
});

describe('safeFetch', () => {
  let images: LocalServer;
  let elsewhere: LocalServer;
  const limits = (overrides: Partial<FetchLimits> = {}): FetchLimits => ({
    maxBytes: 1024,
    connectTimeoutMs: 1_000,
    responseTimeoutMs: 300,
    totalTimeoutMs: 1_500,
    maxRedirects: 5,
    allowedPrivateHosts: [`127.0.0.1:${images.port}`],
    ...overrides,
  });

  beforeAll(async () => {
    images = await serve((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const redirect = (to: string) => res.writeHead(302, { Location: to }).end();
      switch (url.pathname) {
        case '/car.png':
          return res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG_BYTES);
        case '/hop': {
          const left = Number(url.searchParams.get('n'));
          return redirect(left > 0 ? `/hop?n=${left - 1}` : '/car.png');
        }
        case '/to-elsewhere':
          return redirect(`${elsewhere.origin}/car.png`);
        case '/to-localhost':
          return redirect(`http://localhost:${images.port}/car.png`);
        case '/to-metadata':
          return redirect('http://169.254.169.254/latest/meta-data/');
        case '/to-file':
          return redirect('file:///etc/passwd');
        case '/to-invalid':
          return redirect('http://[bad');
        case '/declared-large':
          return res.writeHead(200, { 'Content-Length': '5000' }).end(Buffer.alloc(5000));
        case '/undeclared-large':
          res.writeHead(200, { 'Content-Type': 'image/jpeg' });
          res.write(Buffer.alloc(800));
          res.write(Buffer.alloc(800));
          return res.end(Buffer.alloc(800));
        case '/silent':
          return; // never answers
        case '/trickle': {
          res.writeHead(200, { 'Content-Type': 'image/jpeg' });
          const timer = setInterval(() => res.write(Buffer.alloc(1)), 100);
          res.on('close', () => clearInterval(timer));
          return;
        }
        case '/reset':
          return req.socket.destroy();
        case '/cut-short':
          res.writeHead(200, { 'Content-Length': '1000', 'Content-Type': 'image/jpeg' });
          res.write(Buffer.alloc(100));
          return setTimeout(() => req.socket.destroy(), 20);
        case '/busy':
          return res.writeHead(503).end();
        case '/empty':
          return res.writeHead(200).end();
        default:
          return res.writeHead(404).end();
      }
    });
    elsewhere = await serve((_req, res) => res.writeHead(200).end(PNG_BYTES));
  });
  afterAll(async () => {
    await Promise.all([images.close(), elsewhere.close()]);
  });

  it('fetches an image from a host the configuration allows, and names where it ended up', async () => {
    const result = await safeFetch(`${images.origin}/hop?n=2`, limits());
    expect(result).toMatchObject({ outcome: 'fetched', finalUrl: `${images.origin}/car.png` });
    expect(result.outcome === 'fetched' && result.bytes.equals(PNG_BYTES)).toBe(true);
  });

  it.each([
    ['file:///etc/passwd', 'not file'],
    ['ftp://example.com/car.jpg', 'not ftp'],
    ['data:image/png;base64,iVBORw0KGgo=', 'not data'],
    ['gopher://example.com/1', 'not gopher'],
    ['https://user:secret@example.com/car.jpg', 'user name or password'],
    ['not a link', 'is not a link'],
  ])('refuses %s without a request', async (url, words) => {
    const result = await safeFetch(url, limits());
    expect(result.outcome).toBe('refused');
    expect(result.outcome === 'refused' && result.reason).toContain(words);
  });

  describe('when the image server is on this machine but not allowed', () => {
    const notAllowed = () => limits({ allowedPrivateHosts: [] });
    it.each([
      'http://127.0.0.1:PORT/car.png',
      'http://2130706433:PORT/car.png',
      'http://0x7f.1:PORT/car.png',
      'http://127.1:PORT/car.png',
      'http://017700000001:PORT/car.png',
      'http://[::ffff:127.0.0.1]:PORT/car.png',
      'http://[::127.0.0.1]:PORT/car.png',
      'http://[0:0:0:0:0:0:0:1]:PORT/car.png',
      'http://localhost:PORT/car.png',
      'http://LocalHost:PORT/car.png',
      'http://0.0.0.0:PORT/car.png',
    ])('refuses %s, and the server never hears of it', async (url) => {
      const before = images.hits.length;
      const result = await safeFetch(url.replace('PORT', String(images.port)), notAllowed());
      expect(result.outcome, JSON.stringify(result)).toBe('refused');
      expect(result.outcome === 'refused' && result.reason).toMatch(/loopback|unspecified/);
      expect(images.hits.length).toBe(before);
    });

    it.each([
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://10.0.0.8/car.jpg',
      'http://192.168.0.1/car.jpg',
      'http://100.64.1.1/car.jpg',
      'http://[fe80::1]/car.jpg',
      'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    ])('refuses %s', async (url) => {
      const result = await safeFetch(url, notAllowed());
      expect(result.outcome, JSON.stringify(result)).toBe('refused');
    });
  });

  it('refuses a redirect to another port of this machine, though the first port is allowed', async () => {
    const result = await safeFetch(`${images.origin}/to-elsewhere`, limits());
    expect(result.outcome).toBe('refused');
    expect(result.outcome === 'refused' && result.reason).toContain(
      `it redirects to ${elsewhere.origin}/car.png`,
    );
    expect(elsewhere.hits).toEqual([]);
  });

  it('refuses a redirect to the same port under a name that resolves to loopback', async () => {
    const result = await safeFetch(`${images.origin}/to-localhost`, limits());
    expect(result).toMatchObject({ outcome: 'refused' });
    expect(result.outcome === 'refused' && result.reason).toMatch(/localhost resolves to .*loopback/);
  });

  it.each([
    ['/to-metadata', 'link-local'],
    ['/to-file', 'not file'],
  ])('refuses the redirect of %s', async (path, words) => {
    const result = await safeFetch(`${images.origin}${path}`, limits());
    expect(result.outcome === 'refused' && result.reason).toContain(words);
  });

  it('fails, without throwing the URL, on a redirect to an address that is not a URL', async () => {
    const result = await safeFetch(`${images.origin}/to-invalid?token=s3cret`, limits());
    expect(result).toEqual({
      outcome: 'failed',
      reason: 'it redirects to an invalid address',
      transient: false,
    });
  });

  it('gives up after the allowed number of redirects', async () => {
    const result = await safeFetch(`${images.origin}/hop?n=3`, limits({ maxRedirects: 3 }));
    expect(result).toEqual({ outcome: 'failed', reason: 'it redirects more than 3 times', transient: false });
  });

  it('refuses an image whose declared length is over the limit, before reading it', async () => {
    const result = await safeFetch(`${images.origin}/declared-large`, limits());
    expect(result).toMatchObject({ outcome: 'failed', transient: false });
    expect(result.outcome === 'failed' && result.reason).toMatch(/more than the 0\.0 MiB allowed/);
  });

  it('stops reading an image without a declared length once it passes the limit', async () => {
    const result = await safeFetch(`${images.origin}/undeclared-large`, limits());
    expect(result).toMatchObject({ outcome: 'failed', transient: false });
    expect(result.outcome === 'failed' && result.reason).toContain('stopped reading there');
  });

  it('gives up on a server that does not answer, as a failure worth retrying', async () => {
    const result = await safeFetch(`${images.origin}/silent`, limits());
    expect(result).toEqual({
      outcome: 'failed',
      reason: 'the server did not answer within 0.3 s',
      transient: true,
    });
  });

  it('gives up on a download that takes longer than the total time limit', async () => {
    // The trickle never ends: only the total limit can end this fetch (the test's own timeout would fail it).
    const result = await safeFetch(`${images.origin}/trickle`, limits({ totalTimeoutMs: 600 }));
    expect(result).toEqual({ outcome: 'failed', reason: 'it took longer than 0.6 s', transient: true });
  });

  it.each([
    ['/missing.jpg', 'the server answered 404 Not Found', false],
    ['/busy', 'the server answered 503 Service Unavailable', true],
    ['/empty', 'the server sent no bytes', false],
  ])('reports %s as %s', async (path, reason, transient) => {
    expect(await safeFetch(`${images.origin}${path}`, limits())).toEqual({
      outcome: 'failed',
      reason,
      transient,
    });
  });

  it('reports a connection the server cut as worth retrying', async () => {
    const result = await safeFetch(`${images.origin}/reset`, limits());
    expect(result).toMatchObject({ outcome: 'failed', transient: true });
  });

  it('reports an image cut short (fewer bytes than declared) as worth retrying', async () => {
    expect(await safeFetch(`${images.origin}/cut-short`, limits())).toEqual({
      outcome: 'failed',
      reason: 'the connection broke while the image arrived',
      transient: true,
    });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await safeFetch(`${images.origin}/silent`, limits({ responseTimeoutMs: 5_000 }), {
      signal: controller.signal,
    });
    expect(result).toMatchObject({ outcome: 'failed', reason: 'the robot stopped before the image arrived' });
  });

  it('answers at once, without a request, when the robot is already stopping', async () => {
    // A worker that stops between claiming a link and fetching it: the fetch must not crash the service.
    const before = images.hits.length;
    const result = await safeFetch(`${images.origin}/car.png`, limits(), { signal: AbortSignal.abort() });
    expect(result).toEqual({
      outcome: 'failed',
      reason: 'the robot stopped before the image arrived',
      transient: true,
    });
    expect(images.hits.length).toBe(before);
  });
});

describe('the robot’s private hosts in production', () => {
  it('refuses to start with any', () => {
    let error: unknown;
    try {
      loadInventoryConfig({ NODE_ENV: 'production', PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS: '127.0.0.1:8080' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain(
      'PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS=["127.0.0.1:8080"] lets the photo robot reach private addresses',
    );
  });

  it('refuses an entry that is not host:port', () => {
    expect(() =>
      loadInventoryConfig({ NODE_ENV: 'test', PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS: 'http://127.0.0.1/' }),
    ).toThrow(/PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS.*host:port/);
  });
});
