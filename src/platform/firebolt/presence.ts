/**
 * Whether the page runs on a Firebolt device, decided without loading or calling the SDK. The
 * SDK's own transport picks its channel from what the platform injected before the app's
 * scripts ran: a WebSocket endpoint in `window.__firebolt.endpoint`, a transport factory
 * (`__firebolt.getTransportLayer`), a transport already set up (`__firebolt.transport`), or the
 * older `window.ServiceManager` bridge. Without any of these the SDK would fall back to its
 * built-in mock, which answers made-up values: a plain browser must not use it.
 */
interface InjectedFirebolt {
  endpoint?: unknown
  getTransportLayer?: unknown
  transport?: unknown
}

interface PlatformGlobals {
  __firebolt?: InjectedFirebolt | null
  ServiceManager?: { version?: unknown } | null
}

export const isFireboltPresent = (win: Window): boolean => {
  const globals = win as unknown as PlatformGlobals
  const injected = globals.__firebolt
  if (injected) {
    if (typeof injected.endpoint === 'string' && /^wss?:\/\//.test(injected.endpoint)) return true
    if (typeof injected.getTransportLayer === 'function') return true
    if (injected.transport !== undefined && injected.transport !== null) return true
  }
  return Boolean(globals.ServiceManager?.version)
}
