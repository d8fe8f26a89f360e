import { z } from 'zod'

/**
 * Every setting of the platform, read once from the environment.
 * Defaults point at the local stack started by `npm run stack -- up` (see README, "Ports").
 * Optional services (Typesense, Stripe, SMTP) fall back to an embedded default when unset/empty.
 */
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional()

/** One "Sign in with …" provider (OpenID Connect); no secret = public client (PKCE only). */
const OidcProviderSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, 'a provider id is 1-32 lowercase letters, digits or dashes'),
  name: z.string().min(1),
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
})

const jsonText = z.string().transform((text, ctx) => {
  if (text.trim() === '') return []
  try {
    return JSON.parse(text) as unknown
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be valid JSON' })
    return z.NEVER
  }
})

/** Default key of personal data at rest (32 ASCII bytes): fine for development and tests, refused in production. */
export const DEV_PII_KEYS = 'dev:ZW1wb3JpdW0tZGV2ZWxvcG1lbnQtcGlpLWtleS0zMmI='

/** Default link-signing key: fine for development and tests, refused in production. */
const DEV_LINK_SECRET = 'emporium-development-notification-link-secret'

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** The worker's Prometheus `/metrics` (its own metrics and the Temporal SDK's); 0 = a free port. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
  /** Where shoppers open the web app; links in mails point here and it is an allowed Origin for mutations. */
  WEB_ORIGIN: z.url().default('http://127.0.0.1:5173'),
  /** Extra allowed Origins (comma-separated), e.g. a second front end. */
  EXTRA_ORIGINS: z.string().default(''),
  /** Trust `X-Forwarded-For` (only behind our own load balancer). */
  TRUST_PROXY: z.stringbool().default(false),
  /** Mark the session cookie Secure (browsers accept it on http://127.0.0.1 and localhost too). */
  COOKIE_SECURE: z.stringbool().default(true),
  DATABASE_URL: z.url().default('postgres://emporium:emporium@127.0.0.1:5432/emporium'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379/0'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('emporium'),
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
  TYPESENSE_URL: optionalUrl,
  TYPESENSE_API_KEY: z.string().default('emporium-dev-key'),
  STRIPE_SECRET_KEY: z.string().optional(),
  /** Publishable key (`pk_…`) given to browsers for Stripe Elements; unset/empty = no card Element. */
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().startsWith('pk_', 'a Stripe publishable key starts with pk_').optional())
    .optional(),
  /** Base URL of the Stripe API; points at stripe-mock in the local stack. Unset = api.stripe.com. */
  STRIPE_API_URL: optionalUrl,
  /** Signing secret of the Stripe webhook endpoint (`whsec_…`); the default only suits development and tests. */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).default('whsec_emporium_development'),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default('Emporium <no-reply@emporium.local>'),
  /** Mailpit's web UI / REST API, shown to developers and read by tests. */
  MAILPIT_URL: z.url().default('http://127.0.0.1:8025'),
  /** Folder of the local-disk object store (product images); unset = `.stack/storage` in the repo. */
  STORAGE_DIR: z.string().trim().optional(),
  /** Origin prefixed to `/media/<key>` image URLs (e.g. a CDN in front of the API); unset = relative URLs. */
  MEDIA_BASE_URL: optionalUrl,
  /** Set S3_BUCKET to store objects in an S3-compatible service instead of the local disk. */
  S3_BUCKET: z.string().trim().optional(),
  /** Endpoint of an S3-compatible service (MinIO, gofakes3, ...); unset = AWS S3. */
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style addressing (`endpoint/bucket/key`), which most self-hosted S3 servers need. */
  S3_FORCE_PATH_STYLE: z.stringbool().default(true),
  /** "Sign in with …" providers, a JSON array of `{ id, name, issuer, clientId, clientSecret? }`; empty = none. */
  OIDC_PROVIDERS: jsonText.pipe(z.array(OidcProviderSchema)).default([]),
  /** HMAC key of signed links in mails (unsubscribe, cart restore); set a long random value in production. */
  NOTIFICATION_LINK_SECRET: z
    .string()
    .min(32, 'use at least 32 characters')
    .default(DEV_LINK_SECRET),
  /**
   * Key-encryption keys of personal data at rest, `id:base64(32 bytes),id:…`: the current one
   * seals new values, the others only open old ones until those are re-wrapped (`rewrapPii`).
   */
  PII_ENCRYPTION_KEYS: z.string().min(1).default(DEV_PII_KEYS),
  /** Id of the current key in PII_ENCRYPTION_KEYS. */
  PII_ENCRYPTION_KEY_ID: z.string().min(1).default('dev'),
  /** Where OpenTelemetry traces go: nowhere (default), printed to stdout, or an OTLP/HTTP collector. */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'console', 'otlp']).default('none'),
  /** Base URL of the OTLP/HTTP collector (traces are posted to `<endpoint>/v1/traces`). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().default('http://127.0.0.1:4318'),
  /** How long a cart stays untouched before the first abandonment reminder (default 1 hour). */
  CART_ABANDONMENT_IDLE_MS: z.coerce.number().int().positive().default(3_600_000),
  /**
   * Comma-separated aggregate ids the worker's outbox relay is confined to; unset (the default)
   * relays every event. Lets a worker started by a test share a database without taking others' events.
   */
  OUTBOX_RELAY_AGGREGATE_IDS: z
    .string()
    .optional()
    .transform((v) => {
      const ids = (v ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0)
      return ids.length === 0 ? undefined : ids
    }),
})

export type Config = z.infer<typeof ConfigSchema>

/** Parses the environment (or the given record) into a typed config; throws a readable error on bad values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env)
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`)
  }
  if (
    parsed.data.NODE_ENV === 'production' &&
    parsed.data.NOTIFICATION_LINK_SECRET === DEV_LINK_SECRET
  ) {
    throw new Error('Invalid configuration:\nNOTIFICATION_LINK_SECRET must be set in production')
  }
  if (
    parsed.data.NODE_ENV === 'production' &&
    parsed.data.PII_ENCRYPTION_KEYS.includes(DEV_PII_KEYS)
  ) {
    throw new Error(
      'Invalid configuration:\nPII_ENCRYPTION_KEYS must not contain the development key in production',
    )
  }
  return parsed.data
}
