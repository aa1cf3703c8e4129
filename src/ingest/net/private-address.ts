/**
 * Classifies IP addresses for the URL fetcher's SSRF guard: anything that is not a public,
 * globally routable unicast address is refused unless --allow-private-network is given.
 * Parsing is done here rather than with node:net so the rules are explicit and testable,
 * and so IPv4 addresses embedded in IPv6 (mapped, NAT64, 6to4) are judged by their IPv4 part.
 */

/** A non-public IPv4 range: first address as a 32-bit number, prefix length, and why it is refused. */
type Ipv4Range = readonly [base: number, prefix: number, reason: string];

const IPV4_BLOCKED: readonly Ipv4Range[] = [
  [ipv4(0, 0, 0, 0), 8, 'unspecified ("this network")'],
  [ipv4(10, 0, 0, 0), 8, 'private'],
  [ipv4(100, 64, 0, 0), 10, 'shared address space (CGNAT)'],
  [ipv4(127, 0, 0, 0), 8, 'loopback'],
  [ipv4(169, 254, 0, 0), 16, 'link-local'],
  [ipv4(172, 16, 0, 0), 12, 'private'],
  [ipv4(192, 0, 0, 0), 24, 'IETF protocol assignment'],
  [ipv4(192, 0, 2, 0), 24, 'documentation'],
  [ipv4(192, 88, 99, 0), 24, '6to4 relay anycast'],
  [ipv4(192, 168, 0, 0), 16, 'private'],
  [ipv4(198, 18, 0, 0), 15, 'benchmarking'],
  [ipv4(198, 51, 100, 0), 24, 'documentation'],
  [ipv4(203, 0, 113, 0), 24, 'documentation'],
  [ipv4(224, 0, 0, 0), 4, 'multicast'],
  [ipv4(240, 0, 0, 0), 4, 'reserved or broadcast'],
];

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function inRange(value: number, base: number, prefix: number): boolean {
  if (prefix === 0) return true;
  const mask = (0xffffffff << (32 - prefix)) >>> 0;
  return ((value & mask) >>> 0) === base;
}

/** Parses dotted-quad IPv4 (four decimal parts, 0–255, no leading zeros) into a 32-bit number. */
function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (part.length === 0 || part.length > 3 || (part.length > 1 && part[0] === '0')) return null;
    let n = 0;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      n = n * 10 + c;
    }
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

/** Parses an IPv6 address (with `::`, an embedded dotted quad, brackets or a zone id) into 8 groups. */
function parseIpv6(input: string): number[] | null {
  let text = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!text.includes(':')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseHalf = (half: string): number[] | null => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? '';
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        groups.push(v4 >>> 16, v4 & 0xffff);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  const head = parseHalf(halves[0] ?? '');
  const tail = halves.length === 2 ? parseHalf(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  if (head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

function classifyIpv4(value: number): string | null {
  for (const [base, prefix, reason] of IPV4_BLOCKED) {
    if (inRange(value, base, prefix)) return reason;
  }
  return null;
}

function classifyIpv6(g: number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = ((g6 << 16) | g7) >>> 0;
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  if (firstFiveZero && g5 === 0xffff) {
    const inner = classifyIpv4(embedded);
    return inner === null ? null : `IPv4-mapped ${inner}`;
  }
  if (firstFiveZero && g5 === 0) return 'IPv4-compatible (deprecated)';
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    const inner = classifyIpv4(embedded);
    return inner === null ? null : `NAT64 ${inner}`;
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'NAT64 local-use';
  if (g0 === 0x2002) {
    const inner = classifyIpv4(((g1 << 16) | g2) >>> 0);
    return inner === null ? null : `6to4 ${inner}`;
  }
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  if (g0 === 0x2001 && g1 === 0) return 'Teredo tunnel';
  if (g0 === 0x2001 && g1 === 2 && g2 === 0) return 'benchmarking';
  if (g0 === 0x2001 && (g1 & 0xfff0) === 0x10) return 'ORCHID';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local (deprecated)';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if ((g0 & 0xe000) !== 0x2000) return 'reserved (not global unicast)';
  return null;
}

/** True when `text` is an IPv4 or IPv6 literal (brackets and zone ids allowed). */
export function isIpLiteral(text: string): boolean {
  return parseIpv4(text) !== null || parseIpv6(text) !== null;
}

/**
 * Why an address must not be fetched (e.g. `loopback`, `IPv4-mapped private`), or null when it
 * is a public unicast address. Unparsable input is refused too, with reason `not an IP address`.
 */
export function privateAddressReason(address: string): string | null {
  const v4 = parseIpv4(address);
  if (v4 !== null) return classifyIpv4(v4);
  const v6 = parseIpv6(address);
  if (v6 !== null) return classifyIpv6(v6);
  return 'not an IP address';
}
