/**
 * Fetches an article page over http(s) with SSRF protection: every hop's scheme and every
 * address a host resolves to are checked (see net/guarded-agent.ts), redirects are followed by
 * hand and re-validated, and the body is capped while it streams. Errors are MarginaliaErrors
 * with plain one-sentence messages; the low-level error stays in `cause`.
 */
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Agent } from 'undici';
import { MarginaliaError, isMarginaliaError } from '../core/errors.js';
import { MAX_INPUT_BYTES } from './decode.js';
import { createGuardedAgent, type AddressPolicy } from './net/guarded-agent.js';
import { isIpLiteral, privateAddressReason } from './net/private-address.js';

/** How to fetch; every field is optional. */
export interface FetchOptions {
  /** Allow private, loopback and link-local addresses (the CLI's --allow-private-network). Default false. */
  allowPrivateNetwork?: boolean;
  /** Budget for the whole fetch, redirects and body included. Default 15000 ms. */
  timeoutMs?: number;
  /** Cap on the (decompressed) body. Default 10 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** User-Agent header. Default `Marginalia/0.1 (article reader)`. */
  userAgent?: string;
}

/** A fetched page: raw bytes plus what the server said about them. */
export interface FetchedPage {
  /** Final URL after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  /** Charset from the Content-Type header, lower-cased, or null. */
  charset: string | null;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_USER_AGENT = 'Marginalia/0.1 (article reader)';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,*/*;q=0.1';

/** Fetches `url` (http or https only), refusing private addresses unless `allowPrivateNetwork`. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const policy: AddressPolicy = options.allowPrivateNetwork === true ? () => null : privateAddressReason;
  return fetchWithAddressPolicy(url, options, policy);
}

/**
 * fetchUrl with an explicit address policy (`allowPrivateNetwork` is ignored).
 * @internal Exposed so tests can stand a local server in for a public host.
 */
export async function fetchWithAddressPolicy(url: string, options: FetchOptions, policy: AddressPolicy): Promise<FetchedPage> {
  const timeoutMs = positiveOption('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const maxBytes = positiveOption('maxBytes', options.maxBytes, MAX_INPUT_BYTES);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) {
    throw new MarginaliaError('E_BAD_OPTION_VALUE', `Option maxRedirects is ${String(maxRedirects)}; expected a whole number of 0 or more.`, { subject: 'maxRedirects' });
  }
  let current = parseHttpUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const agent = createGuardedAgent(policy, Math.min(timeoutMs, 10_000));
  try {
    for (let redirects = 0; ; redirects++) {
      checkLiteralHost(current, policy);
      const response = await agent.request({
        origin: current.origin,
        path: current.pathname + current.search,
        method: 'GET',
        headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' },
        signal: controller.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const status = response.statusCode;
      const location = header(response.headers, 'location');
      if (REDIRECT_STATUSES.has(status) && location !== null) {
        discard(response.body);
        if (redirects >= maxRedirects) {
          throw new MarginaliaError('E_TOO_MANY_REDIRECTS', `URL ${shown(url)} redirected more than ${maxRedirects} times.`, { subject: url });
        }
        current = parseHttpUrl(resolveLocation(location, current), current.href);
        continue;
      }
      if (status < 200 || status > 299) {
        discard(response.body);
        throw new MarginaliaError('E_FETCH_FAILED', `URL ${shown(current.href)} answered with HTTP status ${status}; expected 2xx.`, { subject: current.href });
      }
      const length = Number(header(response.headers, 'content-length') ?? NaN);
      if (length > maxBytes) {
        discard(response.body);
        throw tooLarge(current.href, `declares a body of ${length} bytes`, maxBytes);
      }
      const contentType = header(response.headers, 'content-type');
      const body = decompressed(response.body, header(response.headers, 'content-encoding'), current.href);
      const bytes = await readCapped(body, maxBytes, current.href);
      return { url: current.href, status, contentType, bytes, charset: charsetOf(contentType) };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      throw new MarginaliaError('E_FETCH_FAILED', `Fetching ${shown(current.href)} timed out after ${timeoutMs} ms.`, { subject: current.href, cause: error });
    }
    throw translate(error, current);
  } finally {
    clearTimeout(timer);
    void closeQuietly(agent);
  }
}

function positiveOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new MarginaliaError('E_BAD_OPTION_VALUE', `Option ${name} is ${String(value)}; expected a positive number.`, { subject: name });
  }
  return value;
}

/** Parses and checks a URL: absolute, http or https. `from` names the page that redirected here. */
function parseHttpUrl(text: string, from?: string): URL {
  const via = from === undefined ? '' : ` (redirected from ${shown(from)})`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new MarginaliaError('E_BAD_URL', `URL ${shown(text)}${via} is not a valid absolute URL; expected http:// or https://.`, { subject: text });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new MarginaliaError('E_BAD_URL', `URL ${shown(text)}${via} uses ${parsed.protocol}; only http and https URLs are fetched.`, { subject: text });
  }
  return parsed;
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** Literal IP hosts never reach DNS, so they are checked here, before any connection is made. */
function checkLiteralHost(url: URL, policy: AddressPolicy): void {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (!isIpLiteral(host)) return;
  const reason = policy(host);
  if (reason !== null) {
    throw new MarginaliaError(
      'E_PRIVATE_ADDRESS',
      `URL ${shown(url.href)} points at ${reason} address ${host}; only public addresses are fetched unless --allow-private-network is given.`,
      { subject: url.href },
    );
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? null : first;
}

/** The charset parameter of a Content-Type header, lower-cased and unquoted. */
function charsetOf(contentType: string | null): string | null {
  if (contentType === null) return null;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return match?.[1] === undefined ? null : match[1].toLowerCase();
}

function decompressed(body: Readable, encoding: string | null, url: string): Readable {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === '' || name === 'identity') return body;
  const make = name === 'gzip' || name === 'x-gzip' ? createGunzip : name === 'deflate' ? createInflate : name === 'br' ? createBrotliDecompress : null;
  if (make === null) {
    discard(body);
    throw new MarginaliaError('E_FETCH_FAILED', `URL ${shown(url)} sent content encoding "${name}", which is not supported.`, { subject: url });
  }
  return pipeline(body, make(), () => {
    /* errors surface through iteration of the returned stream */
  });
}

/** Reads a stream to the end, failing as soon as it grows past `maxBytes` (a decompression bomb included). */
async function readCapped(body: Readable, maxBytes: number, url: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) {
      discard(body);
      throw tooLarge(url, `sent more than ${maxBytes} bytes`, maxBytes);
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Drops a response body we will not read; undici reports the abort as an error, which is expected here. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function tooLarge(url: string, what: string, maxBytes: number): MarginaliaError {
  return new MarginaliaError('E_TOO_LARGE', `URL ${shown(url)} ${what}, over the cap of ${maxBytes} bytes.`, { subject: url });
}

const NETWORK_MESSAGES: Record<string, string> = {
  ENOTFOUND: 'its host name could not be resolved',
  EAI_AGAIN: 'its host name could not be resolved (temporary DNS failure)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  Z_DATA_ERROR: 'its compressed body is corrupt',
  Z_BUF_ERROR: 'its compressed body is truncated',
};

/** Turns a low-level failure into a one-sentence E_FETCH_FAILED (or passes our own errors through). */
function translate(error: unknown, url: URL): MarginaliaError {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isMarginaliaError(e)) return e;
  }
  const code = errorCode(error);
  const known = code === null ? undefined : NETWORK_MESSAGES[code];
  const detail =
    known ??
    (code !== null && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
      ? `its TLS certificate was rejected (${code})`
      : code !== null && code.startsWith('ERR__')
        ? 'its compressed body is corrupt'
        : `the request failed (${error instanceof Error ? error.message.replace(/\.$/, '') : String(error)})`);
  return new MarginaliaError('E_FETCH_FAILED', `Could not fetch ${shown(url.href)}: ${detail}.`, { subject: url.href, cause: error });
}

function errorCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}

/** A URL as shown in a message: long ones are cut, so a message stays one readable sentence. */
function shown(url: string): string {
  return url.length > 200 ? `${url.slice(0, 197)}...` : url;
}

async function closeQuietly(agent: Agent): Promise<void> {
  try {
    await agent.destroy();
  } catch {
    /* nothing left to release */
  }
}
