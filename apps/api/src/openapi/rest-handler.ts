import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type http from 'node:http'
import path from 'node:path'
import type { AnyTRPCRouter } from '@trpc/server'
import { createOpenApiNodeHttpHandler, type OpenApiRouter } from 'trpc-to-openapi'
import type { ApiDeps } from '../deps'
import { createContextFactory } from '../context'
import { MAX_UPLOAD_BODY_BYTES } from '../protection/http-hardening'
import { attachOpenApiMeta } from './openapi-meta'
import { buildOpenApiDocument, REST_BASE_PATH } from './openapi-document'
import { prepareRestInputs, setTypedQuery } from './query-input'

const DOCS_PATH = '/docs'
const SWAGGER_DIR = path.dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
)
const SWAGGER_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
  'swagger-ui-standalone-preset.js': 'text/javascript',
}

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Emporium API</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/docs-init.js"></script></body></html>`

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs' })`

/**
 * REST twin of the tRPC API: `/api/<router>/<procedure>` with the same context (cookie or bearer
 * session, Origin check, rate limits), `/openapi.json`, and Swagger UI at `/docs` served locally.
 * Returns a handler that answers true when it took the request.
 */
export function createRestHandler(anyRouter: AnyTRPCRouter, deps: ApiDeps) {
  // The routers' Meta does not declare the openapi key, which attachOpenApiMeta adds at start.
  const appRouter = anyRouter as unknown as OpenApiRouter
  attachOpenApiMeta(appRouter)
  const queryInputs = prepareRestInputs(appRouter._def.procedures)
  const handler = createOpenApiNodeHttpHandler<
    OpenApiRouter,
    http.IncomingMessage,
    http.ServerResponse
  >({
    router: appRouter,
    maxBodySize: MAX_UPLOAD_BODY_BYTES,
    createContext: createContextFactory(deps),
    onError({ error, path: procedure }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        deps.logger.error({ err: error, path: procedure }, 'REST internal error')
    },
  })
  let document: string | undefined
  const documentJson = (req: http.IncomingMessage) => {
    const host = req.headers.host ?? `${deps.config.API_HOST}:${deps.config.API_PORT}`
    document ??= JSON.stringify(buildOpenApiDocument(appRouter, `http://${host}`))
    return document
  }
  return (req: http.IncomingMessage, res: http.ServerResponse, urlPath: string): boolean => {
    if (urlPath === '/openapi.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(documentJson(req))
      return true
    }
    if (urlPath === DOCS_PATH || urlPath === `${DOCS_PATH}/`) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(DOCS_PAGE)
      return true
    }
    if (urlPath === `${DOCS_PATH}/docs-init.js`) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(DOCS_INIT)
      return true
    }
    const asset = urlPath.startsWith(`${DOCS_PATH}/`) ? urlPath.slice(DOCS_PATH.length + 1) : ''
    const type = SWAGGER_FILES[asset]
    if (type) {
      readFile(path.join(SWAGGER_DIR, asset))
        .then((body) => res.writeHead(200, { 'content-type': type }).end(body))
        .catch((error: unknown) => {
          deps.logger.error({ err: error, asset }, 'swagger asset failed')
          if (!res.headersSent) res.writeHead(500).end()
        })
      return true
    }
    if (urlPath !== REST_BASE_PATH && !urlPath.startsWith(`${REST_BASE_PATH}/`)) return false
    const rest = (req.url ?? '/').slice(REST_BASE_PATH.length)
    req.url = rest.startsWith('/') ? rest : `/${rest}`
    const failed = (error: unknown) => {
      deps.logger.error({ err: error }, 'REST request failed')
      if (!res.headersSent) res.writeHead(500).end()
    }
    try {
      const url = new URL(`http://127.0.0.1${req.url}`)
      const procedurePath = url.pathname.replace(/(.)\/$/, '$1').toLowerCase()
      const inputs = req.method === 'GET' && queryInputs.get(procedurePath)
      if (inputs) setTypedQuery(req, url, inputs)
    } catch (error) {
      failed(error)
      return true
    }
    handler(req, res).catch(failed)
    return true
  }
}
