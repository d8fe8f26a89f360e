import { generateOpenApiDocument, type OpenAPIObject, type OpenApiRouter } from 'trpc-to-openapi'

/** The REST API's base path; each procedure is served at `/api/<router>/<procedure>`. */
export const REST_BASE_PATH = '/api'

/** The OpenAPI 3 document of every procedure that carries an openapi meta. */
export function buildOpenApiDocument(appRouter: OpenApiRouter, baseUrl: string): OpenAPIObject {
  return generateOpenApiDocument(appRouter, {
    title: 'Emporium API',
    description:
      'REST twin of the tRPC API. Sign in with auth.login (session cookie; send an Origin header on mutations) or use a bearer token.',
    version: '1.0.0',
    baseUrl: `${baseUrl}${REST_BASE_PATH}`,
    securitySchemes: {
      Authorization: { type: 'http', scheme: 'bearer' },
    },
  })
}
