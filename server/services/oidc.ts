import type * as OpenIdClient from 'openid-client';

// openid-client (with its JOSE code) is loaded on the first OIDC sign-in, not at start-up.
let loaded: Promise<typeof OpenIdClient> | undefined;
const openIdClient = (): Promise<typeof OpenIdClient> => (loaded ??= import('openid-client'));

/** OpenID Connect (e.g. Entra ID), configured by environment; off unless OIDC_ISSUER is set. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the IdP sends the browser back: `<public URL>/api/auth/oidc/callback`, registered at the IdP. */
  redirectUri: string;
  scope: string;
}

/** Reads OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI; null when OIDC_ISSUER is unset. */
export function parseOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'].filter((k) => !env[k]?.trim());
  if (missing.length > 0) throw new Error(`OIDC_ISSUER is set, so ${missing.join(', ')} must be set too.`);
  for (const [name, value] of [['OIDC_ISSUER', issuer], ['OIDC_REDIRECT_URI', env.OIDC_REDIRECT_URI!]] as const) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${name} must be a URL, got ${value}`);
    }
    if (url.protocol !== 'https:' && url.hostname !== 'localhost') throw new Error(`${name} must use https.`);
  }
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
    redirectUri: env.OIDC_REDIRECT_URI!.trim(),
    scope: env.OIDC_SCOPE?.trim() || 'openid email profile',
  };
}

interface Pending {
  verifier: string;
  expires: number;
}

/**
 * The authorization-code flow with PKCE: discovery (once, on first use), a redirect to the IdP with a fresh state
 * and code challenge, and the callback that checks state and exchanges the code; the verified ID token's e-mail
 * is what maps the person to a local account.
 */
export function createOidc(config: OidcConfig) {
  let discovered: Promise<OpenIdClient.Configuration> | null = null;
  const configuration = () => {
    const issuer = new URL(config.issuer);
    // Plain HTTP only for an IdP on this machine (development, tests); parseOidcConfig refuses it elsewhere.
    const local = issuer.protocol === 'http:' && issuer.hostname === 'localhost';
    discovered ??= openIdClient()
      .then((client) =>
        client.discovery(issuer, config.clientId, config.clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined),
      )
      .catch((err: unknown) => {
        discovered = null; // try again next time: the IdP may have been down
        throw err;
      });
    return discovered;
  };
  const pending = new Map<string, Pending>();
  const sweep = () => {
    const now = Date.now();
    for (const [state, p] of pending) if (p.expires < now) pending.delete(state);
  };

  return {
    /** The IdP URL to send the browser to, and the state to bind to it (kept in a short-lived cookie). */
    async start(): Promise<{ url: string; state: string }> {
      sweep();
      const client = await openIdClient();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      pending.set(state, { verifier, expires: Date.now() + 10 * 60 * 1000 });
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUri,
        scope: config.scope,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      return { url: url.href, state };
    },

    /** Completes the flow for the callback URL; answers the verified e-mail, or throws. */
    async finish(callbackUrl: URL, state: string | undefined): Promise<string> {
      const entry = state ? pending.get(state) : undefined;
      if (!state || !entry || entry.expires < Date.now()) throw new Error('unknown or expired sign-in attempt');
      pending.delete(state);
      const client = await openIdClient();
      const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: entry.verifier,
        expectedState: state,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      const email = (claims?.email ?? claims?.preferred_username) as unknown;
      if (typeof email !== 'string' || !email.includes('@')) throw new Error('the ID token has no e-mail');
      return email;
    },
  };
}
export type Oidc = ReturnType<typeof createOidc>;
