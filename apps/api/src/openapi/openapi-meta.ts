import type { AnyTRPCProcedure } from '@trpc/server'
import { generateOpenApiDocument, type OpenApiMeta, type OpenApiRouter } from 'trpc-to-openapi'
import type { Meta } from '../trpc'

/** Roles whose procedures are also served as REST; admin tools stay tRPC-only. */
const REST_ACCESS = new Set<Meta['access']>(['public', 'authed', 'seller'])

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription'
  meta?: Partial<Meta> & OpenApiMeta
}

function defOf(procedure: AnyTRPCProcedure): ProcedureDef {
  return (procedure as unknown as { _def: ProcedureDef })._def
}

/** `cart.addLine` → `/cart/addLine`: one REST path per procedure, under the `/api` base URL. */
export function restPathOf(procedurePath: string): string {
  return `/${procedurePath.split('.').join('/')}`
}

/** Refusals any procedure may answer with: bad input, a missing or taken resource, limits, outages. */
const COMMON_ERRORS: Record<number, string> = {
  400: 'Invalid input data',
  404: 'Not found',
  409: 'Conflicts with the current state',
  429: 'Too many requests; retry after the time the message gives',
  500: 'Internal server error',
  503: 'A service the API needs is down for a moment; nothing was changed',
}

/** A signed-in procedure refuses callers without a session (401) or without the role (403). */
const SESSION_ERRORS: Record<number, string> = {
  401: 'Sign in first (session cookie or bearer token)',
  403: 'Insufficient access',
}

/** A POST also refuses cross-site cookie calls (403), unmet preconditions, big or non-JSON bodies. */
const BODY_ERRORS: Record<number, string> = {
  403: 'Insufficient access, or a cookie-signed change from another site',
  412: 'A precondition of the change does not hold',
  413: 'Request body too large',
  415: 'The body must be JSON (content-type application/json)',
}

/** Refusals particular to one public procedure. */
const PROCEDURE_ERRORS: Record<string, Record<number, string>> = {
  'auth.login': { 401: 'Email or password is incorrect' },
}

function errorResponsesOf(
  path: string,
  method: 'GET' | 'POST',
  protect: boolean,
): Record<number, string> {
  return {
    ...COMMON_ERRORS,
    ...(protect ? SESSION_ERRORS : {}),
    ...(method === 'POST' ? BODY_ERRORS : {}),
    ...PROCEDURE_ERRORS[path],
  }
}

function describable(appRouter: OpenApiRouter, restPath: string): boolean {
  try {
    generateOpenApiDocument(appRouter, {
      title: 'probe',
      version: '0',
      baseUrl: '/',
      filter: ({ metadata }) => metadata.openapi.path === restPath,
    })
    return true
  } catch {
    return false
  }
}

/**
 * Gives every public, authed and seller procedure an OpenAPI route (GET for queries, POST for
 * mutations and for queries whose input nests objects) from one place, so routers need no REST annotations. A procedure the generator
 * cannot describe (no zod output, a non-object input) is left tRPC-only. Returns the paths served.
 */
export function attachOpenApiMeta(appRouter: OpenApiRouter): string[] {
  const procedures = appRouter._def.procedures as Record<string, AnyTRPCProcedure>
  const served: string[] = []
  for (const [path, procedure] of Object.entries(procedures)) {
    const def = defOf(procedure)
    if (def.type === 'subscription' || !REST_ACCESS.has(def.meta?.access ?? 'public')) continue
    // A query whose input nests objects cannot be a query string: it takes a JSON body (POST).
    const methods = def.type === 'query' ? (['GET', 'POST'] as const) : (['POST'] as const)
    const before = def.meta
    for (const method of methods) {
      const protect = def.meta?.access !== 'public'
      const openapi = {
        method,
        path: restPathOf(path),
        tags: [path.split('.')[0] ?? path],
        protect,
        errorResponses: errorResponsesOf(path, method, protect),
      }
      def.meta = { ...before, openapi } as ProcedureDef['meta']
      if (describable(appRouter, openapi.path)) {
        served.push(path)
        break
      }
      def.meta = before
    }
  }
  return served
}
