/**
 * The one logger. Secrets (tokens, PINs, passwords) are masked before anything reaches the
 * console, whatever shape they arrive in, because device logs are collected by operators.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, detail?: unknown): void
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

const SECRET_KEY = /token|pin|password|passwd|secret|authorization|cookie/i
const SECRET_IN_TEXT = /((?:token|pin|password|authorization)["']?\s*[:=]\s*["']?)([^"'&\s,}]+)/gi
const BEARER = /(Bearer\s+)([^\s"',}]+)/gi
export const MASK = '***'

export const redact = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string')
    return value.replace(BEARER, `$1${MASK}`).replace(SECRET_IN_TEXT, `$1${MASK}`)
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) return `${value.name}: ${String(redact(value.message))}`
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? MASK : redact(v, depth + 1)
  }
  return out
}

export interface ConsoleLike {
  debug(...args: unknown[]): void
  info(...args: unknown[]): void
  warn(...args: unknown[]): void
  error(...args: unknown[]): void
}

export const createLogger = (
  scope: string,
  sink: ConsoleLike = console,
  minLevel: LogLevel = 'info',
): Logger => {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error']
  const write = (level: LogLevel, message: string, detail?: unknown): void => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return
    const line = `[Kanal:${scope}] ${String(redact(message))}`
    if (detail === undefined) sink[level](line)
    else sink[level](line, redact(detail))
  }
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  }
}
