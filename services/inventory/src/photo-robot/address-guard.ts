import ipaddr from 'ipaddr.js';

/** Words for the address ranges the robot never reaches, as a dealer reads them in a report. */
const FORBIDDEN_RANGES: Record<string, string> = {
  loopback: 'this server itself (loopback)',
  private: 'a private network',
  linkLocal: 'a link-local address (such as the cloud metadata service)',
  uniqueLocal: 'a private IPv6 network (unique local)',
  carrierGradeNat: 'a carrier-grade NAT network',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
};

/**
 * Why the robot must not connect to `address` (an IPv4 or IPv6 literal), as "127.0.0.1, this server
 * itself (loopback)", or null when it is a public unicast address. An IPv4-mapped (::ffff:127.0.0.1)
 * or IPv4-compatible (::127.0.0.1) IPv6 address is judged as the IPv4 address it carries; IPv6
 * unicast must be global (2000::/3); every range ipaddr.js does not call `unicast` (reserved, documentation,
 * NAT64, 6to4, Teredo …) is refused, since they can lead back into private networks.
 */
export function addressProblem(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address.replace(/^\[|\]$/g, ''));
  } catch {
    return `${address} is not an IP address`;
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // IPv4-compatible (::/96, deprecated): the URL parser turns [::127.0.0.1] into [::7f00:1].
    if (v6.parts.slice(0, 6).every((part) => part === 0) && v6.parts[6] !== 0) {
      const [high, low] = [v6.parts[6], v6.parts[7]];
      parsed = new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
    } else if (v6.range() === 'unicast' && (v6.parts[0] & 0xe000) !== 0x2000) {
      // Only global unicast (2000::/3) is on the internet; the rest is unassigned or special.
      return `${v6.toString()}, not a public internet address`;
    }
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  return `${parsed.toString()}, ${FORBIDDEN_RANGES[range] ?? `a ${range} address`}`;
}

/** True when `host` is an IP literal (as the URL parser leaves it: IPv6 in brackets). */
export const isIpLiteral = (host: string): boolean => ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
