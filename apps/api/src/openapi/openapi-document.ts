import { generateOpenApiDocument, type OpenAPIObject, type OpenApiRouter } from 'trpc-to-openapi'

/** The REST API's base path; each procedure is served at `/api/<router>/<procedure>`. */
export const REST_BASE_PATH = '/api'

/** The OpenAPI 3 document of every procedure that carries an openapi meta. */
export function buildOpenApiDocument(appRouter: OpenApiRouter, baseUrl: string): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: 'Emporium API',
    description:
      'REST twin of the tRPC API. Sign in with auth.login (session cookie; send an Origin header on mutations) or use a bearer token.',
    version: '1.0.0',
    baseUrl: `${baseUrl}${REST_BASE_PATH}`,
    securitySchemes: {
      Authorization: { type: 'http', scheme: 'bearer' },
    },
  })
  declareErrorData(document)
  return document
}

/**
 * Error bodies carry the tRPC error shape's `data` (code, httpStatus, path, fieldErrors,
 * retryAfterSeconds) and zod issues with all their keys; the generated error schemas forbid
 * extra keys, so both are declared here.
 */
function declareErrorData(document: OpenAPIObject): void {
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (!name.startsWith('error.') || !('properties' in schema) || !schema.properties) continue
    schema.properties.data = {
      type: 'object',
      description: 'The error details: code, httpStatus, path, fieldErrors, retryAfterSeconds',
      additionalProperties: true,
    }
    // Zod issues carry code, path, origin and more beside the message.
    const issues = schema.properties.issues
    if (issues && 'items' in issues && issues.items && 'type' in issues.items)
      issues.items.additionalProperties = true
  }
}
