import { request } from 'node:http';

export interface SiteAnswer {
  status: number;
  location: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A GET to a server on 127.0.0.1 as a browser asking for a dealer site's host would send it
 * (fetch cannot set Host); the body as sent, uncompressed unless asked otherwise.
 */
export function getAsSite(url: string, host: string): Promise<SiteAnswer> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`the bench talks to 127.0.0.1 only: ${url}`);
  return new Promise((resolve, reject) => {
    const req = request(target, { headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${url} did not answer in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}
