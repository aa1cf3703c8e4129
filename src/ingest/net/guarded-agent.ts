/**
 * An undici Agent that refuses to connect to addresses an address policy rejects. The check sits
 * in the socket's own DNS lookup, so the address that is checked is the address that is
 * connected to: a hostname that resolves to a public address for a pre-flight check and to
 * 127.0.0.1 a moment later (DNS rebinding) cannot slip through. Literal IP hosts skip DNS, so
 * the connected socket's remote address is checked as well before the request is written.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction, Socket } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { MarginaliaError } from '../../core/errors.js';

/** Returns why an address is refused, or null to allow it. */
export type AddressPolicy = (address: string) => string | null;

/** The error thrown (through the connection) when the policy refuses an address. */
function refused(host: string, address: string, reason: string): MarginaliaError {
  return new MarginaliaError(
    'E_PRIVATE_ADDRESS',
    `Host ${host} resolves to ${reason} address ${address}; only public addresses are fetched unless --allow-private-network is given.`,
    { subject: host },
  );
}

/** A dns.lookup replacement that resolves every address, checks each one, then answers as asked. */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (...args: never[]) => void) => {
    const answer = callback as unknown as (
      err: NodeJS.ErrnoException | Error | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void;
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        answer(err, '', 0);
        return;
      }
      for (const entry of addresses) {
        const reason = policy(entry.address);
        if (reason !== null) {
          answer(refused(hostname, entry.address, reason), '', 0);
          return;
        }
      }
      if (options.all === true) {
        answer(null, addresses);
        return;
      }
      const first = addresses[0];
      if (first === undefined) {
        answer(Object.assign(new Error(`No address found for ${hostname}.`), { code: 'ENOTFOUND' }), '', 0);
        return;
      }
      answer(null, first.address, first.family);
    });
  };
}

/**
 * Creates an Agent whose every connection is checked against `policy`, both at DNS resolution
 * and on the connected socket. `connectTimeoutMs` bounds the TCP/TLS handshake (default 10 s).
 */
export function createGuardedAgent(policy: AddressPolicy, connectTimeoutMs = 10_000): Agent {
  const baseConnect = buildConnector({ lookup: guardedLookup(policy), timeout: connectTimeoutMs });
  const connect: buildConnector.connector = (options, callback) => {
    baseConnect(options, (err, socket) => {
      if (err !== null || socket === null) {
        callback(err ?? new Error('Connection failed.'), null);
        return;
      }
      const address = (socket as Socket).remoteAddress;
      const reason = address === undefined ? 'an unknown' : policy(address);
      if (reason !== null) {
        socket.destroy();
        callback(refused(options.hostname, address ?? '(none)', reason), null);
        return;
      }
      callback(null, socket);
    });
  };
  return new Agent({ connect });
}
