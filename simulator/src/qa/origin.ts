import type { IncomingHttpHeaders } from 'node:http'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** host:port as a URL of that scheme spells it (a default port left out), lower case. */
const hostOf = (scheme: string, host: string): string | undefined => {
  try {
    return new URL(`${scheme}//${host}`).host.toLowerCase()
  } catch {
    return undefined
  }
}

/**
 * Why a state-changing QA call must be refused, or undefined when it may go on. Loopback alone
 * does not stop a web page open on the QA's own desktop: its scripts may post to localhost (a
 * form needs no CORS). Browsers say where such a request comes from, so a call from another
 * origin (Origin's host:port differs from Host) or another site (Sec-Fetch-Site) is refused.
 * A call without those headers (curl, tests, scripts) is no browser's and goes through.
 */
export const crossOriginRefusal = (method: string, headers: IncomingHttpHeaders): string | undefined => {
  if (SAFE_METHODS.has(method.toUpperCase())) return undefined
  const site = headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') {
    return `The QA controls do not take ${method} from another site (Sec-Fetch-Site: ${site})`
  }
  const origin = headers.origin
  if (origin === undefined) return undefined
  let scheme: string
  let originHost: string
  try {
    const url = new URL(origin)
    scheme = url.protocol
    originHost = url.host.toLowerCase()
  } catch {
    return `The QA controls do not take ${method} from origin ${JSON.stringify(origin)}`
  }
  const host = headers.host === undefined ? undefined : hostOf(scheme, headers.host)
  if (originHost === '' || host === undefined || originHost !== host) {
    return `The QA controls do not take ${method} from another origin (${origin})`
  }
  return undefined
}
