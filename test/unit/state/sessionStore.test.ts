/** @jest-environment node */
import {
  createSessionStore,
  type SessionApi,
  type SessionGrant,
} from '../../../src/state/session/sessionStore'
import { createMemoryStore } from '../../../src/state/storage/keyValueStore'
import type { Logger } from '../../../src/platform/log'
import { apiError } from '../../../src/api/errors'

class AuthRequired extends Error {}
const NOW = 1_800_000_000
const anna = { id: '1001', name: 'Anna Berg', customerId: '5001' }

const fakeApi = () => {
  let issued = 0
  const grant = (user?: typeof anna): SessionGrant => ({
    token: `token-${++issued}`,
    expiresAt: NOW + 3600,
    user,
    renewKey: user ? `renew-${issued}` : undefined,
  })
  const api = {
    login: jest.fn((username: string, password: string) =>
      username === 'anna' && password === 'anna'
        ? Promise.resolve(grant(anna))
        : Promise.reject(new AuthRequired('wrong password')),
    ),
    loginAnonymous: jest.fn(() => Promise.resolve(grant())),
    renew: jest.fn((key: string) =>
      key.startsWith('renew-') ? Promise.resolve(grant(anna)) : Promise.reject(new AuthRequired('ended')),
    ),
    logout: jest.fn(() => Promise.resolve()),
  } satisfies SessionApi
  return api
}

const logLines: string[] = []
const log: Logger = {
  debug: (m) => logLines.push(m),
  info: (m) => logLines.push(m),
  warn: (m) => logLines.push(m),
  error: (m) => logLines.push(m),
}

const makeStore = (api: SessionApi, storage = createMemoryStore()) =>
  createSessionStore({
    api,
    storage,
    deviceId: 'box-1',
    nowSeconds: () => NOW,
    isAuthError: (e) => e instanceof AuthRequired,
    log,
  })

describe('the session store', () => {
  it('starts anonymous on a new box and keeps the token in storage, not in the log', async () => {
    const api = fakeApi()
    const storage = createMemoryStore()
    const store = makeStore(api, storage)
    await store.start()
    expect(store.current).toMatchObject({ kind: 'anonymous', token: 'token-1' })
    expect(await storage.getItem('session')).toMatchObject({ token: 'token-1' })
    expect(logLines.join('\n')).not.toContain('token-1')
  })

  it('reuses a saved session that still has time, without a sign-in', async () => {
    const api = fakeApi()
    const storage = createMemoryStore()
    await storage.setItem('session', {
      kind: 'user',
      token: 'saved',
      expiresAt: NOW + 600,
      user: anna,
      renewKey: 'renew-0',
    })
    const store = makeStore(api, storage)
    await store.start()
    expect(store.current).toMatchObject({ kind: 'user', token: 'saved', user: anna })
    expect(api.loginAnonymous).not.toHaveBeenCalled()
    expect(api.renew).not.toHaveBeenCalled()
  })

  it('renews a saved user session that has run out, keeping the user', async () => {
    const api = fakeApi()
    const storage = createMemoryStore()
    await storage.setItem('session', {
      kind: 'user',
      token: 'old',
      expiresAt: NOW - 1,
      user: anna,
      renewKey: 'renew-0',
    })
    const store = makeStore(api, storage)
    await store.start()
    expect(api.renew).toHaveBeenCalledTimes(1)
    expect(store.current).toMatchObject({ kind: 'user', user: anna })
    expect(store.token()).not.toBe('old')
  })

  it('ignores a saved session that does not hold', async () => {
    const api = fakeApi()
    const storage = createMemoryStore()
    await storage.setItem('session', { kind: 'user', token: 5 })
    const store = makeStore(api, storage)
    await store.start()
    expect(store.current.kind).toBe('anonymous')
  })

  it('signs in and out; a wrong password changes nothing', async () => {
    const api = fakeApi()
    const store = makeStore(api)
    await store.start()
    await expect(store.login('anna', 'nope')).rejects.toThrow('wrong password')
    expect(store.current.kind).toBe('anonymous')
    await store.login('anna', 'anna')
    expect(store.current).toMatchObject({ kind: 'user', user: anna })
    const userToken = store.token()
    await store.logout()
    expect(api.logout).toHaveBeenCalledWith(userToken)
    expect(store.current.kind).toBe('anonymous')
  })

  it('passes a sign-in lock on as the API gave it, and stays as it was', async () => {
    const api = fakeApi()
    const locked = apiError({
      kind: 'locked',
      reason: 'Too many wrong passwords',
      code: 47,
      lockedUntil: NOW + 30,
    })
    api.login.mockImplementationOnce(() => Promise.reject(locked))
    const store = makeStore(api)
    await store.start()
    await expect(store.login('anna', 'anna')).rejects.toBe(locked)
    expect(store.current.kind).toBe('anonymous')
  })

  it('renews once for ten calls refused together, then retries each once', async () => {
    const api = fakeApi()
    const store = makeStore(api)
    await store.login('anna', 'anna')
    const refused = store.token()
    const attempts: Array<string | undefined> = []
    const call = () => {
      attempts.push(store.token())
      return store.token() === refused ? Promise.reject(new AuthRequired('30')) : Promise.resolve('ok')
    }
    const results = await Promise.all(Array.from({ length: 10 }, () => store.authorised(call)))
    expect(results).toEqual(Array(10).fill('ok'))
    expect(api.renew).toHaveBeenCalledTimes(1)
    expect(attempts).toHaveLength(20)
    expect(attempts.filter((t) => t === refused)).toHaveLength(10)
  })

  it('does not loop when the call is refused again after the renewal', async () => {
    const api = fakeApi()
    const store = makeStore(api)
    await store.start()
    const call = jest.fn(() => Promise.reject(new AuthRequired('30')))
    await expect(store.authorised(call)).rejects.toBeInstanceOf(AuthRequired)
    expect(call).toHaveBeenCalledTimes(2)
  })

  it('falls back to anonymous when the user sign-in cannot be renewed', async () => {
    const api = fakeApi()
    const storage = createMemoryStore()
    await storage.setItem('session', {
      kind: 'user',
      token: 'old',
      expiresAt: NOW - 1,
      user: anna,
      renewKey: 'revoked',
    })
    const store = makeStore(api, storage)
    await store.start()
    expect(store.current.kind).toBe('anonymous')
  })

  it('passes other errors through without renewing', async () => {
    const api = fakeApi()
    const store = makeStore(api)
    await store.start()
    await expect(store.authorised(() => Promise.reject(new Error('server')))).rejects.toThrow('server')
    expect(api.loginAnonymous).toHaveBeenCalledTimes(1)
  })
})
