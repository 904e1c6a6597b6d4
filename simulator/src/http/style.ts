/**
 * The four wire styles of the operator APIs. Errors, faults and refusals are sent in the style
 * of the route they hit, so that a client meets each failure in the shape it must handle.
 */
export type RouteStyle = 'envelope' | 'rest' | 'jsonapi' | 'rpc' | 'plain'

export const pathOf = (url: string): string => {
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}

export const routeStyle = (path: string): RouteStyle => {
  if (path === '/api/rpc') return 'rpc'
  if (path.startsWith('/api/iptv/')) return 'rest'
  if (path === '/api/products' || path.startsWith('/api/user/')) return 'jsonapi'
  if (/^\/api\/[A-Z]/.test(path)) return 'envelope'
  return 'plain'
}

export const JSON_API_TYPE = 'application/vnd.api+json'

export const contentTypeOf = (style: RouteStyle): string =>
  style === 'jsonapi' ? JSON_API_TYPE : 'application/json; charset=utf-8'

/** Envelope StatusCodes (docs/API.md). */
export const STATUS = {
  OK: 0,
  AuthenticationRequired: 30,
  NotFound: 40,
  InvalidParameter: 41,
  NotAllowed: 42,
  QuotaExceeded: 43,
  Conflict: 44,
  PinRequired: 45,
  PinLocked: 46,
  LoginLocked: 47,
  InternalError: 50,
} as const

export const STATUS_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(STATUS).map(([name, code]) => [code, name]),
)

export interface Envelope {
  StatusCode: number
  Severity: 1 | 2 | 3
  StatusMessage: string
  Content: unknown
}

export const envelopeOk = (content: unknown): Envelope => ({
  StatusCode: 0,
  Severity: 1,
  StatusMessage: 'OK',
  Content: content,
})

export const envelopeError = (code: number, message: string, details: unknown = null): Envelope => ({
  StatusCode: code,
  Severity: 3,
  StatusMessage: message,
  Content: details,
})

export const JSON_RPC_ERRORS = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  authenticationRequired: -32001,
} as const

/** A failure of the HTTP layer itself (bad JSON, a fault, a crash) in a route's own style. */
export const errorInStyle = (
  style: RouteStyle,
  status: number,
  code: string,
  message: string,
): { status: number; contentType: string; body: unknown } => {
  const contentType = contentTypeOf(style)
  switch (style) {
    case 'envelope':
      return {
        status,
        contentType,
        body: envelopeError(status >= 500 ? STATUS.InternalError : STATUS.InvalidParameter, message),
      }
    case 'jsonapi':
      return { status, contentType, body: { errors: [{ status: String(status), code, title: message }] } }
    case 'rpc':
      return {
        status: 200,
        contentType,
        body: {
          jsonrpc: '2.0',
          id: null,
          error: {
            code:
              code === 'bad_json'
                ? JSON_RPC_ERRORS.parse
                : status >= 500
                  ? JSON_RPC_ERRORS.internal
                  : JSON_RPC_ERRORS.invalidRequest,
            message,
          },
        },
      }
    default:
      return { status, contentType, body: { code, message } }
  }
}
