import type { Config } from '@emporium/infra'
import * as client from 'openid-client'

export type OidcProviderSettings = Config['OIDC_PROVIDERS'][number]

/** What the sign-in page lists: id and display name, never secrets. */
export function listProviders(config: Config): { id: string; name: string }[] {
  return config.OIDC_PROVIDERS.map(({ id, name }) => ({ id, name }))
}

/** The configured provider with this id, or undefined. */
export function findProvider(config: Config, id: string): OidcProviderSettings | undefined {
  return config.OIDC_PROVIDERS.find((provider) => provider.id === id)
}

/** Where providers send the browser back: the web app's callback page, which hands its query to `oidc.complete`. */
export function redirectUri(config: Config): string {
  return new URL('/auth/callback', config.WEB_ORIGIN).toString()
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Plain http is allowed only for an issuer on this machine (a local test provider), and never in production. */
export function allowsPlainHttp(config: Config, issuer: URL): boolean {
  return config.NODE_ENV !== 'production' && LOOPBACK_HOSTS.has(issuer.hostname)
}

const discovered = new WeakMap<Config, Map<string, Promise<client.Configuration>>>()

/** The provider's client configuration from its discovery document; cached per process, a failure is retried next call. */
export function providerClient(
  config: Config,
  provider: OidcProviderSettings,
): Promise<client.Configuration> {
  let cache = discovered.get(config)
  if (!cache) {
    cache = new Map<string, Promise<client.Configuration>>()
    discovered.set(config, cache)
  }
  let pending = cache.get(provider.id)
  if (!pending) {
    pending = discover(config, provider).catch((error: unknown) => {
      cache.delete(provider.id)
      throw error
    })
    cache.set(provider.id, pending)
  }
  return pending
}

async function discover(
  config: Config,
  provider: OidcProviderSettings,
): Promise<client.Configuration> {
  const issuer = new URL(provider.issuer)
  const insecure = issuer.protocol === 'http:'
  if (insecure && !allowsPlainHttp(config, issuer)) {
    throw new Error(
      `OIDC provider "${provider.id}": issuer ${provider.issuer} must use https (plain http only for a loopback issuer outside production)`,
    )
  }
  // Without a secret the client is public and relies on PKCE alone (token_endpoint_auth_method "none").
  const auth = provider.clientSecret
    ? client.ClientSecretBasic(provider.clientSecret)
    : client.None()
  return client.discovery(issuer, provider.clientId, undefined, auth, {
    execute: insecure ? [client.allowInsecureRequests] : [],
    timeout: 10,
  })
}
