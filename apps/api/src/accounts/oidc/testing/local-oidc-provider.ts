import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type InteractionDetails } from 'oidc-provider'

/** A person known to the local provider. */
export interface ProviderAccount {
  sub: string
  email: string
  emailVerified: boolean
  name: string
}

export interface LocalOidcProvider {
  issuer: string
  clientId: string
  clientSecret: string
  /** Who "types their password" at the provider on the next login screen; 'cancel' presses Cancel instead. */
  signInNextAs: (account: ProviderAccount | 'cancel') => void
  close: () => Promise<void>
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free loopback port, with one confidential client for
 * `redirectUri`. Its login and consent screens are answered by code: login as the account chosen with
 * `signInNextAs`, consent to whatever was asked.
 */
export async function startLocalOidcProvider(redirectUri: string): Promise<LocalOidcProvider> {
  const accounts = new Map<string, ProviderAccount>()
  let next: ProviderAccount | 'cancel' | undefined
  const clientId = `emporium-${randomUUID()}`
  const clientSecret = randomUUID()
  const jwk = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: 'test',
    use: 'sig',
  }

  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomUUID()] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id)
      if (!account) return undefined
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
        }),
      }
    },
  })

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
  ): Promise<void> {
    if (details.prompt.name === 'login') {
      if (!next) throw new Error('the test did not say who signs in at the provider')
      if (next === 'cancel') {
        const refusal = {
          error: 'access_denied',
          error_description: 'End-User aborted interaction',
        }
        await provider.interactionFinished(req, res, refusal, { mergeWithLastSubmission: false })
        return
      }
      accounts.set(next.sub, next)
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: next.sub } },
        { mergeWithLastSubmission: false },
      )
      return
    }
    const accountId = details.session?.accountId
    if (details.prompt.name !== 'consent' || !accountId)
      throw new Error(`unexpected prompt ${details.prompt.name}`)
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) })
    if (!grant) throw new Error('grant not found')
    const missing = details.prompt.details as {
      missingOIDCScope?: string[]
      missingOIDCClaims?: string[]
    }
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    )
  }

  const handle = provider.callback()
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res)
    provider
      .interactionDetails(req, res)
      .then((details) => answer(req, res, details))
      .catch((error: unknown) => {
        res.statusCode = 500
        res.end(String(error))
      })
  })

  return {
    issuer,
    clientId,
    clientSecret,
    signInNextAs: (account) => {
      next = account
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  }
}

/**
 * Plays the browser: opens `authorizationUrl`, follows redirects by hand carrying the provider's cookies, and
 * stops at the redirect to `redirectUri`, returning that callback's query string.
 */
export async function followToCallback(
  authorizationUrl: string,
  redirectUri: string,
): Promise<string> {
  const cookies = new Map<string, string>()
  let url = authorizationUrl
  for (let hop = 0; hop < 15; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [name, ...rest] = (cookie.split(';')[0] ?? '').split('=')
      const value = rest.join('=')
      if (!name) continue
      if (value === '' || /expires=thu, 01 jan 1970/i.test(cookie)) cookies.delete(name.trim())
      else cookies.set(name.trim(), value)
    }
    const location = response.headers.get('location')
    if (!location)
      throw new Error(
        `the provider stopped at ${url} with ${response.status}: ${await response.text()}`,
      )
    const next = new URL(location, url)
    if (`${next.origin}${next.pathname}` === redirectUri) return next.search.slice(1)
    url = next.toString()
  }
  throw new Error('too many redirects at the provider')
}
