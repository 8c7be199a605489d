import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { photoUrlProblem } from '@showroom/contracts';
import { addressProblem, isIpLiteral } from './address-guard';

/** How far one fetch may go. */
export interface FetchLimits {
  maxBytes: number;
  /** Until the TCP connection is up. */
  connectTimeoutMs: number;
  /** Silence from the server, waiting for the answer or between parts of the body. */
  responseTimeoutMs: number;
  /** The whole fetch, redirects included. */
  totalTimeoutMs: number;
  maxRedirects: number;
  /**
   * `host:port` pairs the robot may reach although they are private (a test server on 127.0.0.1).
   * Each pair counts for itself: a redirect from one to another private port is still refused.
   */
  allowedPrivateHosts: readonly string[];
}

/** What came of a fetch. `refused`: the link leads somewhere the robot never goes; never retried. */
export type SafeFetchResult =
  | { outcome: 'fetched'; bytes: Buffer; finalUrl: string; contentType: string | null }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'failed'; reason: string; transient: boolean };

const USER_AGENT = 'ShowroomPhotoRobot/1.0 (+https://showroom.dev/robot)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MiB = 1024 * 1024;
const NEVER = ': the photo robot never goes there';

/** A DNS answer naming an address the robot must not reach; the request fails with it. */
class RefusedAddress extends Error {}

type Answer = { redirectTo: string } | { result: SafeFetchResult };

const refused = (reason: string): SafeFetchResult => ({ outcome: 'refused', reason });
const failed = (reason: string, transient: boolean): SafeFetchResult => ({
  outcome: 'failed',
  reason,
  transient,
});
const stopped = () => failed('the robot stopped before the image arrived', true);
const size = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const seconds = (ms: number) => `${ms / 1000} s`;

/**
 * GET of an image on the internet, guarded against server-side request forgery: only http(s)
 * without credentials; every address a host name resolves to (and every IP literal, in whatever
 * notation) must be public unicast, checked at connect time through the request's own `lookup`,
 * so a name cannot resolve to one address for the check and another for the connection; redirects
 * are followed by hand and each target is checked again. Size, time and redirects are limited.
 */
export async function safeFetch(
  rawUrl: string,
  limits: FetchLimits,
  options: { signal?: AbortSignal } = {},
): Promise<SafeFetchResult> {
  const deadline = Date.now() + limits.totalTimeoutMs;
  let current = rawUrl;
  for (let redirects = 0; ; redirects++) {
    // Before any request: a request destroyed before its socket emits an error of its own.
    if (options.signal?.aborted) return stopped();
    const checked = checkTarget(current, limits.allowedPrivateHosts);
    if ('refusal' in checked) {
      return refused(redirects === 0 ? checked.refusal : `it redirects to ${current}: ${checked.refusal}`);
    }
    const answer = await requestOnce(checked.url, checked.mayBePrivate, limits, deadline, options.signal);
    if ('result' in answer) return answer.result;
    if (redirects >= limits.maxRedirects) {
      return failed(`it redirects more than ${limits.maxRedirects} times`, false);
    }
    // A malformed Location must not throw: the error would carry the full URL (and any token in it).
    const next = URL.parse(answer.redirectTo, checked.url);
    if (!next) return failed('it redirects to an invalid address', false);
    current = next.toString();
  }
}

/** The URL to request, or why not; `mayBePrivate` when the configuration allows this host:port. */
function checkTarget(
  raw: string,
  allowedPrivateHosts: readonly string[],
): { url: URL; mayBePrivate: boolean } | { refusal: string } {
  const problem = photoUrlProblem(raw);
  if (problem) return { refusal: `the link ${problem}` };
  // The WHATWG parser has already turned 2130706433, 0x7f.1 and 127.1 into 127.0.0.1.
  const url = new URL(raw);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const mayBePrivate = allowedPrivateHosts.includes(`${url.hostname.toLowerCase()}:${port}`);
  if (!mayBePrivate && isIpLiteral(url.hostname)) {
    const addressIssue = addressProblem(url.hostname);
    if (addressIssue) return { refusal: `the link points at ${addressIssue}${NEVER}` };
  }
  return { url, mayBePrivate };
}

/** Resolves like the system does, then refuses the connection if any address is not public. */
const guardedLookup =
  (mayBePrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      if (!mayBePrivate) {
        for (const { address } of list) {
          const problem = addressProblem(address);
          if (problem)
            return callback(new RefusedAddress(`${hostname} resolves to ${problem}${NEVER}`), '', 0);
        }
      }
      if (list.length === 0)
        return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };

function requestOnce(
  url: URL,
  mayBePrivate: boolean,
  limits: FetchLimits,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<Answer> {
  return new Promise((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const settle = (answer: Answer) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      signal?.removeEventListener('abort', onAbort);
      request.destroy();
      resolve(answer);
    };
    const fail = (reason: string, transient: boolean) => settle({ result: failed(reason, transient) });
    const onAbort = () => settle({ result: stopped() });

    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      // A fresh connection per request: a pooled socket would skip the lookup and its check.
      agent: false,
      lookup: guardedLookup(mayBePrivate),
      headers: { 'User-Agent': USER_AGENT, Accept: 'image/*' },
    });
    // At once: settle() destroys the request, and every way of destroying it may emit an error.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof RefusedAddress) return settle({ result: refused(error.message) });
      const [reason, transient] = describeNetworkError(error, url.hostname);
      fail(reason, transient);
    });

    timers.push(
      setTimeout(
        () => fail(`it took longer than ${seconds(limits.totalTimeoutMs)}`, true),
        Math.max(0, deadline - Date.now()),
      ),
      setTimeout(
        () => fail(`the server did not accept a connection within ${seconds(limits.connectTimeoutMs)}`, true),
        limits.connectTimeoutMs,
      ),
    );
    request.on('socket', (socket) => {
      const connected = () => clearTimeout(timers[1]);
      if (socket.connecting) socket.once('connect', connected);
      else connected();
    });
    request.setTimeout(limits.responseTimeoutMs, () =>
      fail(`the server did not answer within ${seconds(limits.responseTimeoutMs)}`, true),
    );
    signal?.addEventListener('abort', onAbort);

    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) return settle({ redirectTo: location });
      if (status < 200 || status >= 300) {
        const text = `${status} ${response.statusMessage ?? ''}`.trim();
        return fail(`the server answered ${text}`, status >= 500 || status === 408 || status === 429);
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        return fail(`the image is ${size(declared)}, more than the ${size(limits.maxBytes)} allowed`, false);
      }
      readBody(response, limits.maxBytes, fail, (bytes) =>
        settle({
          result: {
            outcome: 'fetched',
            bytes,
            finalUrl: url.toString(),
            contentType: response.headers['content-type'] ?? null,
          },
        }),
      );
    });
    request.end();
  });
}

function readBody(
  response: IncomingMessage,
  maxBytes: number,
  fail: (reason: string, transient: boolean) => void,
  done: (bytes: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  let received = 0;
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) {
      fail(`the image is more than the ${size(maxBytes)} allowed (stopped reading there)`, false);
      return;
    }
    chunks.push(chunk);
  });
  response.on('error', () => fail('the connection broke while the image arrived', true));
  response.on('close', () => {
    if (!response.complete) fail('the connection broke while the image arrived', true);
  });
  response.on('end', () => {
    if (!response.complete) return fail('the connection broke while the image arrived', true);
    if (received === 0) return fail('the server sent no bytes', false);
    done(Buffer.concat(chunks, received));
  });
}

/** Words for a failed connection, and whether trying again later may help. */
function describeNetworkError(error: NodeJS.ErrnoException, host: string): [string, boolean] {
  const code = error.code ?? '';
  if (code === 'ENOTFOUND') return [`no such host: ${host}`, false];
  if (code === 'EAI_AGAIN') return [`the name ${host} could not be looked up just now`, true];
  if (code === 'ECONNREFUSED') return [`${host} refused the connection`, true];
  if (code === 'ECONNRESET' || code === 'EPIPE') return [`${host} closed the connection`, true];
  if (['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code))
    return [`${host} could not be reached`, true];
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) {
    return [`the server's certificate is not valid for ${host} (${code})`, false];
  }
  return [`the request failed (${code || error.message})`, true];
}
