import type { FastifyInstance } from 'fastify'
import { isRecord, type Api } from '../http/api'
import { SimError } from '../model/context'
import { parseFault } from '../faults'
import { findUser, type UserRow } from '../model/users'
import { syncUser } from '../model/sync'
import { readStamps, type Stamps } from '../model/stamps'
import { addRecording, cancelRecording, deleteRecording, protectRecording } from '../model/recordings'
import { expireLicence, purchaseProduct } from '../model/licences'
import { corruptSettings, updateSettings } from '../model/subscription'
import { addIdentity, registerDevice, removeDevice, removeIdentity } from '../model/devices'
import { getService, grantService, revokeService } from '../model/services'
import { recordChange } from '../model/accountChanges'
import { bumpStamp } from '../model/stamps'
import { setResume } from '../model/resumes'
import { removeWatchHistory } from '../model/watchHistory'
import { tagItem } from '../model/tags'
import { isScenarioName } from '../config'
import { LIMITS } from '../limits'
import { crossOriginRefusal } from '../qa/origin'
import { fail, failWith } from '../qa/reply'
import { clockTarget } from '../qa/clockTargets'
import { registerQaEvents } from './qaEvents'
import { registerQaSessions } from './qaSessions'
import { registerQaUsers } from './qaUsers'
import { registerQaImport } from './qaImport'
import { registerQaConsole } from './qaConsole'

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (/^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address) || address === '::1')

/** The names of the stamps that differ between two readings. */
const movedStamps = (before: Stamps, after: Stamps): (keyof Stamps)[] =>
  (Object.keys(after) as (keyof Stamps)[]).filter((name) => before[name] !== after[name])

const text = (body: Record<string, unknown>, key: string): string => {
  const v = body[key]
  if (typeof v === 'number') return String(v)
  if (typeof v !== 'string' || v === '') throw new SimError('invalid', `${key} is required`)
  return v
}

/** Acts for a user as if from one of its other devices, so that its stamps move. */
const anotherDevice = (api: Api, user: UserRow, action: string, body: Record<string, unknown>): unknown => {
  const sim = api.sim
  switch (action) {
    case 'addRecording':
      return addRecording(sim, user, text(body, 'programmeId'), body.series === true)
    case 'cancelRecording':
      return cancelRecording(sim, user, text(body, 'recordingId'))
    case 'deleteRecording':
      return deleteRecording(sim, user, text(body, 'recordingId'))
    case 'protectRecording':
      return protectRecording(sim, user, text(body, 'recordingId'), body.protected !== false)
    case 'buyProduct':
      return sim.db.transaction(() => purchaseProduct(sim, user.id, text(body, 'productId')))()
    case 'expireLicence':
      return sim.db.transaction(() => expireLicence(sim, user.id, Number(text(body, 'licenseId'))))()
    case 'changeSettings': {
      if (user.customer_id === null) throw new SimError('invalid', 'The user is not a customer')
      const admin = sim.db.prepare<[], UserRow>("SELECT * FROM users WHERE role = 'admin' LIMIT 1").get()
      if (!admin) throw new SimError('internal', 'No admin user')
      return updateSettings(sim, admin, user.customer_id, body.settings)
    }
    case 'addDevice':
      return sim.db.transaction(() =>
        registerDevice(sim, user.id, {
          deviceId: text(body, 'deviceId'),
          deviceName: typeof body.deviceName === 'string' ? body.deviceName : 'Other device',
          deviceModel: typeof body.deviceModel === 'string' ? body.deviceModel : 'Unknown',
          ...(typeof body.previousDeviceId === 'string' ? { previousDeviceId: body.previousDeviceId } : {}),
        }),
      )()
    case 'removeDevice':
      return sim.db.transaction(() => removeDevice(sim, user.id, text(body, 'deviceId')))()
    case 'addService': {
      const serviceId = text(body, 'serviceId')
      // A subscription of document 001 is owned; any other id is an outside service (a streaming account).
      if (/^\d+$/.test(serviceId) && getService(sim, Number(serviceId))) {
        return sim.db.transaction(() => grantService(sim, user, Number(serviceId), false))()
      }
      return sim.db.transaction(() => {
        recordChange(sim, user.id, 'SERVICE_ADDED', {
          serviceId,
          serviceName: typeof body.serviceName === 'string' ? body.serviceName : serviceId,
        })
        bumpStamp(sim, user.id, 'user')
      })()
    }
    case 'removeService':
      return sim.db.transaction(() => revokeService(sim, user.id, Number(text(body, 'serviceId'))))()
    case 'saveResume':
      return setResume(sim, user.id, body.contentId, body.position)
    case 'removeWatchHistory':
      return {
        removed: removeWatchHistory(
          sim,
          user.id,
          body.entryId === undefined ? undefined : text(body, 'entryId'),
        ),
      }
    case 'addFavourite':
    case 'removeFavourite':
      return tagItem(
        sim,
        user.id,
        'Channel',
        text(body, 'channelId'),
        'favourite',
        action === 'removeFavourite',
      )
    case 'disablePin':
    case 'enablePin': {
      const enabled = action === 'enablePin'
      const was = user.pin_enabled === 1
      sim.db.prepare('UPDATE users SET pin_enabled = ? WHERE id = ?').run(enabled ? 1 : 0, user.id)
      if (was && !enabled) bumpStamp(sim, user.id, 'user')
      return { enabled }
    }
    case 'addIdentity':
      return addIdentity(sim, user.id, text(body, 'type'), text(body, 'identity'))
    case 'removeIdentity':
      return removeIdentity(sim, user.id, text(body, 'type'), text(body, 'identity'))
    default:
      throw new SimError('invalid', `Unknown action ${action}`)
  }
}

/**
 * The QA control API under /qa, for tests, demos and the QA console; only loopback callers get
 * in, and state-changing calls only from the console's own origin (or from no browser at all).
 */
export const registerQa = (app: FastifyInstance, api: Api): void => {
  const sim = api.sim
  app.register(
    async (qa) => {
      qa.addHook('onRequest', async (req, reply) => {
        if (!isLoopback(req.socket.remoteAddress)) {
          return fail(reply, 403, 'access_denied', 'The QA controls answer on loopback only')
        }
        const refusal = crossOriginRefusal(req.method, req.headers)
        if (refusal !== undefined) return fail(reply, 403, 'cross_origin', refusal)
        return undefined
      })

      const clockState = (): { now: number; speed: number } => ({
        now: sim.clock.now(),
        speed: sim.clock.speed(),
      })
      qa.get('/clock', async () => clockState())
      qa.post('/clock', async (req, reply) => {
        if (req.body !== undefined && req.body !== null && !isRecord(req.body))
          return fail(reply, 400, 'invalid', 'the body must be a JSON object')
        const body = isRecord(req.body) ? req.body : {}
        const { set, advance, speed, to } = body
        const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
        if ((set !== undefined && !isNum(set)) || (advance !== undefined && !isNum(advance))) {
          return fail(reply, 400, 'invalid', 'set and advance must be numbers of seconds')
        }
        if (isNum(set) || isNum(advance)) {
          const target = (isNum(set) ? set : sim.clock.now()) + (isNum(advance) ? advance : 0)
          if (!(target >= 0 && target <= LIMITS.clockSeconds))
            return fail(
              reply,
              400,
              'invalid',
              `the clock must stay within 0..${LIMITS.clockSeconds} (1970 to 9999)`,
            )
        }
        if (speed !== undefined && (!isNum(speed) || speed < 0 || speed > 100000)) {
          return fail(reply, 400, 'invalid', 'speed must be a number in 0..100000')
        }
        if (to !== undefined && (set !== undefined || advance !== undefined)) {
          return fail(reply, 400, 'invalid', 'to goes alone: not with set or advance')
        }
        let aimed: ReturnType<typeof clockTarget> | undefined
        try {
          if (to !== undefined) aimed = clockTarget(sim, body)
        } catch (e) {
          return failWith(reply, e)
        }
        if (isNum(set)) sim.clock.set(set)
        if (isNum(advance)) sim.clock.advance(advance)
        if (aimed) sim.clock.set(aimed.setTo)
        if (isNum(speed)) sim.clock.setSpeed(speed)
        const state = clockState()
        api.events.emit({ type: 'clock', data: state })
        return aimed ? { ...state, target: aimed.target } : state
      })

      const configState = (): { maxCacheSeconds: number; licenceProcessingSeconds: number } => ({
        maxCacheSeconds: sim.config.maxCacheSeconds,
        licenceProcessingSeconds: sim.config.licenceProcessingSeconds,
      })
      qa.get('/config', async () => configState())
      qa.post('/config', async (req, reply) => {
        const body = isRecord(req.body) ? req.body : {}
        const { maxCacheSeconds, licenceProcessingSeconds } = body
        const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1
        if (maxCacheSeconds !== undefined && !isSeconds(maxCacheSeconds)) {
          return fail(reply, 400, 'invalid', 'maxCacheSeconds must be a whole number >= 1')
        }
        if (licenceProcessingSeconds !== undefined && !isSeconds(licenceProcessingSeconds)) {
          return fail(reply, 400, 'invalid', 'licenceProcessingSeconds must be a whole number >= 1')
        }
        if (isSeconds(licenceProcessingSeconds))
          sim.config.licenceProcessingSeconds = licenceProcessingSeconds
        if (isSeconds(maxCacheSeconds) && maxCacheSeconds !== sim.config.maxCacheSeconds) {
          sim.config.maxCacheSeconds = maxCacheSeconds
          // Document 000: a change of the maximum cache time moves every Recordings stamp.
          sim.db.transaction(() => {
            const users = sim.db.prepare<[], { user_id: string }>('SELECT user_id FROM user_stamps').all()
            for (const u of users) bumpStamp(sim, u.user_id, 'recordings')
          })()
        }
        return configState()
      })

      qa.get('/faults', async () => ({ faults: api.faults.list() }))
      qa.post('/faults', async (req, reply) => {
        try {
          return reply.code(201).send(api.faults.add(parseFault(req.body)))
        } catch (e) {
          return fail(reply, 400, 'invalid', e instanceof Error ? e.message : String(e))
        }
      })
      qa.delete('/faults', async () => {
        api.faults.clear()
        return { faults: [] }
      })

      qa.get('/requests', async (req) => {
        const query = req.query as Record<string, string | undefined>
        const limit = Number(query.limit ?? '')
        return { requests: api.requests.list(Number.isInteger(limit) && limit > 0 ? limit : undefined) }
      })
      qa.delete('/requests', async () => {
        api.requests.clear()
        return { requests: [] }
      })

      qa.post('/reset', async (req, reply) => {
        const scenario = isRecord(req.body) ? req.body.scenario : undefined
        if (!isScenarioName(scenario))
          return fail(reply, 400, 'invalid', 'scenario must be demo, empty or large')
        return api.reset(scenario)
      })

      qa.post('/corrupt-settings', async (req, reply) => {
        const customerId = isRecord(req.body) ? req.body.customerId : undefined
        if (typeof customerId !== 'string') return fail(reply, 400, 'invalid', 'customerId is required')
        try {
          corruptSettings(sim, customerId)
          return { ok: true }
        } catch (e) {
          return failWith(reply, e)
        }
      })

      qa.post('/another-device', async (req, reply) => {
        const body = isRecord(req.body) ? req.body : {}
        const user = typeof body.userId === 'string' ? findUser(sim, body.userId) : undefined
        if (!user) return fail(reply, 404, 'notFound', 'userId names no user (give an id or a username)')
        if (typeof body.action !== 'string') return fail(reply, 400, 'invalid', 'action is required')
        try {
          // Synced first, so that "moved" is what the action moved, not what the clock did.
          syncUser(sim, user)
          const before = readStamps(sim, user.id)
          const result = anotherDevice(api, user, body.action, body)
          const stamps = readStamps(sim, user.id)
          return { ok: true, result: result ?? null, stamps, moved: movedStamps(before, stamps) }
        } catch (e) {
          return failWith(reply, e)
        }
      })

      registerQaEvents(qa, api)
      registerQaUsers(qa, api)
      registerQaSessions(qa, api)
      registerQaImport(qa, api)
      registerQaConsole(qa, api)
    },
    { prefix: '/qa' },
  )
}
