import { BehaviorSubject, Observable, Subject, Subscription } from 'rxjs'
import { NO_CAPABILITIES, type Capabilities } from '../../domain/channels'
import {
  clampPosition,
  isAtLiveEdge,
  liveEdgeAt,
  mediaAdvance,
  mediaTimeAt,
  playbackRules,
  resumeContentId,
  resumeOffer,
  resumePositionOf,
  seekBounds,
  type Playback,
  type PlaybackKind,
  type PlaybackRules,
  type TrickPlayBlock,
} from '../../domain/playback'
import type { TrickPlayAction } from '../../domain/scrub'
import type { ScrubSettings } from '../../domain/subscription'
import type { Logger } from '../../platform/log'
import type { FailureReader, PlayerPorts } from './ports'

export type PlayerStatus = 'loading' | 'offer' | 'playing' | 'paused' | 'ended' | 'error'

/**
 * Why playback stopped. notFound: no such channel, programme or recording; notAllowed: no right
 * to it; signIn: nobody signed in; rightsWithdrawn: the right ended while watching; network: the
 * operator cannot be reached; stream: the media itself failed (missing, cut off, undecodable).
 */
export type PlayerErrorKind = 'notFound' | 'notAllowed' | 'signIn' | 'rightsWithdrawn' | 'network' | 'stream'

export interface PlayerState {
  status: PlayerStatus
  playback: Playback | undefined
  /** Where the viewer is on the timeline (Unix seconds, fractional). */
  position: number
  liveEdge: number
  bounds: { min: number; max: number }
  /** Watching live (within a few seconds of the live edge of a programme on now). */
  atLive: boolean
  rules: PlaybackRules | undefined
  /** The resume offer: seconds into the content. */
  offer: { offset: number } | undefined
  error: PlayerErrorKind | undefined
  /** The last refused action; `seq` grows so the same refusal twice is shown twice. */
  refusal: { action: TrickPlayAction; reason: TrickPlayBlock; seq: number } | undefined
}

/** What the video element is told to do; the UI applies these to the VideoPlayer. */
export type MediaCommand =
  | { type: 'load'; url: string; time: number }
  | { type: 'seek'; time: number }
  | { type: 'pause' }
  | { type: 'play' }
  | { type: 'stop' }

export interface PlayerSessionOptions {
  ports: PlayerPorts
  failures: FailureReader
  /** Operator time, ms. */
  nowMs: () => number
  /** Redraw ticks (the OSD's clock and live edge), e.g. every second. */
  tick$: Observable<unknown>
  /** When to renew the grant (KeepPlayback), e.g. every 20 s. */
  heartbeat$: Observable<unknown>
  /** When to save the resume point while playing, e.g. every 30 s. */
  save$: Observable<unknown>
  log: Logger
}

const INITIAL: PlayerState = {
  status: 'loading',
  playback: undefined,
  position: 0,
  liveEdge: 0,
  bounds: { min: 0, max: 0 },
  atLive: false,
  rules: undefined,
  offer: undefined,
  error: undefined,
  refusal: undefined,
}

/** One playback, as the player screen drives it. */
export interface PlayerSession {
  readonly state$: Observable<PlayerState>
  readonly current: PlayerState
  /** Commands for the video element. */
  readonly media$: Observable<MediaCommand>
  /** Resolves the stream and starts it (or offers the resume point first). */
  start(kind: PlaybackKind, id: string): Promise<void>
  /** The viewer's answer to the resume offer. */
  choose(resume: boolean): void
  togglePause(): void
  /** Seeks by `seconds` (negative: back), as far as the rights and the stream allow. */
  skip(seconds: number): void
  /** Back to the live edge (live and start-over); fast-forwarding there needs no right. */
  goLive(): void
  /** The video element's clock moved (timeupdate): the timeline follows it. */
  mediaTime(time: number): void
  /** The video element failed: the grant renewal tells why. */
  mediaError(): Promise<void>
  /** Saves where the viewer is (on exit); resolves once it is sent. */
  stop(): Promise<void>
  /** Starts the periodic work (redraw, grant renewal, resume saving). */
  connect(): void
  dispose(): void
}

/**
 * One playback: resolves the stream (rights checked by the operator), offers the resume point,
 * follows the media's clock into a position on the programme's timeline, lets trick-play act
 * only as the rights allow (a refusal is reported, not acted), renews the grant while watching
 * and saves resume points periodically and on exit.
 */
export const createPlayerSession = (options: PlayerSessionOptions): PlayerSession => {
  const { ports, failures, log } = options
  const state = new BehaviorSubject<PlayerState>(INITIAL)
  const media = new Subject<MediaCommand>()
  const subscriptions = new Subscription()
  let scrub: ScrubSettings | undefined
  let caps: Capabilities = NO_CAPABILITIES
  let lastMediaTime: number | undefined
  let refusals = 0
  let controller: AbortController | undefined
  let lastSaved: number | undefined
  let disposed = false
  let refreshing = false

  const now = (): number => options.nowMs() / 1000

  /** Everything derived from the playback, the position and the clock, recomputed on each change. */
  const derive = (patch: Partial<PlayerState>): PlayerState => {
    const next = { ...state.value, ...patch }
    const p = next.playback
    if (!p) return next
    const t = now()
    const bounds = seekBounds(p, t, caps)
    // Live follows the edge; playing behind it the position never overtakes it.
    const position = clampPosition(next.position, { min: p.start, max: bounds.max })
    return {
      ...next,
      position,
      liveEdge: liveEdgeAt(p, t),
      bounds,
      atLive: isAtLiveEdge(p, position, t),
      rules: playbackRules({ playback: p, scrub, caps, position, now: t }),
    }
  }
  const emit = (patch: Partial<PlayerState>): void => {
    if (!disposed) state.next(derive(patch))
  }

  const fail = (kind: PlayerErrorKind): void => {
    if (state.value.status === 'error') return
    void saveResume()
    media.next({ type: 'stop' })
    emit({ status: 'error', error: kind })
  }

  const errorKindOf = (error: unknown): PlayerErrorKind => {
    switch (failures.kindOf(error)) {
      case 'auth':
        return 'signIn'
      case 'denied':
        return 'notAllowed'
      case 'notFound':
        return 'notFound'
      case 'network':
        return 'network'
      default:
        return 'stream'
    }
  }

  const saveResume = async (): Promise<void> => {
    const { playback, status, position } = state.value
    if (!playback || status === 'offer' || status === 'loading') return
    const id = resumeContentId(playback)
    if (id === undefined) return
    const offset = resumePositionOf(playback, position)
    if (offset === lastSaved) return
    lastSaved = offset
    try {
      await ports.saveResume(id, offset)
    } catch (error: unknown) {
      lastSaved = undefined
      log.warn('saving the resume point failed', error)
    }
  }

  const load = (p: Playback, at: number, paused = false): void => {
    lastMediaTime = mediaTimeAt(p, at)
    media.next({ type: 'load', url: p.url, time: lastMediaTime })
    if (paused) media.next({ type: 'pause' })
    emit({ playback: p, position: at, status: paused ? 'paused' : 'playing', offer: undefined })
  }

  const seekTo = (target: number): void => {
    const { playback } = state.value
    if (!playback) return
    const position = clampPosition(target, state.value.bounds)
    lastMediaTime = mediaTimeAt(playback, position)
    media.next({ type: 'seek', time: lastMediaTime })
    emit({ position, status: state.value.status === 'ended' ? 'paused' : state.value.status })
  }

  const refuse = (action: TrickPlayAction, reason: TrickPlayBlock): void => {
    refusals += 1
    emit({ refusal: { action, reason, seq: refusals } })
  }

  /** Checks the rule for `action`; reports a refusal instead of acting. */
  const allowed = (action: TrickPlayAction): boolean => {
    const rule = state.value.rules?.[action]
    if (!rule) return false
    if (!rule.allowed) refuse(action, rule.reason)
    return rule.allowed
  }

  /** A live programme ended under the viewer: the next one takes its place on the same stream. */
  const followLive = async (p: Playback): Promise<void> => {
    if (refreshing) return
    refreshing = true
    try {
      const next = await ports.getPlayback('live', p.channelId, new AbortController().signal)
      emit({ playback: { ...next, url: p.url } })
    } catch (error: unknown) {
      fail(errorKindOf(error))
    } finally {
      refreshing = false
    }
  }

  const onTick = (): void => {
    const s = state.value
    const p = s.playback
    if (!p || s.status === 'error') return
    if (p.kind === 'live' && s.atLive && now() >= p.end) void followLive(p)
    emit({})
  }

  const onHeartbeat = async (): Promise<void> => {
    const s = state.value
    if (!s.playback || s.status === 'error' || s.status === 'offer') return
    try {
      await ports.keepPlayback(s.playback.playbackId)
    } catch (error: unknown) {
      const kind = failures.kindOf(error)
      fail(kind === 'network' ? 'network' : kind === 'auth' ? 'signIn' : 'rightsWithdrawn')
    }
  }

  return {
    state$: state.asObservable(),
    get current(): PlayerState {
      return state.value
    },
    /** Commands for the video element. */
    media$: media.asObservable(),

    /** Resolves the stream and starts it (or offers the resume point first). */
    async start(kind: PlaybackKind, id: string): Promise<void> {
      controller?.abort()
      controller = new AbortController()
      lastSaved = undefined
      emit({ ...INITIAL })
      let p: Playback
      try {
        const [playback, settings] = await Promise.all([
          ports.getPlayback(kind, id, controller.signal),
          ports.ready(),
          ports.scrubSettings().catch((error: unknown) => {
            // Without the customer's settings the channel's own rules apply (document 002).
            log.warn('scrubbing settings unavailable; the channel rules apply', error)
            return undefined
          }),
        ]).then(([playback, , settings]) => [playback, settings] as const)
        p = playback
        scrub = settings
      } catch (error: unknown) {
        if (controller.signal.aborted || disposed) return
        media.next({ type: 'stop' })
        emit({ status: 'error', error: errorKindOf(error) })
        return
      }
      if (disposed) return
      caps = ports.capabilities(p.channelId)
      const offer = resumeOffer(p, ports.resumes())
      if (offer) {
        emit({ playback: p, position: p.position, status: 'offer', offer, error: undefined })
        return
      }
      load(p, p.position)
    },

    /** The viewer's answer to the resume offer. */
    choose(resume: boolean): void {
      const { playback, offer, status } = state.value
      if (!playback || status !== 'offer') return
      load(playback, resume && offer ? playback.start + offer.offset : playback.start)
    },

    togglePause(): void {
      const s = state.value
      if (s.status === 'paused') {
        media.next({ type: 'play' })
        emit({ status: 'playing' })
      } else if (s.status === 'playing' && allowed('pause')) {
        media.next({ type: 'pause' })
        emit({ status: 'paused' })
        void saveResume()
      } else if (s.status === 'ended') {
        seekTo(s.playback?.start ?? 0)
        media.next({ type: 'play' })
        emit({ status: 'playing' })
      }
    },

    /** Seeks by `seconds` (negative: back), as far as the rights and the stream allow. */
    skip(seconds: number): void {
      const s = state.value
      if (!s.playback || (s.status !== 'playing' && s.status !== 'paused' && s.status !== 'ended')) return
      if (!allowed(seconds < 0 ? 'backward' : 'forward')) return
      seekTo(s.position + seconds)
    },

    /** Back to the live edge (live and start-over); fast-forwarding there needs no right. */
    goLive(): void {
      const s = state.value
      if (!s.playback || (s.playback.kind !== 'live' && s.playback.kind !== 'startover')) return
      seekTo(s.liveEdge)
      if (s.status === 'paused') {
        media.next({ type: 'play' })
        emit({ status: 'playing' })
      }
    },

    /** The video element's clock moved (timeupdate): the timeline follows it. */
    mediaTime(time: number): void {
      const s = state.value
      const p = s.playback
      if (!p || s.status !== 'playing') return
      const before = lastMediaTime
      lastMediaTime = time
      if (before === undefined) return
      const advance = mediaAdvance(before, time, p.clipDuration)
      if (advance === undefined || advance === 0) return
      const position = s.position + advance
      if (p.kind !== 'live' && position >= p.end - 0.5) {
        media.next({ type: 'pause' })
        emit({ position: p.end, status: 'ended' })
        void saveResume()
        return
      }
      emit({ position })
    },

    /**
     * The video element failed: the stream is missing, cut off or cannot be decoded, or the
     * operator refused the media because the right ended (another device ended the licence).
     * The grant renewal tells which, so that the viewer reads why it stopped.
     */
    async mediaError(): Promise<void> {
      const s = state.value
      if (s.status === 'error') return
      if (s.playback) {
        media.next({ type: 'stop' })
        try {
          await ports.keepPlayback(s.playback.playbackId)
        } catch (error: unknown) {
          const kind = failures.kindOf(error)
          if (kind === 'denied') return fail('rightsWithdrawn')
          if (kind === 'auth') return fail('signIn')
          if (kind === 'network') return fail('network')
        }
      }
      fail('stream')
    },

    /** Saves where the viewer is (on exit); resolves once it is sent. */
    async stop(): Promise<void> {
      controller?.abort()
      await saveResume()
      media.next({ type: 'stop' })
    },

    /** Starts the periodic work (redraw, grant renewal, resume saving). */
    connect(): void {
      subscriptions.add(options.tick$.subscribe(() => onTick()))
      subscriptions.add(options.heartbeat$.subscribe(() => void onHeartbeat()))
      subscriptions.add(
        options.save$.subscribe(() => {
          if (state.value.status === 'playing') void saveResume()
        }),
      )
    },

    dispose(): void {
      disposed = true
      controller?.abort()
      subscriptions.unsubscribe()
      state.complete()
      media.complete()
    },
  }
}
