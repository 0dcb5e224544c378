import { isIPv6 } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse } from '../../shared/rest';

/** How many clients a limit remembers; the longest unseen is forgotten first beyond that. */
const MAX_CLIENTS = 5000;

/**
 * Whom a limit counts: an IPv4 address, or an IPv6 address's /64 network (one household or server usually holds a
 * whole /64, so counting single IPv6 addresses would let it rotate through them).
 */
export function clientKey(ip: string): string {
  if (!isIPv6(ip)) return ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * An onRequest hook that allows `max` requests per client and `windowMs` window to one route, then answers 429
 * RATE_LIMITED with Retry-After; each answer says the limit, what is left and when the window resets (seconds).
 */
export function rateLimit(options: { max: number; windowMs: number }) {
  const windows = new Map<string, { count: number; start: number }>();
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const key = clientKey(request.ip);
    const now = Date.now();
    let window = windows.get(key);
    windows.delete(key); // re-inserted below: the map's order is then least recently seen first
    if (!window || window.start + options.windowMs <= now) window = { count: 0, start: now };
    window.count++;
    windows.set(key, window);
    if (windows.size > MAX_CLIENTS) windows.delete(windows.keys().next().value!);
    const reset = Math.ceil((window.start + options.windowMs - now) / 1000);
    reply.header('x-ratelimit-limit', options.max).header('x-ratelimit-reset', reset);
    if (window.count <= options.max) {
      reply.header('x-ratelimit-remaining', options.max - window.count);
      return undefined;
    }
    const body: ErrorResponse = { error: { code: 'RATE_LIMITED', message: `Too many attempts; try again in ${reset} s.` } };
    return reply.header('x-ratelimit-remaining', 0).header('retry-after', reset).code(429).send(body);
  };
}
