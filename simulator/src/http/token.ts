import type { FastifyRequest } from 'fastify'

/** The bearer token of the Authorization header, if any. */
export const bearerToken = (req: FastifyRequest): string | undefined => {
  const header = req.headers.authorization
  if (typeof header !== 'string') return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

/** A query string that carries something like a token: refused so that none lands in a URL or a log. */
export const hasTokenInQuery = (url: string): boolean => {
  const q = url.indexOf('?')
  if (q === -1) return false
  const params = new URLSearchParams(url.slice(q + 1))
  for (const key of params.keys()) {
    if (/token|authorization|session/i.test(key)) return true
  }
  return false
}
