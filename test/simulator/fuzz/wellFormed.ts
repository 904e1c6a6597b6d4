import type { FuzzResponse } from './send'
import type { Style } from './catalogue'

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** What the logo and stream routes answer besides JSON. */
const MEDIA_TYPES = ['image/png', 'application/vnd.apple.mpegurl', 'video/mp4', 'audio/mp4', 'text/vtt']

const typeOf = (res: FuzzResponse): string => String(res.headers['content-type'] ?? '')

const json = (res: FuzzResponse): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(res.body.toString('utf8')) as unknown }
  } catch {
    return { ok: false }
  }
}

/** `{code, message}`: the not-found answer of every /api and /qa path, and the REST, plain and QA errors. */
const isCodeMessage = (v: unknown): boolean =>
  isObj(v) && typeof v.code === 'string' && typeof v.message === 'string'

const isEnvelope = (v: unknown): boolean =>
  isObj(v) &&
  typeof v.StatusCode === 'number' &&
  (v.Severity === 1 || v.Severity === 2 || v.Severity === 3) &&
  typeof v.StatusMessage === 'string' &&
  'Content' in v &&
  // An error's Content is null or details, never a success's content with a failing code.
  (v.StatusCode === 0) === (v.Severity === 1)

const isRpcAnswer = (v: unknown): boolean =>
  isObj(v) &&
  v.jsonrpc === '2.0' &&
  'id' in v &&
  'result' in v !== 'error' in v &&
  (!('error' in v) ||
    (isObj(v.error) && Number.isInteger(v.error.code) && typeof v.error.message === 'string'))

const isJsonApi = (v: unknown): boolean =>
  isObj(v) &&
  ('data' in v
    ? Array.isArray(v.data) || isObj(v.data)
    : Array.isArray(v.errors) &&
      v.errors.length > 0 &&
      v.errors.every(
        (e) =>
          isObj(e) &&
          typeof e.status === 'string' &&
          typeof e.code === 'string' &&
          typeof e.title === 'string',
      ))

/**
 * What is wrong with an answer, in the terms of the route's own style (docs/API.md), or
 * undefined when it is well formed. A 5xx is judged by the caller, not here.
 */
export const problemOf = (style: Style, method: string, res: FuzzResponse): string | undefined => {
  const { status } = res
  if (method === 'HEAD') return undefined
  if (status === 204) return res.body.length === 0 ? undefined : 'a 204 with a body'
  if (status >= 300 && status < 400) return res.headers.location ? undefined : `a ${status} without Location`
  const type = typeOf(res)
  const parsed = json(res)
  const v = parsed.ok ? parsed.value : undefined
  const isJsonType = type.startsWith('application/json') || type.startsWith('application/vnd.api+json')
  if (isJsonType && !parsed.ok) return `content-type ${type} but the body is not JSON`
  // Any /api or /qa path a route does not serve (also a known path with another method).
  if (status === 404 && isCodeMessage(v)) return undefined
  switch (style) {
    case 'envelope':
      if (isEnvelope(v)) return undefined
      return 'not an envelope {StatusCode, Severity, StatusMessage, Content}'
    case 'rpc':
      if (status === 200 && (isRpcAnswer(v) || (Array.isArray(v) && v.length > 0 && v.every(isRpcAnswer))))
        return undefined
      return 'not a JSON-RPC 2.0 answer'
    case 'jsonapi':
      if (isJsonApi(v) && type.startsWith('application/vnd.api+json')) return undefined
      return 'not a JSON:API document with its media type'
    case 'rest':
      if (status < 300 ? isObj(v) : isCodeMessage(v)) return undefined
      return 'not a REST answer ({code, message} on errors)'
    case 'plain':
      if (status === 416 && res.body.length === 0) return undefined
      if (status < 300 && (MEDIA_TYPES.some((t) => type.startsWith(t)) || isObj(v))) return undefined
      if (status >= 400 && isCodeMessage(v)) return undefined
      return 'not a plain JSON, image or media answer'
    case 'qa':
      if (status < 300 && (type.startsWith('text/') || isObj(v))) return undefined
      if (status === 503 && type.startsWith('text/plain')) return undefined
      if (status >= 400 && isCodeMessage(v)) return undefined
      return 'not a QA answer ({code, message} on errors)'
    case 'static':
      if (type.startsWith('text/') || isObj(v)) return undefined
      return 'not a page, a file or settings'
  }
}
