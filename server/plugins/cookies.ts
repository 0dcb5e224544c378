import type { FastifyReply } from 'fastify';

// The three cookies Kaskade sets (session, its __Host- form, OIDC state) need only these few lines, not a plugin
// whose hooks parse and serialise cookies on every request.

export interface CookieOptions {
  path: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'lax' | 'strict';
  expires?: Date;
  /** Seconds. */
  maxAge?: number;
}

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape is kept as sent rather than failing the request
  }
};

/** The cookies of a Cookie header, by name; the first of a repeated name wins. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (!(name in out)) out[name] = decode(part.slice(i + 1).trim());
  }
  return out;
}

/** Adds a Set-Cookie header (Fastify keeps every Set-Cookie of a reply). */
export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  parts.push(`Path=${options.path}`);
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.sameSite) parts.push(`SameSite=${options.sameSite === 'lax' ? 'Lax' : 'Strict'}`);
  reply.header('set-cookie', parts.join('; '));
}

/** Tells the browser to drop a cookie: empty, expired at the epoch, with the path it was set with. */
export function clearCookie(reply: FastifyReply, name: string, options: CookieOptions): void {
  setCookie(reply, name, '', { ...options, expires: new Date(0), maxAge: undefined });
}
