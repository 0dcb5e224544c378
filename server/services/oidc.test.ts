import { describe, expect, it } from 'vitest';
import { parseOidcConfig } from './oidc';

const full = {
  OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
  OIDC_CLIENT_ID: 'kaskade',
  OIDC_CLIENT_SECRET: 's3cret',
  OIDC_REDIRECT_URI: 'https://kaskade.example/api/auth/oidc/callback',
};

describe('OpenID Connect configuration', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(parseOidcConfig({})).toBeNull();
    expect(parseOidcConfig({ OIDC_CLIENT_ID: 'x' })).toBeNull();
  });

  it('reads a complete configuration, with the default scope', () => {
    expect(parseOidcConfig(full)).toEqual({
      issuer: full.OIDC_ISSUER,
      clientId: 'kaskade',
      clientSecret: 's3cret',
      redirectUri: full.OIDC_REDIRECT_URI,
      scope: 'openid email profile',
    });
  });

  it('refuses a partial or insecure configuration at start-up', () => {
    expect(() => parseOidcConfig({ OIDC_ISSUER: full.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI/);
    expect(() => parseOidcConfig({ ...full, OIDC_ISSUER: 'http://idp.example' })).toThrow(/https/);
    expect(() => parseOidcConfig({ ...full, OIDC_REDIRECT_URI: 'not a url' })).toThrow(/URL/);
  });
});
