import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { fastifyTrustProxy, parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('refuses `true` (every hop trusted) with the fix in the message', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=1/);
  });

  it('reads nothing, a hop count, or addresses and networks', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1,loopback')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'loopback']);
    expect(() => parseTrustProxy('proxy.example.org')).toThrow(/neither/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/neither/);
  });

  it('trusts the nearest hops of a count only on loopback or private addresses', () => {
    const trust = fastifyTrustProxy(1) as (address: string, hop: number) => boolean;
    expect(trust('127.0.0.1', 0)).toBe(true);
    expect(trust('::ffff:10.2.3.4', 0)).toBe(true);
    expect(trust('10.2.3.4', 1)).toBe(false);
    expect(trust('203.0.113.9', 0)).toBe(false);
    expect(fastifyTrustProxy(['10.0.0.5'])).toEqual(['10.0.0.5']);
  });
});
