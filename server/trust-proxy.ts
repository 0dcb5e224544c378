import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import proxyAddr from '@fastify/proxy-addr';

/**
 * Which proxies in front of Kaskade are trusted to say who the client is (X-Forwarded-For, -Proto, -Host): none
 * (false), the nearest N hops, or the proxies' addresses and networks. Never every hop: then a client could name
 * any address it liked in X-Forwarded-For and get a fresh sign-in budget with each request.
 */
export type TrustProxy = false | number | string[];

/** Loopback and private networks: where a reverse proxy in front of Kaskade sits. */
const PRIVATE = new BlockList();
for (const [net, bits] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['169.254.0.0', 16]] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

const isPrivate = (address: string): boolean => {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) return PRIVATE.check(v4, 'ipv4');
  const family = isIP(address);
  return family !== 0 && PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/**
 * The trustProxy Fastify is given. A hop count trusts the nearest N hops only while each is on a loopback or
 * private address (Fastify alone trusts no hop for a bare count, since a client that reaches the server directly
 * could then name any address): a client from the internet is never taken at its word.
 */
export function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? trustsNearestHops(trust) : trust;
}

const trustsNearestHops = (hops: number) => (address: string, hop: number): boolean => hop < hops && isPrivate(address);

/**
 * Did the browser use HTTPS? The same rule Fastify's `request.protocol` follows with the same trust setting: a TLS
 * socket, or the last X-Forwarded-Proto entry when the peer is a trusted proxy. Raw requests (the Socket.IO
 * handshake) use this, so both transports agree on which session cookie counts.
 */
export function requestIsSecure(req: IncomingMessage, trust: TrustProxy): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted) return true;
  const forwarded = req.headers['x-forwarded-proto'];
  const peer = req.socket.remoteAddress;
  if (trust === false || typeof forwarded !== 'string' || !peer) return false;
  const trusted = typeof trust === 'number' ? trustsNearestHops(trust) : proxyAddr.compile(trust);
  return trusted(peer, 0) && forwarded.slice(forwarded.lastIndexOf(',') + 1).trim() === 'https';
}

/** Names proxy-addr (Fastify's trustProxy) knows for whole address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isAddressOrNetwork = (entry: string): boolean => {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
};

/** Reads TRUST_PROXY: unset or `false`; a hop count such as `1`; or addresses/CIDR networks, comma-separated. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') {
    throw new Error(
      'TRUST_PROXY=true would trust every X-Forwarded-For hop: any client could claim any address and escape the ' +
        'sign-in and enrolment rate limits. Set TRUST_PROXY to the number of proxies in front of Kaskade (usually ' +
        'TRUST_PROXY=1), or to their addresses or networks, comma-separated (e.g. TRUST_PROXY=10.0.0.5,10.1.0.0/16).',
    );
  }
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  const wrong = entries.filter((e) => !isAddressOrNetwork(e));
  if (wrong.length > 0) {
    throw new Error(`TRUST_PROXY must be a hop count or proxy addresses/networks; "${wrong.join('", "')}" is neither.`);
  }
  return entries;
}
