import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs'
import type { Logger } from '../../platform/log'
import type { KeyValueStore } from '../storage/keyValueStore'

export interface SessionUser {
  id: string
  name: string
  customerId: string | undefined
}

/** What the operator grants on sign-in. `renewKey` lets the box sign in again without a password. */
export interface SessionGrant {
  token: string
  /** Unix seconds. */
  expiresAt: number
  user: SessionUser | undefined
  renewKey: string | undefined
}

export type Session =
  | { kind: 'none' }
  | { kind: 'anonymous'; token: string; expiresAt: number }
  | { kind: 'user'; token: string; expiresAt: number; user: SessionUser; renewKey: string | undefined }

export interface SessionApi {
  login(username: string, password: string, deviceId: string): Promise<SessionGrant>
  loginAnonymous(deviceId: string): Promise<SessionGrant>
  /** Signs the same user in again with the key of an earlier grant. */
  renew(renewKey: string, deviceId: string): Promise<SessionGrant>
  logout(token: string): Promise<void>
}

export interface SessionStoreOptions {
  api: SessionApi
  storage: KeyValueStore
  deviceId: string
  /** Unix seconds. */
  nowSeconds: () => number
  isAuthError: (error: unknown) => boolean
  log: Logger
}

const STORAGE_KEY = 'session'
/** A token this close to its end is renewed before use rather than sent to be refused. */
const EXPIRY_MARGIN_SECONDS = 60

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

const reviveSession = (raw: unknown): Session | undefined => {
  if (!isRecord(raw) || typeof raw.token !== 'string' || typeof raw.expiresAt !== 'number') return undefined
  if (raw.kind === 'anonymous') return { kind: 'anonymous', token: raw.token, expiresAt: raw.expiresAt }
  const user = raw.user
  if (raw.kind !== 'user' || !isRecord(user) || typeof user.id !== 'string' || typeof user.name !== 'string')
    return undefined
  return {
    kind: 'user',
    token: raw.token,
    expiresAt: raw.expiresAt,
    user: {
      id: user.id,
      name: user.name,
      customerId: typeof user.customerId === 'string' ? user.customerId : undefined,
    },
    renewKey: typeof raw.renewKey === 'string' ? raw.renewKey : undefined,
  }
}

const sessionOf = (grant: SessionGrant): Session =>
  grant.user === undefined
    ? { kind: 'anonymous', token: grant.token, expiresAt: grant.expiresAt }
    : {
        kind: 'user',
        token: grant.token,
        expiresAt: grant.expiresAt,
        user: grant.user,
        renewKey: grant.renewKey,
      }

export interface SessionStore {
  /** Replays the current session to every subscriber. */
  session$: Observable<Session>
  readonly current: Session
  /** The user's id while one is signed in: stores key their caches by it. Replays the current one. */
  userId$: Observable<string | undefined>
  token(): string | undefined
  /** The saved session if it still has time, else a fresh anonymous one. */
  start(): Promise<void>
  login(username: string, password: string): Promise<void>
  logout(): Promise<void>
  /**
   * Runs a call with the session's token; if it comes back "authentication required",
   * signs in again (shared with every other call failing at the same time) and retries once.
   */
  authorised<T>(call: () => Promise<T>): Promise<T>
  /** The app closes: the streams complete. */
  dispose(): void
}

/**
 * Who is using the box. The token is kept in storage (never in a URL or a log line), handed
 * to the transport, and renewed once for everyone when calls come back "authentication
 * required": ten calls failing together cause one sign-in, then each is retried once.
 */
export const createSessionStore = (options: SessionStoreOptions): SessionStore => {
  const { api, storage, deviceId, log } = options
  const state = new BehaviorSubject<Session>({ kind: 'none' })
  let renewing: Promise<void> | undefined

  const adopt = async (session: Session): Promise<void> => {
    state.next(session)
    try {
      await storage.setItem(STORAGE_KEY, session)
    } catch {
      log.warn('session: not saved; it will last until the app closes')
    }
  }

  const signInAgain = async (current: Session): Promise<void> => {
    if (current.kind === 'user' && current.renewKey !== undefined) {
      try {
        await adopt(sessionOf(await api.renew(current.renewKey, deviceId)))
        return
      } catch (error: unknown) {
        if (!options.isAuthError(error)) throw error
        log.warn('session: the sign-in has ended; continuing without an account')
      }
    }
    await adopt(sessionOf(await api.loginAnonymous(deviceId)))
  }

  /** One renewal at a time; a caller whose token was already replaced needs none. */
  const renew = (staleToken: string | undefined): Promise<void> => {
    const current = state.value
    if (current.kind !== 'none' && current.token !== staleToken) return Promise.resolve()
    renewing ??= signInAgain(current).finally(() => {
      renewing = undefined
    })
    return renewing
  }

  const token = (): string | undefined => {
    const current = state.value
    return current.kind === 'none' ? undefined : current.token
  }

  return {
    session$: state.asObservable(),
    get current(): Session {
      return state.value
    },
    userId$: state.pipe(
      map((s) => (s.kind === 'user' ? s.user.id : undefined)),
      distinctUntilChanged(),
    ),
    token,

    async start(): Promise<void> {
      let saved: Session | undefined
      try {
        saved = reviveSession(await storage.getItem(STORAGE_KEY))
      } catch {
        saved = undefined
      }
      if (saved !== undefined && saved.kind !== 'none') {
        state.next(saved)
        if (saved.expiresAt - EXPIRY_MARGIN_SECONDS > options.nowSeconds()) return
        // Only the box's clock says it ran out, and a box's clock is often wrong at boot. A
        // user's sign-in that cannot be renewed is kept for the operator to judge: if it has
        // really ended, the first call says so and the fallback happens then, with its reason.
        if (saved.kind === 'user' && saved.renewKey === undefined) return
      }
      await renew(token())
    },

    async login(username: string, password: string): Promise<void> {
      await adopt(sessionOf(await api.login(username, password, deviceId)))
    },

    async logout(): Promise<void> {
      const current = token()
      if (current !== undefined) await api.logout(current).catch(() => undefined)
      await adopt(sessionOf(await api.loginAnonymous(deviceId)))
    },

    async authorised<T>(call: () => Promise<T>): Promise<T> {
      const used = token()
      try {
        return await call()
      } catch (error: unknown) {
        if (!options.isAuthError(error)) throw error
        await renew(used)
        return call()
      }
    },

    dispose() {
      state.complete()
    },
  }
}
