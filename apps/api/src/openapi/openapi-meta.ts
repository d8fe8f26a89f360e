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
      const openapi = {
        method,
        path: restPathOf(path),
        tags: [path.split('.')[0] ?? path],
        protect: def.meta?.access !== 'public',
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
