import { EmailSchema } from '@emporium/domain/accounts'
import { TRPCError } from '@trpc/server'
import * as client from 'openid-client'
import type { Context } from '../../context'
import type { ProviderProfile } from './link-account'
import {
  bindBrowser,
  isSameBrowser,
  savePendingSignIn,
  takePendingSignIn,
} from './pending-sign-ins'
import { findProvider, providerClient, redirectUri, type OidcProviderSettings } from './providers'

const SCOPE = 'openid email profile'

const expiredOrUsed = () =>
  new TRPCError({
    code: 'BAD_REQUEST',
    message:
      'This sign-in link is invalid, expired or was already used. Please start signing in again.',
  })

function knownProvider(ctx: Context, id: string): OidcProviderSettings {
  const provider = findProvider(ctx.config, id)
  if (!provider)
    throw new TRPCError({ code: 'NOT_FOUND', message: `Signing in with "${id}" is not available.` })
  return provider
}

/** Starts an authorization-code + PKCE sign-in: remembers state, nonce and verifier, returns where to send the browser. */
export async function beginSignIn(
  ctx: Context,
  providerId: string,
  returnTo: string,
): Promise<string> {
  const provider = knownProvider(ctx, providerId)
  const oidc = await providerClient(ctx.config, provider)
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const browserHash = bindBrowser(ctx.req, ctx.res, ctx.config.COOKIE_SECURE)
  await savePendingSignIn(ctx.redis, state, {
    provider: provider.id,
    nonce,
    codeVerifier,
    returnTo,
    browserHash,
  })
  const url = client.buildAuthorizationUrl(oidc, {
    redirect_uri: redirectUri(ctx.config),
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
  return url.toString()
}

/** Turns the provider's refusal into a message a person understands; anything unexpected is rethrown as is. */
function explainGrantFailure(provider: OidcProviderSettings, error: unknown): unknown {
  if (error instanceof client.AuthorizationResponseError) {
    const cancelled = error.error === 'access_denied'
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: cancelled
        ? `Signing in with ${provider.name} was cancelled.`
        : `${provider.name} refused the sign-in (${error.error_description ?? error.error}).`,
      cause: error,
    })
  }
  if (error instanceof client.ResponseBodyError) {
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: `${provider.name} did not accept this sign-in (${error.error}). Please start signing in again.`,
      cause: error,
    })
  }
  return error
}

/** Finishes a sign-in from the callback query: checks state (single use, same browser), PKCE, nonce and issuer. */
export async function finishSignIn(
  ctx: Context,
  query: string,
): Promise<{ profile: ProviderProfile; returnTo: string }> {
  const params = new URLSearchParams(query)
  const state = params.get('state')
  if (!state) throw expiredOrUsed()
  const pending = await takePendingSignIn(ctx.redis, state)
  if (!pending) throw expiredOrUsed()
  if (!isSameBrowser(ctx.req, pending.browserHash)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This sign-in was started in another browser. Please start signing in again here.',
    })
  }
  const provider = knownProvider(ctx, pending.provider)
  const oidc = await providerClient(ctx.config, provider)
  const callback = new URL(redirectUri(ctx.config))
  callback.search = params.toString()
  const tokens = await client
    .authorizationCodeGrant(oidc, callback, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    })
    .catch((error: unknown) => {
      throw explainGrantFailure(provider, error)
    })
  const idToken = tokens.claims()
  if (!idToken) throw new Error(`OIDC provider "${provider.id}" returned no ID token`)
  // Providers that follow the spec strictly put email claims in userinfo, not in the ID token.
  const claims: Record<string, unknown> =
    typeof idToken.email === 'string'
      ? idToken
      : await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub)
  const email = EmailSchema.safeParse(claims.email)
  return {
    profile: {
      provider: provider.id,
      providerName: provider.name,
      subject: idToken.sub,
      email: email.success ? email.data : null,
      emailVerified: claims.email_verified === true,
      displayName:
        typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : null,
    },
    returnTo: pending.returnTo,
  }
}
