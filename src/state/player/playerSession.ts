import { BehaviorSubject, Observable, Subject, Subscription } from 'rxjs'
import type { Programme } from '../../domain/guide'
import { NO_CAPABILITIES, type Capabilities } from '../../domain/channels'
import {
  clampPosition,
  isAtLiveEdge,
  liveEdgeAt,
  LIVE_WINDOW,
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
 * What a streaming failure was, as the stream wrapper tells it. streamMissing: the playlist is
 * not there; streamBroken: a playlist that cannot be read; segmentMissing: a piece of the media
 * is not there; stalled: a live stream that stopped coming; unplayable: a format the box cannot
 * decode; rightsWithdrawn: the operator refused the media; stream: any other failure;
 * playerLoad: the streaming library could not be loaded.
 */
export type StreamFailure =
  | 'streamMissing'
  | 'streamBroken'
  | 'segmentMissing'
  | 'stalled'
  | 'unplayable'
  | 'rightsWithdrawn'
  | 'stream'
  | 'playerLoad'

/**
 * Why playback stopped. notFound: no such channel, programme or recording; notAllowed: no right
 * to it; signIn: nobody signed in; rightsWithdrawn: the right ended while watching; network: the
 * operator cannot be reached; the rest: the stream failed (StreamFailure).
 */
export type PlayerErrorKind = 'notFound' | 'notAllowed' | 'signIn' | 'network' | StreamFailure

/** What the stream wrapper reports: a transient error hls.js retries, or one it gave up on. */
export type StreamReport =
  | { kind: 'ignore' }
  | { kind: 'recovering'; ifLost: StreamFailure }
  | { kind: 'failed'; failure: StreamFailure }
  | { kind: 'recovered' }

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
  /** The stream has an error that it is retrying: the picture may stand still meanwhile. */
  reconnecting: boolean
  /** Catch-up went on into the next programme (`seq` grows with each). */
  carriedOn: { title: string; seq: number } | undefined
}

/**
 * What the video is told to do; the UI applies these to the VideoPlayer. Times are operator
 * time (Unix seconds): `at` left out is the live edge; `origin` is where the stream's timeline
 * begins (the programme's start), to aim the first load before the stream tells its clock.
 */
export type MediaCommand =
  | { type: 'load'; url: string; at?: number; origin?: number }
  | { type: 'seek'; at: number }
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
  /**
   * Subscribed when the stream starts reconnecting: when it emits before the picture moves
   * again, the player gives up with the failure's message (e.g. `timer(20_000)`).
   */
  reconnect$: Observable<unknown>
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
  reconnecting: false,
  carriedOn: undefined,
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
  /** The stream's clock moved (operator time of the picture): the timeline follows it. */
  streamTime(at: number): void
  /** The stream reported trouble: reconnecting, or a failure (the grant renewal may tell why). */
  streamTrouble(report: StreamReport): void
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
  let refusals = 0
  let carried = 0
  let giveUp: Subscription | undefined
  let lostAs: StreamFailure = 'stream'
  let controller: AbortController | undefined
  let lastSaved: number | undefined
  let disposed = false
  let refreshing = false
  /** Catch-up is asking for the programme after the one that ended. */
  let carrying = false

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

  const stopReconnecting = (): void => {
    giveUp?.unsubscribe()
    giveUp = undefined
  }

  const fail = (kind: PlayerErrorKind): void => {
    if (state.value.status === 'error') return
    stopReconnecting()
    void saveResume()
    media.next({ type: 'stop' })
    emit({ status: 'error', error: kind, reconnecting: false })
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

  /** Live starts at the stream's live edge; the rest at `at` on a timeline from the programme's start. */
  const load = (p: Playback, at: number, paused = false): void => {
    stopReconnecting()
    media.next(
      p.kind === 'live' ? { type: 'load', url: p.url } : { type: 'load', url: p.url, at, origin: p.start },
    )
    if (paused) media.next({ type: 'pause' })
    emit({
      playback: p,
      position: at,
      status: paused ? 'paused' : 'playing',
      offer: undefined,
      reconnecting: false,
    })
  }

  /**
   * Live holds only the last few segments: going further back than that plays the programme
   * from its start-over stream (the timeshift the start-over right gives).
   */
  const timeshift = async (live: Playback, target: number, paused: boolean): Promise<void> => {
    if (live.programmeId === undefined) return
    try {
      const p = await ports.getPlayback('startover', live.programmeId, new AbortController().signal)
      if (disposed || state.value.playback !== live) return
      load(p, Math.max(target, p.start), paused)
    } catch (error: unknown) {
      fail(errorKindOf(error))
    }
  }

  const seekTo = (target: number): void => {
    const { playback, status } = state.value
    if (!playback) return
    const position = clampPosition(target, state.value.bounds)
    if (playback.kind === 'live' && position < state.value.liveEdge - LIVE_WINDOW) {
      void timeshift(playback, position, status === 'paused')
      return
    }
    media.next({ type: 'seek', at: position })
    emit({ position, status: status === 'ended' ? 'paused' : status })
  }

  /** The programme after `p` on its channel, when the rights allow watching it: catch-up plays on. */
  const carryOn = async (p: Playback): Promise<void> => {
    if (carrying) return
    carrying = true
    let next: Programme | undefined
    let granted: Playback | undefined
    try {
      next = await ports.nextProgramme(p.channelId, p.end)
      if (next && next.start <= p.end + 1) {
        const kind = next.end <= now() ? 'catchup' : 'startover'
        granted = await ports.getPlayback(kind, next.id, new AbortController().signal)
      }
    } catch (error: unknown) {
      // No right to the next one (or no guide): this one simply ends.
      log.info('catch-up does not go on into the next programme', error)
    } finally {
      carrying = false
    }
    if (disposed || state.value.playback !== p) return
    if (!granted || !next) {
      end(p)
      return
    }
    carried += 1
    lastSaved = undefined
    load(granted, granted.start)
    emit({ carriedOn: { title: granted.title, seq: carried } })
  }

  const end = (p: Playback): void => {
    media.next({ type: 'pause' })
    emit({ position: p.end, status: 'ended' })
    void saveResume()
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

  const streamFailed = async (failure: StreamFailure): Promise<void> => {
    const p = state.value.playback
    if (state.value.status === 'error' || !p) return
    stopReconnecting()
    media.next({ type: 'stop' })
    if (failure !== 'playerLoad' && failure !== 'unplayable') {
      try {
        await ports.keepPlayback(p.playbackId)
      } catch (error: unknown) {
        const kind = failures.kindOf(error)
        if (kind === 'denied') return fail('rightsWithdrawn')
        if (kind === 'auth') return fail('signIn')
        if (kind === 'network') return fail('network')
      }
    }
    fail(failure)
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
      const signal = controller.signal
      const settled = Promise.all([
        ports.ready(),
        ports.scrubSettings().catch((error: unknown) => {
          // Without the customer's settings the channel's own rules apply (document 002).
          log.warn('scrubbing settings unavailable; the channel rules apply', error)
          return undefined
        }),
      ]).then(([, settings]) => settings)
      let p: Playback
      try {
        p = await ports.getPlayback(kind, id, signal)
      } catch (error: unknown) {
        if (signal.aborted || disposed) return
        media.next({ type: 'stop' })
        emit({ status: 'error', error: errorKindOf(error) })
        return
      }
      if (disposed) return
      if (p.kind === 'live') {
        // Live has no resume offer: the stream loads at once (every zap waits on this), and
        // the rights and scrubbing settings refine what trick-play may do when they are in.
        caps = ports.capabilities(p.channelId)
        load(p, p.position)
        void settled.then((settings) => {
          if (signal.aborted || disposed) return
          scrub = settings
          caps = ports.capabilities(p.channelId)
          emit({})
        })
        return
      }
      scrub = await settled
      if (signal.aborted || disposed) return
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

    /** The stream's clock moved (operator time of the picture): the timeline follows it. */
    streamTime(at: number): void {
      const s = state.value
      const p = s.playback
      if (!p || s.status !== 'playing' || carrying) return
      if (p.kind !== 'live' && at >= p.end - 0.5) {
        if (p.kind === 'catchup') void carryOn(p)
        else end(p)
        return
      }
      if (at !== s.position) emit({ position: at })
    },

    /**
     * The stream reported trouble. A transient error shows "Reconnecting…" until new media
     * arrives, or until the player's patience runs out; a failure stops playback with its
     * message. The grant renewal tells a failure apart from a right that ended (another device
     * ended the licence), so that the viewer reads why it stopped.
     */
    streamTrouble(report: StreamReport): void {
      const s = state.value
      if (s.status === 'error' || !s.playback || report.kind === 'ignore') return
      if (report.kind === 'recovered') {
        stopReconnecting()
        if (s.reconnecting) emit({ reconnecting: false })
        return
      }
      if (report.kind === 'recovering') {
        lostAs = report.ifLost
        if (!giveUp) giveUp = options.reconnect$.subscribe(() => void streamFailed(lostAs))
        if (!s.reconnecting) emit({ reconnecting: true })
        return
      }
      void streamFailed(report.failure)
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
      stopReconnecting()
      controller?.abort()
      subscriptions.unsubscribe()
      state.complete()
      media.complete()
    },
  }
}
