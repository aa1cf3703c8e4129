import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isMarginaliaError } from '../src/core/errors.js';
import { fetchUrl, fetchWithAddressPolicy } from '../src/ingest/fetch-url.js';
import { createGuardedAgent } from '../src/ingest/net/guarded-agent.js';
import { privateAddressReason } from '../src/ingest/net/private-address.js';

const PAGE = '<!doctype html><title>Harbour notes</title><p>The Fenwick Gazette reports that the ferry ran late.</p>';

let server: Server;
let base = '';
let port = 0;
let hits = 0;

function route(path: string, res: import('node:http').ServerResponse): void {
  const redirect = /^\/redirect\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    res.writeHead(302, { location: left === 0 ? '/ok' : `/redirect/${left - 1}` }).end();
    return;
  }
  switch (path) {
    case '/ok':
      res.writeHead(200, { 'content-type': 'text/html; charset="ISO-8859-1"' }).end(PAGE);
      return;
    case '/relative':
      res.writeHead(301, { location: 'ok?from=relative' }).end('moved');
      return;
    case '/gzip':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.from('compressed words')));
      return;
    case '/bomb':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(2_000_000, 0x61)));
      return;
    case '/big':
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 30; i++) res.write('x'.repeat(100));
      res.end();
      return;
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' }).end('y'.repeat(5000));
      return;
    case '/slow':
      return; // never answers
    case '/drip':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first words, then silence');
      return;
    case '/to-ftp':
      res.writeHead(302, { location: 'ftp://files.example/article.txt' }).end();
      return;
    case '/to-private':
      res.writeHead(307, { location: `http://127.0.0.2:${port}/ok` }).end();
      return;
    case '/to-metadata':
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      return;
    case '/no-location':
      res.writeHead(302).end();
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  }
}

before(async () => {
  server = createServer((req, res) => {
    hits++;
    route(new URL(req.url ?? '/', 'http://x').pathname, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Runs `action`, expecting a MarginaliaError with `code` whose message matches `pattern`. */
async function rejectsWith(action: () => Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(action, (error: unknown) => {
    assert.ok(isMarginaliaError(error), `expected a MarginaliaError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, pattern);
    assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace in the message');
    return true;
  });
}

const open = { allowPrivateNetwork: true };
/** Treats 127.0.0.1 as public and everything else as private, standing in for a public host. */
const onlyLocalIsPublic = (address: string): string | null => (address === '127.0.0.1' ? null : privateAddressReason(address) ?? 'test-blocked');

describe('address classifier', () => {
  const cases: [string, boolean][] = [
    ['10.0.0.1', true], ['172.16.5.4', true], ['172.31.255.255', true], ['192.168.1.1', true], ['127.0.0.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['255.255.255.255', true],
    ['::1', true], ['::', true], ['fe80::1', true], ['fe80::1%eth0', true], ['fc00::1', true], ['fd12:3456::1', true],
    ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:10.1.2.3', true], ['[::1]', true], ['ff02::1', true],
    ['64:ff9b::a9fe:a9fe', true], ['2002:c0a8:0101::1', true], ['2001:db8::1', true], ['not-an-ip', true], ['1.2.3', true],
    // public: must be allowed
    ['8.8.8.8', false], ['1.1.1.1', false], ['172.32.0.1', false], ['100.128.0.1', false], ['2606:4700::1111', false],
    ['::ffff:8.8.8.8', false], ['64:ff9b::808:808', false], ['2a00:1450:4001:80b::200e', false],
  ];
  for (const [address, isPrivate] of cases) {
    it(`${address} is ${isPrivate ? 'refused' : 'allowed'}`, () => {
      assert.equal(privateAddressReason(address) !== null, isPrivate, String(privateAddressReason(address)));
    });
  }
});

describe('fetchUrl with allowPrivateNetwork', () => {
  it('fetches a page with its charset and content type', async () => {
    const page = await fetchUrl(`${base}/ok`, open);
    assert.equal(page.status, 200);
    assert.equal(page.url, `${base}/ok`);
    assert.equal(page.charset, 'iso-8859-1');
    assert.equal(page.contentType, 'text/html; charset="ISO-8859-1"');
    assert.equal(new TextDecoder().decode(page.bytes), PAGE);
  });

  it('resolves localhost through the guarded lookup', async () => {
    const page = await fetchUrl(`http://localhost:${port}/ok`, open);
    assert.equal(page.status, 200);
  });

  it('follows five redirects and reports the final URL', async () => {
    const page = await fetchUrl(`${base}/redirect/4`, open);
    assert.equal(page.url, `${base}/ok`);
  });

  it('resolves a relative Location against the current URL', async () => {
    const page = await fetchUrl(`${base}/relative`, open);
    assert.equal(page.url, `${base}/ok?from=relative`);
  });

  it('fails on the sixth redirect', async () => {
    await rejectsWith(() => fetchUrl(`${base}/redirect/5`, open), 'E_TOO_MANY_REDIRECTS', /more than 5 times/);
  });

  it('honours a smaller maxRedirects', async () => {
    await rejectsWith(() => fetchUrl(`${base}/redirect/1`, { ...open, maxRedirects: 1 }), 'E_TOO_MANY_REDIRECTS', /more than 1 times/);
  });

  it('decompresses gzip bodies', async () => {
    const page = await fetchUrl(`${base}/gzip`, open);
    assert.equal(new TextDecoder().decode(page.bytes), 'compressed words');
  });

  it('caps a streamed body', async () => {
    await rejectsWith(() => fetchUrl(`${base}/big`, { ...open, maxBytes: 1000 }), 'E_TOO_LARGE', /sent more than 1000 bytes, over the cap of 1000 bytes/);
  });

  it('rejects a declared Content-Length over the cap before reading', async () => {
    await rejectsWith(() => fetchUrl(`${base}/big-declared`, { ...open, maxBytes: 1000 }), 'E_TOO_LARGE', /declares a body of 5000 bytes, over the cap/);
  });

  it('caps the decompressed size of a gzip bomb', async () => {
    await rejectsWith(() => fetchUrl(`${base}/bomb`, { ...open, maxBytes: 100_000 }), 'E_TOO_LARGE', /cap of 100000 bytes/);
  });

  it('times out when the server never answers', async () => {
    await rejectsWith(() => fetchUrl(`${base}/slow`, { ...open, timeoutMs: 150 }), 'E_FETCH_FAILED', /timed out after 150 ms/);
  });

  it('times out when the body never ends', async () => {
    await rejectsWith(() => fetchUrl(`${base}/drip`, { ...open, timeoutMs: 150 }), 'E_FETCH_FAILED', /timed out after 150 ms/);
  });

  it('fails on 404 naming status and URL', async () => {
    await rejectsWith(() => fetchUrl(`${base}/missing`, open), 'E_FETCH_FAILED', new RegExp(`${base}/missing.*status 404`));
  });

  it('fails on a redirect without a Location', async () => {
    await rejectsWith(() => fetchUrl(`${base}/no-location`, open), 'E_FETCH_FAILED', /status 302/);
  });

  it('re-validates the scheme of every hop', async () => {
    await rejectsWith(() => fetchUrl(`${base}/to-ftp`, open), 'E_BAD_URL', /ftp:.*redirected from/);
  });

  it('reports a refused connection plainly', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await rejectsWith(() => fetchUrl(`http://127.0.0.1:${closedPort}/`, open), 'E_FETCH_FAILED', /connection was refused/);
  });
});

describe('fetchUrl without allowPrivateNetwork', () => {
  const refused: [string, () => string][] = [
    ['a loopback literal', () => `${base}/ok`],
    ['localhost (DNS answers loopback)', () => `http://localhost:${port}/ok`],
    ['an IPv6 loopback literal', () => `http://[::1]:${port}/ok`],
    ['a hex-encoded loopback literal', () => `http://0x7f000001:${port}/ok`],
    ['an IPv4-mapped loopback literal', () => `http://[::ffff:127.0.0.1]:${port}/ok`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
  ];
  for (const [name, url] of refused) {
    it(`refuses ${name} without sending anything`, async () => {
      const before = hits;
      await rejectsWith(() => fetchUrl(url()), 'E_PRIVATE_ADDRESS', /(loopback|link-local).*address/);
      assert.equal(hits, before);
    });
  }

  it('names host and address when DNS answers a private address', async () => {
    await rejectsWith(() => fetchUrl(`http://localhost:${port}/`), 'E_PRIVATE_ADDRESS', /Host localhost resolves to loopback address 127\.0\.0\.1/);
  });

  it('re-validates the address of a redirect target (literal)', async () => {
    await rejectsWith(() => fetchWithAddressPolicy(`${base}/to-private`, {}, onlyLocalIsPublic), 'E_PRIVATE_ADDRESS', /127\.0\.0\.2/);
    await rejectsWith(() => fetchWithAddressPolicy(`${base}/to-metadata`, {}, onlyLocalIsPublic), 'E_PRIVATE_ADDRESS', /169\.254\.169\.254/);
  });

  it('checks the connected socket even when DNS is skipped, before writing the request', async () => {
    const agent = createGuardedAgent(() => 'test-blocked');
    const before = hits;
    try {
      await rejectsWith(() => agent.request({ origin: base, path: '/ok', method: 'GET' }), 'E_PRIVATE_ADDRESS', /test-blocked address 127\.0\.0\.1/);
    } finally {
      await agent.destroy();
    }
    assert.equal(hits, before);
  });

  it('still fetches what the policy allows', async () => {
    const page = await fetchWithAddressPolicy(`${base}/redirect/1`, {}, onlyLocalIsPublic);
    assert.equal(page.status, 200);
  });

  const badUrls = ['ftp://files.example/a.txt', 'file:///etc/hosts', 'not a url', 'javascript:void(0)', 'data:text/plain,hi'];
  for (const url of badUrls) {
    it(`refuses ${url} as a bad URL`, async () => {
      await rejectsWith(() => fetchUrl(url), 'E_BAD_URL', /URL .* (only http and https|not a valid absolute URL)/);
    });
  }

  it('rejects nonsense options', async () => {
    await rejectsWith(() => fetchUrl(`${base}/ok`, { timeoutMs: -1 }), 'E_BAD_OPTION_VALUE', /timeoutMs/);
  });
});
